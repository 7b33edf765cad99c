package logging_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"unicode"

	"pgregory.net/rapid"

	"github.com/lee-engine/lee/logging"
)

// structure is every piece of text a line carries that the test does not
// choose at random. A "secret" drawn as a substring of it would be found in
// the output without having leaked, so such draws are skipped, as are those
// containing a bracket: no redactor can keep "[REDACTED]" itself out of the
// output.
const structure = `{"time":"","level":"DEBUG INFO WARN ERROR","msg":"","requestId":"req-property","correlationId":"corr-property",` +
	`"attr":"","err":"","group":{"inner":""},"valuer":{"inner":""},"any":{"Field":""},"bound":"",` + logging.Redacted

var printable = rapid.RuneFrom(nil, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs)

func secretGen() *rapid.Generator[string] {
	return rapid.StringOfN(printable, 8, 40, -1).Filter(func(s string) bool {
		return !strings.ContainsAny(s, "[]") && !strings.Contains(structure, s)
	})
}

func jwtGen() *rapid.Generator[string] {
	part := func(min int) *rapid.Generator[string] {
		return rapid.StringMatching(fmt.Sprintf(`[A-Za-z0-9_-]{%d,40}`, min))
	}
	return rapid.Custom(func(t *rapid.T) string {
		return "eyJ" + part(0).Draw(t, "header") + "." + part(1).Draw(t, "payload") + "." + part(0).Draw(t, "signature")
	})
}

// anyStruct carries a value inside a struct logged with slog.Any.
type anyStruct struct{ Field string }

// logEverywhere writes one line through l with needle placed, wrapped in
// random text, in the message, a string attribute, an error, a nested
// group, a LogValuer, a struct, a bound attribute and an attribute key.
func logEverywhere(t *rapid.T, ctx context.Context, l *logging.Logger, needle string) {
	text := rapid.String()
	wrap := func(label string) string {
		return text.Draw(t, label+" before") + needle + text.Draw(t, label+" after")
	}
	l.Slog().With("bound", wrap("bound")).InfoContext(ctx, wrap("msg"),
		"attr", wrap("attr"),
		"err", fmt.Errorf("relay: %w", errors.New(wrap("err"))),
		slog.Group("group", slog.String("inner", wrap("group"))),
		"valuer", secretValuer{wrap("valuer")},
		"any", anyStruct{Field: wrap("any")},
		wrap("key"), 1,
	)
}

func TestPropertyRegisteredSecretNeverWritten(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		secret := secretGen().Draw(t, "secret")
		perInvocation := rapid.Bool().Draw(t, "per invocation")
		var buf bytes.Buffer
		s := logging.Settings{Writer: &buf}
		if !perInvocation {
			s.Secrets = []string{secret}
		}
		l := logging.New(s)
		ctx := l.Begin(context.Background(), "req-property")
		l.SetCorrelationID(ctx, "corr-property")
		if perInvocation {
			l.AddSecret(ctx, secret)
		}
		logEverywhere(t, ctx, l, secret)
		if found := leaks(t, buf.Bytes(), secret); len(found) > 0 {
			t.Fatalf("secret %q leaked at %v:\n%s", secret, found, buf.String())
		}
	})
}

func TestPropertyJWTNeverWritten(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		token := jwtGen().Draw(t, "jwt")
		var buf bytes.Buffer
		l := logging.New(logging.Settings{Writer: &buf})
		ctx := l.Begin(context.Background(), "req-property")
		logEverywhere(t, ctx, l, token)
		if found := leaks(t, buf.Bytes(), token); len(found) > 0 {
			t.Fatalf("token %q leaked at %v:\n%s", token, found, buf.String())
		}
	})
}
