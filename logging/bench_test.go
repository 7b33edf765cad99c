package logging_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/lee-engine/lee/logging"
)

func BenchmarkInfoClean(b *testing.B) {
	l := logging.New(logging.Settings{Writer: io.Discard, MaxLinesPerInvocation: 1 << 30})
	ctx := l.Begin(context.Background(), "req")
	l.AddSecret(ctx, "directive-token-value")
	b.ReportAllocs()
	for b.Loop() {
		l.Info(ctx, "relayed", slog.String("namespace", "Alexa"), slog.Int("status", 200))
	}
}

func BenchmarkInfoRedacted(b *testing.B) {
	l := logging.New(logging.Settings{Writer: io.Discard, MaxLinesPerInvocation: 1 << 30})
	ctx := l.Begin(context.Background(), "req")
	b.ReportAllocs()
	for b.Loop() {
		l.Info(ctx, "relayed", slog.String("authorization", "Bearer abc"), slog.String("body", "Bearer xyz"))
	}
}

func BenchmarkDebugDisabled(b *testing.B) {
	l := logging.New(logging.Settings{Writer: io.Discard})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		l.Debug(ctx, "not written", slog.Int("n", 1))
	}
}
