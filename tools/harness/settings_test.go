package harness

import (
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestWithDefaults(t *testing.T) {
	got := Settings{}.withDefaults()
	if got.FunctionName != "lee" || got.Handler != "bootstrap" || got.MemoryMB != 128 ||
		got.Timeout != 10*time.Second || got.StopTimeout != 2*time.Second {
		t.Errorf("defaults = %+v", got)
	}
	set := Settings{FunctionName: "f", Handler: "h", MemoryMB: 512, Timeout: time.Second, StopTimeout: time.Millisecond}
	if got := set.withDefaults(); got.FunctionName != "f" || got.Handler != "h" || got.MemoryMB != 512 ||
		got.Timeout != time.Second || got.StopTimeout != time.Millisecond {
		t.Errorf("explicit values changed: %+v", got)
	}
}

// effective resolves an environment list the way os/exec does: the last
// entry for a key wins.
func effective(env []string) map[string]string {
	cmd := exec.Command("true")
	cmd.Env = env
	m := make(map[string]string)
	for _, kv := range cmd.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

func TestEnviron(t *testing.T) {
	t.Setenv("HOME", "/home/test")
	t.Setenv("LEE_SECRET_OF_PARENT", "x")
	s := Settings{Env: []string{"AWS_REGION=eu-west-1", "HA_URL=http://h", "AWS_LAMBDA_RUNTIME_API=evil:1"}}.withDefaults()
	env := s.environ("/task", "127.0.0.1:9999")
	got := effective(env)
	want := map[string]string{
		"HOME":                            "/home/test",
		"AWS_REGION":                      "eu-west-1",
		"HA_URL":                          "http://h",
		"AWS_LAMBDA_RUNTIME_API":          "127.0.0.1:9999",
		"AWS_LAMBDA_FUNCTION_NAME":        "lee",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
		"AWS_LAMBDA_FUNCTION_VERSION":     "$LATEST",
		"_HANDLER":                        "bootstrap",
		"LAMBDA_TASK_ROOT":                "/task",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if slices.ContainsFunc(env, func(kv string) bool { return strings.HasPrefix(kv, "LEE_SECRET_OF_PARENT=") }) {
		t.Error("a parent variable outside PATH/HOME/TMPDIR was passed on")
	}
}

func TestEnvironMaxConcurrency(t *testing.T) {
	tests := []struct {
		n    int
		want string // "" when the variable must be absent
	}{
		{0, ""},
		{1, ""},
		{2, "2"},
		{8, "8"},
	}
	for _, tc := range tests {
		t.Run(strconv.Itoa(tc.n), func(t *testing.T) {
			s := Settings{MaxConcurrency: tc.n}.withDefaults()
			got, set := effective(s.environ("/task", "127.0.0.1:9999"))["AWS_LAMBDA_MAX_CONCURRENCY"]
			if tc.want == "" && set || tc.want != "" && got != tc.want {
				t.Errorf("AWS_LAMBDA_MAX_CONCURRENCY = %q (set: %v), want %q", got, set, tc.want)
			}
		})
	}
}

func TestSettingsCheck(t *testing.T) {
	tests := []struct {
		name    string
		s       Settings
		wantErr string
	}{
		{"usable", Settings{Binary: "b", MaxConcurrency: 8, Env: []string{"HA_URL=x"}}, ""},
		{"no binary", Settings{}, "Settings.Binary is empty"},
		{"negative concurrency", Settings{Binary: "b", MaxConcurrency: -1}, "Settings.MaxConcurrency is -1"},
		{"concurrency in Env", Settings{Binary: "b", Env: []string{"AWS_LAMBDA_MAX_CONCURRENCY=8"}}, "set Settings.MaxConcurrency instead"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.s.check()
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("check() = %v, want %q", err, tc.wantErr)
			}
		})
	}
}
