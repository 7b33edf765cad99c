package logging_test

import (
	"bytes"
	"errors"
	"log/slog"
	"testing"

	"github.com/lee-engine/lee/logging"
)

// base64URL maps arbitrary fuzz bytes onto the base64url alphabet, so that
// the fuzzer explores token shapes rather than failing the shape check.
func base64URL(raw string, min int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	out := make([]byte, 0, len(raw)+min)
	for i := 0; i < len(raw); i++ {
		out = append(out, alphabet[raw[i]%64])
	}
	for len(out) < min {
		out = append(out, 'A')
	}
	return string(out)
}

// FuzzRedaction places a JSON Web Token and a bearer credential, built from
// fuzz input, anywhere in a message and in attribute values surrounded by
// fuzz text, and checks that neither comes out.
func FuzzRedaction(f *testing.F) {
	f.Add("", "", "hbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxIn0", "sig", "opaque-credential-1")
	f.Add("Authorization: ", " end", "x", "y", "", "abc.def")
	f.Add("eyJ", ".tail", "a.b", "c", "d.e", "===")
	f.Add("\xff\xfe", "\u2028\"\\", "", "p", "", "~+/")
	f.Add("bearer", "eyJ.", "-_", "_-", "-", "Bearer")
	f.Fuzz(func(t *testing.T, before, after, header, payload, signature, credential string) {
		jwt := "eyJ" + base64URL(header, 0) + "." + base64URL(payload, 1) + "." + base64URL(signature, 0)
		bearer := "Bearer " + base64URL(credential, 8)
		var buf bytes.Buffer
		l := logging.New(logging.Settings{Writer: &buf})
		for _, tok := range []string{jwt, bearer} {
			text := before + tok + after
			l.Slog().Info(text,
				"value", text,
				"err", errors.New(text),
				slog.Group("g", slog.String("nested", text)),
			)
		}
		for _, tok := range []string{jwt, bearer} {
			if found := leaks(t, buf.Bytes(), tok); len(found) > 0 {
				t.Fatalf("%q leaked at %v:\n%s", tok, found, buf.String())
			}
		}
	})
}
