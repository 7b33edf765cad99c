package rie

import (
	"slices"
	"testing"
	"time"
)

func TestEnviron(t *testing.T) {
	t.Setenv("LEE_SECRET_OF_PARENT", "x")
	tests := []struct {
		name string
		s    Settings
		want []string
	}{
		{"defaults", Settings{}, []string{"AWS_LAMBDA_FUNCTION_NAME=lee", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128", "AWS_LAMBDA_FUNCTION_TIMEOUT=10", "AWS_REGION=us-east-1"}},
		{"rounded up timeout and caller env", Settings{Timeout: 2500 * time.Millisecond, MemoryMB: 256, Env: []string{"HA_URL=http://h"}},
			[]string{"AWS_LAMBDA_FUNCTION_TIMEOUT=3", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=256", "HA_URL=http://h"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := tc.s.withDefaults().environ()
			for _, w := range tc.want {
				if !slices.Contains(env, w) {
					t.Errorf("environment lacks %s: %q", w, env)
				}
			}
			if slices.Contains(env, "LEE_SECRET_OF_PARENT=x") {
				t.Error("a parent variable was passed on")
			}
		})
	}
}
