package circuitbreaker_test

import (
	"testing"

	"github.com/lee-engine/lee/circuitbreaker"
)

func BenchmarkExecuteClosed(b *testing.B) {
	tests := []struct {
		name     string
		settings circuitbreaker.Settings
	}{
		{"plain", circuitbreaker.Settings{Name: "ha"}},
		{"with callback", circuitbreaker.Settings{Name: "ha", OnStateChange: func(string, circuitbreaker.State, circuitbreaker.State) {}}},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			br := circuitbreaker.New(tt.settings)
			b.ReportAllocs()
			for b.Loop() {
				if err := br.Execute(succeed); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
