package security

import (
	"errors"
	"testing"
)

func TestRequireFields(t *testing.T) {
	header := []string{"directive.header.namespace", "directive.header.name", "directive.header.payloadVersion"}
	tests := []struct {
		name      string
		raw       string
		paths     []string
		wantField string
		want      error
	}{
		{name: "directive", raw: directiveJSON, paths: append(header, "directive.endpoint.scope.token")},
		{name: "no paths", raw: `{}`},
		{name: "whitespace around values", raw: `{ "a" : { "b" : "x" } , "c" : null }`, paths: []string{"a.b"}},
		{name: "missing leaf", raw: `{"directive":{"header":{"namespace":"Alexa"}}}`, paths: header,
			wantField: "directive.header.name", want: ErrMissingField},
		{name: "missing intermediate", raw: `{"directive":{}}`, paths: header,
			wantField: "directive.header", want: ErrMissingField},
		{name: "null leaf", raw: `{"a":null}`, paths: []string{"a"}, wantField: "a", want: ErrMissingField},
		{name: "null intermediate", raw: `{"a":null}`, paths: []string{"a.b"}, wantField: "a", want: ErrMissingField},
		{name: "empty string", raw: `{"a":{"b":""}}`, paths: []string{"a.b"}, wantField: "a.b", want: ErrBadField},
		{name: "number leaf", raw: `{"a":{"b":3}}`, paths: []string{"a.b"}, wantField: "a.b", want: ErrBadField},
		{name: "object leaf", raw: `{"a":{"b":{}}}`, paths: []string{"a.b"}, wantField: "a.b", want: ErrBadField},
		{name: "string on the way", raw: `{"a":"x"}`, paths: []string{"a.b"}, wantField: "a", want: ErrBadField},
		{name: "array on the way", raw: `{"a":[{"b":"x"}]}`, paths: []string{"a.b"}, wantField: "a", want: ErrBadField},
		{name: "first failing path is named", raw: `{"a":"x"}`, paths: []string{"a", "b", "c"}, wantField: "b", want: ErrMissingField},
		{name: "empty segment", raw: `{"a":"x"}`, paths: []string{"a..b"}, wantField: "a..b", want: ErrBadField},
		{name: "empty path", raw: `{"a":"x"}`, paths: []string{""}, wantField: "", want: ErrBadField},
		{name: "not JSON", raw: `{"a":`, paths: []string{"a"}, wantField: "event", want: ErrNotJSON},
		{name: "not an object", raw: `["a"]`, paths: []string{"a"}, wantField: "event", want: ErrNotJSON},
		{name: "null document", raw: `null`, wantField: "event", want: ErrNotJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := RequireFields([]byte(tt.raw), tt.paths...)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("RequireFields() = %v, want nil", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, tt.want) {
				t.Fatalf("RequireFields() = %v, want a *ValidationError wrapping %v", err, tt.want)
			}
			if ve.Field != tt.wantField {
				t.Fatalf("Field = %q, want %q", ve.Field, tt.wantField)
			}
		})
	}
}

// TestRequireFieldsFixtureDirectives checks the header fields of every
// directive of the project's own fixtures.
func TestRequireFieldsFixtureDirectives(t *testing.T) {
	checkDirectiveHeaders(t, loadFixtures(t))
}

// TestRequireFieldsAlexaRequests checks the same of Amazon's samples.
func TestRequireFieldsAlexaRequests(t *testing.T) {
	checkDirectiveHeaders(t, loadAlexaSamples(t))
}

// checkDirectiveHeaders fails unless every directive among messages has
// the four header fields a directive needs, and there is one at least.
func checkDirectiveHeaders(t *testing.T, messages map[string][]byte) {
	checked := 0
	for path, data := range messages {
		if err := RequireFields(data, "directive.header.namespace"); err != nil {
			continue
		}
		checked++
		if err := RequireFields(data, "directive.header.namespace", "directive.header.name",
			"directive.header.payloadVersion", "directive.header.messageId"); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
	if checked == 0 {
		t.Fatal("no directive found among the Alexa messages")
	}
}
