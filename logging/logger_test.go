package logging_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/logging"
)

func TestLevels(t *testing.T) {
	ctx := context.Background()
	write := map[string]func(*logging.Logger){
		"DEBUG": func(l *logging.Logger) { l.Debug(ctx, "m") },
		"INFO":  func(l *logging.Logger) { l.Info(ctx, "m") },
		"WARN":  func(l *logging.Logger) { l.Warn(ctx, "m") },
		"ERROR": func(l *logging.Logger) { l.Error(ctx, "m") },
	}
	tests := []struct {
		level slog.Level
		want  []string
	}{
		{slog.LevelDebug, []string{"DEBUG", "INFO", "WARN", "ERROR"}},
		{slog.LevelInfo, []string{"INFO", "WARN", "ERROR"}},
		{slog.LevelWarn, []string{"WARN", "ERROR"}},
		{slog.LevelError, []string{"ERROR"}},
	}
	for _, tt := range tests {
		t.Run(tt.level.String(), func(t *testing.T) {
			var buf bytes.Buffer
			l := logging.New(logging.Settings{Level: tt.level, Writer: &buf})
			for _, name := range []string{"DEBUG", "INFO", "WARN", "ERROR"} {
				write[name](l)
			}
			lines := decodeLines(t, buf.Bytes())
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(tt.want), buf.String())
			}
			for i, line := range lines {
				if line["level"] != tt.want[i] {
					t.Errorf("line %d level = %v, want %s", i, line["level"], tt.want[i])
				}
			}
			if l.Enabled(tt.level-1) || !l.Enabled(tt.level) {
				t.Errorf("Enabled disagrees with level %v", tt.level)
			}
		})
	}
}

func TestIDsOnEveryLine(t *testing.T) {
	var buf bytes.Buffer
	l := logging.New(logging.Settings{Writer: &buf})
	ctx := l.Begin(context.Background(), "req-1")
	l.Info(ctx, "before correlation")
	l.SetCorrelationID(ctx, "msg-1")
	l.Warn(ctx, "direct", slog.Int("n", 1))
	l.Slog().InfoContext(ctx, "through slog", "n", 2)
	l.Slog().With("a", 1).WithGroup("g").With("b", 2).WithGroup("h").InfoContext(ctx, "grouped", "c", 3)
	l.End(ctx)
	ctx = l.Begin(context.Background(), "req-2")
	l.Error(ctx, "next invocation")

	lines := decodeLines(t, buf.Bytes())
	want := []struct{ req, corr string }{
		{"req-1", ""}, {"req-1", "msg-1"}, {"req-1", "msg-1"}, {"req-1", "msg-1"}, {"req-2", ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), buf.String())
	}
	for i, w := range want {
		t.Run(fmt.Sprint(lines[i]["msg"]), func(t *testing.T) {
			if lines[i]["requestId"] != w.req {
				t.Errorf("requestId = %v, want %q", lines[i]["requestId"], w.req)
			}
			corr, ok := lines[i]["correlationId"]
			if (w.corr == "") == ok || (ok && corr != w.corr) {
				t.Errorf("correlationId = %v (present %v), want %q", corr, ok, w.corr)
			}
			for _, key := range []string{"time", "level", "msg"} {
				if _, ok := lines[i][key]; !ok {
					t.Errorf("line has no %q", key)
				}
			}
		})
	}
	grouped := lines[3]
	g, _ := grouped["g"].(map[string]any)
	h, _ := g["h"].(map[string]any)
	if grouped["a"] != 1.0 || g["b"] != 2.0 || h["c"] != 3.0 {
		t.Errorf("groups folded wrongly: %v", grouped)
	}
}

func TestLineCap(t *testing.T) {
	tests := []struct {
		name    string
		max     int
		write   int
		written int
	}{
		{name: "under the cap", max: 3, write: 2, written: 2},
		{name: "at the cap", max: 3, write: 3, written: 3},
		{name: "over the cap", max: 3, write: 7, written: 3},
		{name: "zero means 200", max: 0, write: 205, written: 200},
		{name: "negative means 200", max: -1, write: 201, written: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := logging.New(logging.Settings{Writer: &buf, MaxLinesPerInvocation: tt.max})
			ctx := l.Begin(context.Background(), "req")
			for i := range tt.write {
				l.Info(ctx, "line", slog.Int("i", i))
			}
			dropped := uint64(tt.write - tt.written)
			if got := l.Dropped(ctx); got != dropped {
				t.Errorf("Dropped() = %d, want %d", got, dropped)
			}
			if got := len(decodeLines(t, buf.Bytes())); got != tt.written {
				t.Fatalf("wrote %d lines, want %d", got, tt.written)
			}
			l.End(ctx)
			lines := decodeLines(t, buf.Bytes())
			if dropped == 0 {
				if len(lines) != tt.written {
					t.Fatalf("End wrote a line although nothing was dropped")
				}
				return
			}
			last := lines[len(lines)-1]
			if len(lines) != tt.written+1 || last["dropped"] != float64(dropped) || last["level"] != "WARN" {
				t.Fatalf("want one summary line with dropped=%d, got %d lines, last %v", dropped, len(lines), last)
			}
		})
	}
}

func TestBeginGivesAFullBudget(t *testing.T) {
	var buf bytes.Buffer
	l := logging.New(logging.Settings{Writer: &buf, MaxLinesPerInvocation: 2})
	for _, req := range []string{"a", "b"} {
		ctx := l.Begin(context.Background(), req)
		for range 3 {
			l.Slog().InfoContext(ctx, "line")
		}
		if l.Dropped(ctx) != 1 {
			t.Fatalf("invocation %s: Dropped = %d, want 1", req, l.Dropped(ctx))
		}
	}
	lines := decodeLines(t, buf.Bytes())
	if len(lines) != 4 || lines[1]["requestId"] != "a" || lines[2]["requestId"] != "b" {
		t.Fatalf("want two lines per invocation, got %v", lines)
	}
}

// TestLinesOutsideAnInvocation checks lines written without an
// invocation's context: no request id of anyone's, no cap, and redaction
// with the secrets of every invocation in progress (net/http's own log
// line cannot be told apart).
func TestLinesOutsideAnInvocation(t *testing.T) {
	var buf bytes.Buffer
	l := logging.New(logging.Settings{Writer: &buf, MaxLinesPerInvocation: 1})
	a := l.Begin(context.Background(), "req-a")
	b := l.Begin(context.Background(), "req-b")
	l.AddSecret(a, "token-of-invocation-a")
	l.AddSecret(b, "token-of-invocation-b")
	for range 3 {
		l.Warn(context.Background(), "unsolicited bytes: token-of-invocation-a token-of-invocation-b")
	}
	l.End(a)
	l.Warn(context.Background(), "after a ended: token-of-invocation-a token-of-invocation-b")
	lines := decodeLines(t, buf.Bytes())
	if len(lines) != 4 {
		t.Fatalf("want 4 uncapped lines, got %d:\n%s", len(lines), buf.String())
	}
	for _, line := range lines[:3] {
		if line["requestId"] != "" || line["msg"] != "unsolicited bytes: [REDACTED] [REDACTED]" {
			t.Errorf("line = %v", line)
		}
	}
	if got := lines[3]["msg"]; got != "after a ended: token-of-invocation-a [REDACTED]" {
		t.Errorf("after the end of a: msg = %q; want only b's token redacted", got)
	}
}

// TestConcurrentInvocations runs invocations at the same time, each with
// its own ids, secret and budget, and checks that no line carries another
// invocation's ids or shows any token.
func TestConcurrentInvocations(t *testing.T) {
	const invocations, lines, max = 16, 20, 10
	var buf syncBuffer
	l := logging.New(logging.Settings{Writer: &buf, MaxLinesPerInvocation: max})
	var wg sync.WaitGroup
	for i := range invocations {
		wg.Go(func() {
			ctx := l.Begin(context.Background(), fmt.Sprintf("req-%02d", i))
			token := fmt.Sprintf("secret-token-%02d", i)
			l.SetCorrelationID(ctx, fmt.Sprintf("msg-%02d", i))
			l.AddSecret(ctx, token)
			for n := range lines {
				if n%2 == 0 {
					l.Info(ctx, "working", slog.String("invocation", fmt.Sprintf("%02d", i)), slog.String("said", "Bearer "+token))
				} else {
					l.Slog().InfoContext(ctx, "working", "invocation", fmt.Sprintf("%02d", i), "said", token)
				}
			}
			l.End(ctx)
		})
	}
	wg.Wait()
	out := buf.Bytes()
	got := decodeLines(t, out)
	perInvocation := map[string]int{}
	for _, line := range got {
		id, _ := line["invocation"].(string)
		if line["msg"] == "log lines dropped: per-invocation cap reached" {
			id = strings.TrimPrefix(line["requestId"].(string), "req-")
		}
		if line["requestId"] != "req-"+id || line["correlationId"] != "msg-"+id {
			t.Fatalf("line of invocation %s carries %v / %v", id, line["requestId"], line["correlationId"])
		}
		perInvocation[id]++
	}
	for i := range invocations {
		if n := perInvocation[fmt.Sprintf("%02d", i)]; n != max+1 {
			t.Errorf("invocation %d wrote %d lines, want %d and the summary", i, n, max)
		}
		if found := leaks(t, out, fmt.Sprintf("secret-token-%02d", i)); len(found) > 0 {
			t.Fatalf("token %d leaked at %v", i, found)
		}
	}
}

func TestConcurrentLogging(t *testing.T) {
	const goroutines, each, max = 8, 50, 100
	var buf bytes.Buffer
	l := logging.New(logging.Settings{Writer: &buf, MaxLinesPerInvocation: max})
	ctx := l.Begin(context.Background(), "req")
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				if i%2 == 0 {
					l.Info(ctx, "line", slog.Int("g", g))
				} else {
					l.Slog().InfoContext(ctx, "line", "g", g)
				}
			}
		})
	}
	wg.Wait()
	lines := decodeLines(t, buf.Bytes())
	if len(lines) != max || l.Dropped(ctx) != goroutines*each-max {
		t.Fatalf("got %d lines and %d dropped, want %d and %d", len(lines), l.Dropped(ctx), max, goroutines*each-max)
	}
	for _, line := range lines {
		if line["requestId"] != "req" {
			t.Fatalf("line without request id: %v", line)
		}
	}
}

func TestSecretsPerInvocation(t *testing.T) {
	const token = "directive-token-1234"
	var buf bytes.Buffer
	l := logging.New(logging.Settings{Writer: &buf, Secrets: []string{"static-secret-value", "abc"}})
	bound := l.Slog().With("upstream", "sent "+token)
	ctx := l.Begin(context.Background(), "req-1")
	l.AddSecret(ctx, token)
	l.AddSecret(ctx, "xyz")
	bound.InfoContext(ctx, "bound before the secret was known")
	l.Info(ctx, "header is "+token+" and static-secret-value, abc, xyz")
	if found := leaks(t, buf.Bytes(), token); len(found) > 0 {
		t.Fatalf("token leaked at %v:\n%s", found, buf.String())
	}
	if found := leaks(t, buf.Bytes(), "static-secret-value"); len(found) > 0 {
		t.Fatalf("static secret leaked at %v", found)
	}
	lines := decodeLines(t, buf.Bytes())
	if msg := lines[1]["msg"]; msg != "header is [REDACTED] and [REDACTED], abc, xyz" {
		t.Fatalf("short values must be left alone, got %q", msg)
	}

	buf.Reset()
	l.End(ctx)
	ctx = l.Begin(context.Background(), "req-2")
	l.Info(ctx, token)
	if got := decodeLines(t, buf.Bytes())[0]["msg"]; got != token {
		t.Fatalf("per-invocation secret should be forgotten, got %q", got)
	}
}
