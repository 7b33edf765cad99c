package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

func TestRunDoctor(t *testing.T) {
	const token = "aaaa.bbbb.cccc"
	sim, err := hasim.Start(hasim.Settings{Tokens: []string{token}}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	t.Setenv("LEE_TEST_GOOD_TOKEN", token)
	t.Setenv("LEE_TEST_BAD_TOKEN", "wxyz.wxyz.wxyz")
	t.Setenv("LEE_TEST_HEADERS", `["not", "an", "object"]`)
	// The default schema is Amazon's, when its data is at hand.
	checked := "structural checks only, no Alexa schema given"
	if alexatest.OptionalSchemaPath(t) != "" {
		checked = "checked against Alexa's schema"
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"healthy", []string{"--url", sim.URL(), "--token-env", "LEE_TEST_GOOD_TOKEN"}, 0,
			[]string{"PASS token: $LEE_TEST_GOOD_TOKEN is set (not shown)", "PASS discovery:", checked, "0 failed"}},
		{"wrong token", []string{"--url", sim.URL(), "--token-env", "LEE_TEST_BAD_TOKEN"}, 1,
			[]string{"FAIL api: GET /api/ answered 401", "fix:"}},
		{"unset token variable", []string{"--url", sim.URL(), "--token-env", "LEE_TEST_UNSET_TOKEN"}, 1,
			[]string{"FAIL token: $LEE_TEST_UNSET_TOKEN is empty or unset"}},
		{"no URL", []string{"--token-env", "LEE_TEST_GOOD_TOKEN"}, 2, nil},
		{"bad headers", []string{"--url", sim.URL(), "--headers-env", "LEE_TEST_HEADERS"}, 2, nil},
		{"stray argument", []string{"--url", sim.URL(), "extra"}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runDoctor(tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			for _, w := range tc.wants {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			if strings.Contains(stdout.String()+stderr.String(), token) {
				t.Fatal("the token was printed")
			}
		})
	}
}
