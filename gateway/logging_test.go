package gateway

import (
	"context"
	"github.com/lee-engine/lee/logging"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lee-engine/lee/config"
)

// TestSecretsNeverLogged: the directive's token (LogSecret), the fallback
// token and the extra header values are redacted from every line.
func TestSecretsNeverLogged(t *testing.T) {
	const headerSecret = "cf-access-secret-93b1"
	cfg := testConfig(localURL)
	cfg.Headers = map[string]string{"CF-Access-Client-Secret": headerSecret}
	cfg.LogLevel = "debug"
	g, out := newTestGateway(t, cfg)
	ctx := context.Background()
	g.BeginInvocation(ctx, "req-1")
	g.LogSecret(sampleToken)
	for _, level := range []slog.Level{slog.LevelDebug, slog.LevelInfo, slog.LevelWarn, slog.LevelError} {
		g.Log(ctx, level, "relaying with "+sampleToken,
			slog.String("header", "Bearer "+sampleToken),
			slog.String("fallback", testToken),
			slog.String("detail", "secret="+headerSecret))
	}
	_, _ = g.Execute(ctx, Logging, OpLog, Args{Level: slog.LevelInfo, Text: testToken + " via Execute"})
	text := out.String()
	for _, secret := range []string{sampleToken, testToken, headerSecret} {
		if strings.Contains(text, secret) {
			t.Errorf("a secret reached the log: %s", text)
		}
	}
	if lines := out.lines(t); len(lines) != 5 || !strings.Contains(text, "[REDACTED]") {
		t.Errorf("%d lines: %s; want 5 lines with the secrets redacted", len(lines), text)
	}
}

// TestLogValueCap: the tier's LogValueRunes bounds each logged value, without
// changing the caller's attributes.
func TestLogValueCap(t *testing.T) {
	cfg := testConfig(localURL)
	cfg.Tier = config.TierMinimum
	limit := cfg.Tier.Settings().LogValueRunes
	g, out := newTestGateway(t, cfg)
	long := strings.Repeat("é", 3*limit)
	attrs := []slog.Attr{slog.String("body", long), slog.Int("n", 1), slog.String("short", "ok")}
	g.LogWarn(context.Background(), long, attrs...)
	line := out.lines(t)[0]
	for _, key := range []string{"msg", "body"} {
		v, _ := line[key].(string)
		if utf8.RuneCountInString(v) != limit || !strings.HasSuffix(v, logging.CutMark) || !strings.HasPrefix(long, strings.TrimSuffix(v, logging.CutMark)) {
			t.Errorf("%s has %d runes; want %d ending with %s", key, utf8.RuneCountInString(v), limit, logging.CutMark)
		}
	}
	if line["short"] != "ok" || line["n"] != 1.0 {
		t.Errorf("short values changed: %v", line)
	}
	if attrs[0].Value.String() != long {
		t.Error("the caller's attribute was modified")
	}
}

func TestLogLevelsAndCorrelation(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	g.BeginInvocation(ctx, "req-7")
	g.SetCorrelationID("msg-1\nforged")
	g.LogDebug(ctx, "hidden at info level")
	g.LogInfo(ctx, "shown")
	g.LogError(ctx, "also shown")
	lines := out.lines(t)
	if len(lines) != 2 {
		t.Fatalf("%d lines: %s; want the info and error lines only", len(lines), out.String())
	}
	for _, l := range lines {
		if l["requestId"] != "req-7" || l["correlationId"] != `msg-1\nforged` {
			t.Errorf("line %v; want requestId and a one-line correlationId", l)
		}
	}
	if row := g.Stats().Interfaces[Logging]; row.FastCalls != 3 {
		t.Errorf("logging fast calls %d; want 3", row.FastCalls)
	}
}

// TestLogWithoutLogger: with a LOG_LEVEL the logger refuses, logging falls
// back to standard error and writes nothing to standard output.
func TestLogWithoutLogger(t *testing.T) {
	cfg := testConfig(localURL)
	cfg.LogLevel = "loud"
	g, out := newTestGateway(t, cfg)
	g.LogInfo(context.Background(), "dropped", slog.String("token", testToken))
	g.LogSecret(sampleToken)
	g.SetCorrelationID("id")
	if out.String() != "" || g.Stats().Interfaces[Logging].FailedConstructions != 3 {
		t.Errorf("output %q, stats %+v; want nothing written and three failed constructions",
			out.String(), g.Stats().Interfaces[Logging])
	}
}

// TestLogLineCapFollowsTier: the tier's LogLineCap bounds the lines of one
// invocation; the rest are dropped and reported once at the end.
func TestLogLineCapFollowsTier(t *testing.T) {
	for _, tier := range []config.Tier{config.TierMinimum, config.TierStandard} {
		t.Run(string(tier), func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.Tier = tier
			cfg.MetricsEnabled = false
			limit := tier.Settings().LogLineCap
			g, out := newTestGateway(t, cfg)
			ctx := context.Background()
			g.BeginInvocation(ctx, "req-cap")
			for i := range limit + 25 {
				g.LogInfo(ctx, "line", slog.Int("i", i))
			}
			g.EndInvocation(ctx)
			lines := out.lines(t)
			kept := 0
			for _, l := range lines {
				if l["msg"] == "line" {
					kept++
				}
			}
			if kept != limit || len(lines) != limit+1 {
				t.Fatalf("%d lines kept of %d written, %d lines in all; want %d kept plus one summary", kept, limit+25, len(lines), limit)
			}
		})
	}
}
