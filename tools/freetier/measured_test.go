package freetier

import (
	"errors"
	"strings"
	"testing"
)

func TestReadMeasured(t *testing.T) {
	want := Measured{MemoryMB: 256, Arch: "x86_64", BilledDurationMS: 41.5, LogBytesPerInvocation: 812, MetricNames: 5}
	tests := []struct {
		name string
		in   string
	}{
		{"object alone", `{"memory_mb":256,"arch":"x86_64","billed_duration_ms":41.5,"log_bytes_per_invocation":812,"metric_names":5}`},
		{"under freetier of a larger report", `{"cold_start_ms":[12,14],"freetier":{"memory_mb":256,"arch":"x86_64",` +
			`"billed_duration_ms":41.5,"log_bytes_per_invocation":812,"metric_names":5},"binary":"dist/bootstrap"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadMeasured(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestReadMeasuredRejects(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		noMeas bool
	}{
		{"not JSON", "cold start: 12ms", false},
		{"an array", `[{"memory_mb":128}]`, false},
		{"a field of the wrong type", `{"memory_mb":"128"}`, false},
		{"unrelated report", `{"cold_start_ms":[12]}`, true},
		{"null freetier and nothing else", `{"freetier":null}`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadMeasured(strings.NewReader(tc.in))
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNoMeasurement) != tc.noMeas {
				t.Errorf("err = %v, ErrNoMeasurement expected: %v", err, tc.noMeas)
			}
		})
	}
}

func TestMeasuredApplyKeepsUnmeasuredFields(t *testing.T) {
	s := Settings{MemoryMB: 512, Arch: "arm64", DurationMS: 9, Invocations: 7, LogBytesPerInvocation: 600, MetricNames: 10}
	Measured{BilledDurationMS: 33, MetricNames: 5}.Apply(&s)
	want := Settings{MemoryMB: 512, Arch: "arm64", DurationMS: 33, Invocations: 7, LogBytesPerInvocation: 600, MetricNames: 5}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
}
