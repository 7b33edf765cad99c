package security

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateEvent(t *testing.T) {
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	tests := []struct {
		name string
		raw  string
		lim  Limits
		want error
	}{
		{name: "directive", raw: directiveJSON},
		{name: "empty object", raw: `{}`},
		{name: "surrounding whitespace", raw: " \n\t{\"a\":1}\r\n "},
		{name: "brackets inside strings do not count", raw: `{"a":"[[[[{{{{\"[[["}`, lim: Limits{MaxDepth: 1}},
		{name: "exactly max depth", raw: `{"a":` + nested(31) + `}`},
		{name: "one past max depth", raw: `{"a":` + nested(32) + `}`, want: ErrTooDeep},
		{name: "custom depth", raw: `{"a":{"b":{}}}`, lim: Limits{MaxDepth: 2}, want: ErrTooDeep},
		{name: "hostile depth", raw: "{" + strings.Repeat("[", 200000), want: ErrTooDeep},
		{name: "exactly max bytes", raw: `{"a":"xx"}`, lim: Limits{MaxBytes: 10}},
		{name: "one past max bytes", raw: `{"a":"xxx"}`, lim: Limits{MaxBytes: 10}, want: ErrTooLarge},
		{name: "default max bytes", raw: `{"a":"` + strings.Repeat("x", 256<<10) + `"}`, want: ErrTooLarge},
		{name: "empty", raw: ``, want: ErrNotJSON},
		{name: "blank", raw: " \n ", want: ErrNotJSON},
		{name: "array", raw: `[{}]`, want: ErrNotJSON},
		{name: "null", raw: `null`, want: ErrNotJSON},
		{name: "string", raw: `"{}"`, want: ErrNotJSON},
		{name: "invalid UTF-8 in string", raw: "{\"a\":\"\xff\"}", want: ErrNotJSON},
		// The grammar is the decoder's to judge (lambdaiface.Decode), so
		// that an event is scanned for it once: these pass here.
		{name: "truncated", raw: `{"a":`},
		{name: "trailing value", raw: `{}{}`},
		{name: "unbalanced close", raw: `{}]`},
		{name: "raw control in string", raw: "{\"a\":\"\n\"}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateEvent([]byte(tt.raw), tt.lim)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("ValidateEvent() = %v, want %v", err, tt.want)
			}
			if err == nil {
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "event" {
				t.Fatalf("error %v is not a *ValidationError for field event", err)
			}
		})
	}
}

// TestValidateEventAcceptsFixtures checks the project's own directives
// and answers pass the default limits. (tools/conformance checks the same
// of Amazon's sample messages.)
func TestValidateEventAcceptsFixtures(t *testing.T) {
	for path, data := range loadFixtures(t) {
		if err := ValidateEvent(data, Limits{}); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

func TestValidateEventErrorHidesContent(t *testing.T) {
	secret := "sk-very-secret-token"
	inputs := []string{
		`{"token":"` + secret + "\xff\"}",
		`{"token":"` + secret + `"}` + strings.Repeat(" ", 300<<10),
		`{"token":"` + secret + `","a":` + strings.Repeat("[", 40) + `}`,
	}
	for _, in := range inputs {
		err := ValidateEvent([]byte(in), Limits{})
		if err == nil {
			t.Fatalf("ValidateEvent accepted a bad event")
		}
		if strings.Contains(err.Error(), secret) {
			t.Fatalf("error %q quotes the input", err)
		}
	}
}

func TestValidationErrorFormat(t *testing.T) {
	err := error(&ValidationError{Field: "token", Reason: "empty", Err: ErrBadToken})
	if got, want := err.Error(), "field token: empty"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrBadToken) {
		t.Fatal("errors.Is does not reach the sentinel")
	}
}
