package e2e

import (
	"slices"
	"testing"
)

// TestLeakedSecrets checks the scan every test runs over the function's
// output: a secret anywhere in it is found, a redacted line is clean.
func TestLeakedSecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		output string
		want   []string
	}{
		{"clean", `{"msg":"directive relayed","token":"[redacted]"}`, nil},
		{"directive token", `{"msg":"x","auth":"Bearer ` + directiveToken + `"}`, []string{directiveToken}},
		{"fallback inside text", "init: HA_TOKEN=" + fallbackToken + "\n", []string{fallbackToken}},
		{"header secret and token", headerSecret + " " + directiveToken, []string{directiveToken, headerSecret}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := leakedSecrets([]byte(tc.output)); !slices.Equal(got, tc.want) {
				t.Errorf("leakedSecrets = %q, want %q", got, tc.want)
			}
		})
	}
}
