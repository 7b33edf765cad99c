package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
	"github.com/lee-engine/lee/tools/freetier"
)

func TestRunFreetier(t *testing.T) {
	bench := filepath.Join(t.TempDir(), "bench.json")
	report := `{"cold_start_ms":[30],"freetier":{"memory_mb":256,"arch":"x86_64","billed_duration_ms":40.2,"log_bytes_per_invocation":900,"metric_names":5}}`
	if err := os.WriteFile(bench, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		wants map[string]any
	}{
		{"flags only", []string{"--duration-ms", "99.5", "--json"}, 0,
			map[string]any{"memory_mb": 128.0, "arch": "arm64", "billed_duration_ms": 100.0, "invocations_per_month": 100000.0, "log_bytes_per_invocation": 600.0}},
		{"benchmark fills in", []string{"--from-bench", bench, "--json"}, 0,
			map[string]any{"memory_mb": 256.0, "arch": "x86_64", "billed_duration_ms": 41.0, "log_bytes_per_invocation": 900.0}},
		{"explicit flags beat the benchmark", []string{"--from-bench", bench, "--memory", "512", "--duration-ms", "7", "--json"}, 0,
			map[string]any{"memory_mb": 512.0, "arch": "x86_64", "billed_duration_ms": 7.0}},
		{"no duration", nil, 2, nil},
		{"bad architecture", []string{"--duration-ms", "5", "--arch", "mips"}, 2, nil},
		{"missing benchmark file", []string{"--from-bench", filepath.Join(t.TempDir(), "none.json")}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runFreetier(tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if tc.wants == nil {
				if stderr.Len() == 0 {
					t.Error("failure without a message on stderr")
				}
				return
			}
			var got map[string]any
			if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, stdout.String())
			}
			for k, v := range tc.wants {
				if got[k] != v {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
			}
		})
	}
}

// TestRunFreetierWithoutDuration: the one value without a default is
// explained, with the command that measures it.
func TestRunFreetierWithoutDuration(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runFreetier([]string{"--memory", "256"}, &stdout, &stderr); code != 2 || stdout.Len() != 0 {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, stdout.String())
	}
	for _, want := range []string{"no duration", "lee bench coldstart --json > bench.json", "--from-bench bench.json", "--duration-ms", "Billed Duration"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestRunFreetierText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runFreetier([]string{"--duration-ms", "3300"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "binding limit:      compute") {
		t.Errorf("a 3.3 s invocation at 128 MB must bind on compute:\n%s", stdout.String())
	}
}

// TestFreetierArchIsMakePackagesDefault: with no --arch, the estimate is for
// the architecture `make package` builds when given no ARCH.
func TestFreetierArchIsMakePackagesDefault(t *testing.T) {
	makefile, err := os.ReadFile(filepath.Join("..", "..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	arch, ok := deploycheck.MakeDefault(makefile, "ARCH")
	if !ok {
		t.Fatal("the Makefile gives ARCH no default")
	}
	want, err := freetier.NormaliseArch(arch)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runFreetier([]string{"--duration-ms", "10", "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got struct {
		Arch string `json:"arch"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil || got.Arch != want {
		t.Fatalf("lee freetier estimates for %q (%v), make package builds %s (%s)", got.Arch, err, arch, want)
	}
}
