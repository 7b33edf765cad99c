package gateway

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestInterfaceNames(t *testing.T) {
	for _, i := range Interfaces() {
		for _, spelling := range []string{i.String(), strings.ToUpper(i.String()), " " + i.String() + "\t"} {
			got, err := ParseInterface(spelling)
			if err != nil || got != i {
				t.Errorf("ParseInterface(%q) = %v, %v; want %s", spelling, got, err, i)
			}
		}
	}
	if len(Interfaces()) != 11 || Interfaces()[0] != Cache || Interfaces()[10] != Config {
		t.Errorf("Interfaces() = %v; want the eleven, cache first, config last", Interfaces())
	}
	if s := Interface(42).String(); s != "interface(42)" || Interface(42).Valid() {
		t.Errorf("invalid interface prints %q", s)
	}
	if _, err := ParseInterface("gateway"); err == nil || !strings.Contains(err.Error(), "cache, logging") {
		t.Errorf("ParseInterface(gateway) error %v; want the valid names listed", err)
	}
}

func TestOperationNames(t *testing.T) {
	for _, op := range Operations() {
		for _, spelling := range []string{op.String(), strings.ToLower(op.String()), " " + op.String()} {
			got, err := ParseOperation(spelling)
			if err != nil || got != op {
				t.Errorf("ParseOperation(%q) = %v, %v; want %s", spelling, got, err, op)
			}
		}
	}
	universal := []string{"GET", "SET", "DELETE", "CREATE", "UPDATE", "VALIDATE", "CHECK", "STATUS",
		"OPTIMIZE", "CLEANUP", "RESET", "BACKUP", "RESTORE"}
	for n, name := range universal {
		if Operation(n).String() != name {
			t.Errorf("operation %d is %s; want the plan's %s", n, Operation(n), name)
		}
	}
	if s := Operation(99).String(); s != "operation(99)" || Operation(99).Valid() {
		t.Errorf("invalid operation prints %q", s)
	}
	if _, err := ParseOperation("FETCH"); err == nil {
		t.Error("ParseOperation(FETCH) succeeded")
	}
}

// TestParseProperty: any text either parses to a valid value whose name is
// the text normalized, or is refused; nothing panics.
func TestParseProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), rapid.SampledFrom(append(operationNames[:], interfaceNames[:]...))).Draw(t, "s")
		if i, err := ParseInterface(s); err == nil && (!i.Valid() || i.String() != strings.ToLower(strings.TrimSpace(s))) {
			t.Fatalf("ParseInterface(%q) = %s", s, i)
		}
		if op, err := ParseOperation(s); err == nil && (!op.Valid() || op.String() != strings.ToUpper(strings.TrimSpace(s))) {
			t.Fatalf("ParseOperation(%q) = %s", s, op)
		}
	})
}
