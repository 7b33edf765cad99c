package utility_test

import (
	"testing"

	"github.com/lee-engine/lee/utility"
)

func TestLeadingByte(t *testing.T) {
	tests := []struct {
		in     string
		want   byte
		object bool
	}{
		{"", 0, false},
		{" \t\r\n", 0, false},
		{"{}", '{', true},
		{"\n\t {\"a\":1}", '{', true},
		{"[1]", '[', false},
		{"  <html>", '<', false},
		{"\u00a0{", 0xc2, false}, // a no-break space is not JSON white space
		{"\f{", '\f', false},     // nor is a form feed
		{"null", 'n', false},
	}
	for _, tt := range tests {
		if got := utility.LeadingByte([]byte(tt.in)); got != tt.want {
			t.Errorf("LeadingByte(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := utility.IsJSONObject([]byte(tt.in)); got != tt.object {
			t.Errorf("IsJSONObject(%q) = %v, want %v", tt.in, got, tt.object)
		}
	}
}

func TestLeadingByteAllocatesNothing(t *testing.T) {
	b := []byte("   {\"directive\":{}}")
	if n := testing.AllocsPerRun(100, func() { _ = utility.IsJSONObject(b) }); n != 0 {
		t.Errorf("IsJSONObject allocates %v times, want 0", n)
	}
}
