package security

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckTokenShape(t *testing.T) {
	tests := []struct {
		name string
		tok  string
		ok   bool
	}{
		{name: "jwt", tok: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", ok: true},
		{name: "all visible ASCII", tok: "!~\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}", ok: true},
		{name: "exactly the limit", tok: strings.Repeat("a", MaxTokenBytes), ok: true},
		{name: "empty"},
		{name: "one past the limit", tok: strings.Repeat("a", MaxTokenBytes+1)},
		{name: "space", tok: "Bearer abc"},
		{name: "tab", tok: "abc\tdef"},
		{name: "newline", tok: "abc\r\nX-Evil: 1"},
		{name: "NUL", tok: "abc\x00"},
		{name: "DEL", tok: "abc\x7f"},
		{name: "non-ASCII", tok: "abcé"},
		{name: "invalid UTF-8", tok: "abc\xff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTokenShape(tt.tok)
			if tt.ok {
				if err != nil {
					t.Fatalf("CheckTokenShape() = %v, want nil", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrBadToken) || ve.Field != "token" {
				t.Fatalf("CheckTokenShape() = %v, want a token *ValidationError wrapping ErrBadToken", err)
			}
			if tt.tok != "" && strings.Contains(err.Error(), tt.tok[:min(len(tt.tok), 3)]) {
				t.Fatalf("error %q quotes the token", err)
			}
		})
	}
}
