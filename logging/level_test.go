package logging_test

import (
	"errors"
	"log/slog"
	"testing"

	"github.com/lee-engine/lee/logging"
)

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in      string
		want    slog.Level
		wantErr bool
	}{
		{in: "debug", want: slog.LevelDebug},
		{in: "INFO", want: slog.LevelInfo},
		{in: " Warn ", want: slog.LevelWarn},
		{in: "error", want: slog.LevelError},
		{in: "", wantErr: true},
		{in: "verbose", wantErr: true},
		{in: "warning", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := logging.ParseLevel(tt.in)
			if tt.wantErr {
				if !errors.Is(err, logging.ErrUnknownLevel) {
					t.Fatalf("ParseLevel(%q) error = %v, want ErrUnknownLevel", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseLevel(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}
