package logging_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/logging"
)

const (
	testSecret = "s3cr3t-value-42"
	testJWT    = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWUifQ.sig_nature-9"
)

// secretValuer hides a secret behind slog.LogValuer.
type secretValuer struct{ v string }

func (s secretValuer) LogValue() slog.Value { return slog.GroupValue(slog.String("inner", s.v)) }

// exported and unexported carry a secret in a field the JSON handler writes
// and in one only fmt prints.
type exported struct {
	Header string
	Nested map[string]any
}

type unexported struct{ header string }

// panicky is an error whose Error method fails on a nil receiver.
type panicky struct{ msg string }

func (p *panicky) Error() string { return p.msg }

// redactionCase logs one line through a redacting handler; hidden must not
// appear in it and want lists top-level fields it must carry.
type redactionCase struct {
	name   string
	log    func(*slog.Logger)
	hidden []string
	want   map[string]any
}

var redactionCases = []redactionCase{
	{
		name: "sensitive keys",
		log: func(l *slog.Logger) {
			l.Info("m", "token", "t1", "Authorization", "a1", "x-api-KEY", "k1", "Cookie", "c1", "password", "p1", "client_secret", "s1")
		},
		hidden: []string{"t1", "a1", "k1", "c1", "p1", "s1"},
		want:   map[string]any{"token": "[REDACTED]", "Authorization": "[REDACTED]", "client_secret": "[REDACTED]"},
	},
	{
		name: "ordinary keys stay",
		log:  func(l *slog.Logger) { l.Info("m", "user", "alice", "count", 3) },
		want: map[string]any{"user": "alice", "count": 3.0},
	},
	{
		name: "sensitive key in a group",
		log: func(l *slog.Logger) {
			l.Info("m", slog.Group("req", slog.String("accessToken", "zz-value"), slog.String("path", "/api")))
		},
		hidden: []string{"zz-value"},
	},
	{
		name:   "bearer in message",
		log:    func(l *slog.Logger) { l.Info("sent Bearer opaque-credential") },
		hidden: []string{"opaque-credential"},
		want:   map[string]any{"msg": "sent Bearer [REDACTED]"},
	},
	{
		name:   "jwt in string value",
		log:    func(l *slog.Logger) { l.Info("m", "body", "x"+testJWT+" y") },
		hidden: []string{testJWT},
		want:   map[string]any{"body": "x[REDACTED] y"},
	},
	{
		name:   "registered secret in error",
		log:    func(l *slog.Logger) { l.Error("m", "err", fmt.Errorf("call: %w", errors.New("bad "+testSecret))) },
		hidden: []string{testSecret},
		want:   map[string]any{"err": "call: bad [REDACTED]"},
	},
	{
		name: "clean error stays",
		log:  func(l *slog.Logger) { l.Error("m", "err", errors.New("timeout")) },
		want: map[string]any{"err": "timeout"},
	},
	{
		name: "nil pointer error",
		log:  func(l *slog.Logger) { l.Error("m", "err", error((*panicky)(nil))) },
		want: map[string]any{"msg": "m"},
	},
	{
		name:   "log valuer",
		log:    func(l *slog.Logger) { l.Info("m", "v", secretValuer{testSecret}) },
		hidden: []string{testSecret},
	},
	{
		name: "any value, exported fields",
		log: func(l *slog.Logger) {
			l.Info("m", "v", exported{Header: "Bearer q-credential", Nested: map[string]any{"Password": "pw-1", "id": testJWT}})
		},
		hidden: []string{"q-credential", "pw-1", testJWT},
	},
	{
		name:   "any value, unexported field",
		log:    func(l *slog.Logger) { l.Info("m", "v", unexported{header: testSecret}) },
		hidden: []string{testSecret},
	},
	{
		name:   "secret in bytes",
		log:    func(l *slog.Logger) { l.Info("m", "body", []byte(`{"token":"`+testSecret+`"}`)) },
		hidden: []string{testSecret, base64.StdEncoding.EncodeToString([]byte(testSecret))[:12]},
	},
	{
		name: "nil any",
		log:  func(l *slog.Logger) { l.Info("m", "err", error(nil)) },
		want: map[string]any{"err": nil},
	},
	{
		name:   "secret in a key",
		log:    func(l *slog.Logger) { l.Info("m", testSecret, 1) },
		hidden: []string{testSecret},
	},
	{
		name:   "bound attrs and groups",
		log:    func(l *slog.Logger) { l.With("b", testSecret).WithGroup("g"+testSecret).Info("m", "c", testJWT) },
		hidden: []string{testSecret, testJWT},
	},
	{
		name:   "sensitive group hides its members",
		log:    func(l *slog.Logger) { l.WithGroup("secrets").With("a", "member-a").Info("m", "b", "member-b") },
		hidden: []string{"member-a", "member-b"},
	},
}

func TestRedactingHandler(t *testing.T) {
	for _, tt := range redactionCases {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			h := logging.NewRedactingHandler(slog.NewJSONHandler(&buf, nil), testSecret, "")
			tt.log(slog.New(h))
			for _, s := range tt.hidden {
				if found := leaks(t, buf.Bytes(), s); len(found) > 0 {
					t.Errorf("%q leaked at %v:\n%s", s, found, buf.String())
				}
			}
			lines := decodeLines(t, buf.Bytes())
			if len(lines) != 1 {
				t.Fatalf("want 1 line, got %d", len(lines))
			}
			for k, v := range tt.want {
				if lines[0][k] != v {
					t.Errorf("%s = %#v, want %#v", k, lines[0][k], v)
				}
			}
		})
	}
}

// countingHandler records what reaches it, to observe the redacting handler
// from the inside.
type countingHandler struct {
	records int
	attrs   int
}

func (c *countingHandler) Enabled(context.Context, slog.Level) bool { return true }
func (c *countingHandler) Handle(_ context.Context, r slog.Record) error {
	c.records++
	c.attrs += r.NumAttrs()
	return nil
}
func (c *countingHandler) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *countingHandler) WithGroup(string) slog.Handler      { return c }

func TestCleanRecordDoesNotAllocate(t *testing.T) {
	next := &countingHandler{}
	h := logging.NewRedactingHandler(next, testSecret)
	r := slog.NewRecord(time.Now(), slog.LevelInfo, "relayed directive to Home Assistant", 0)
	r.AddAttrs(
		slog.String("namespace", "Alexa.PowerController"),
		slog.Int("status", 200),
		slog.Duration("took", 30*time.Millisecond),
		slog.Group("endpoint", slog.String("id", "light.kitchen")),
	)
	ctx := context.Background()
	allocs := testing.AllocsPerRun(100, func() {
		if err := h.Handle(ctx, r); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Fatalf("clean record cost %v allocations, want 0", allocs)
	}
	if next.records == 0 || next.attrs != 4*next.records {
		t.Fatalf("records did not reach the next handler intact: %+v", next)
	}
}

func TestLoggerRedactsEveryLevel(t *testing.T) {
	var buf bytes.Buffer
	l := logging.New(logging.Settings{Writer: &buf, Level: slog.LevelDebug, Secrets: []string{testSecret}})
	ctx := context.Background()
	for _, write := range []func(context.Context, string, ...slog.Attr){l.Debug, l.Info, l.Warn, l.Error} {
		write(ctx, "msg "+testSecret, slog.String("authorization", "Bearer x"), slog.Any("err", errors.New(testJWT)))
	}
	if n := len(decodeLines(t, buf.Bytes())); n != 4 {
		t.Fatalf("want 4 lines, got %d", n)
	}
	for _, s := range []string{testSecret, testJWT, "Bearer x"} {
		if found := leaks(t, buf.Bytes(), s); len(found) > 0 {
			t.Fatalf("%q leaked at %v", s, found)
		}
	}
	if strings.Count(buf.String(), logging.Redacted) != 12 {
		t.Fatalf("want 3 redactions per line:\n%s", buf.String())
	}
}
