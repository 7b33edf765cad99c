package harness

import (
	"os/exec"
	"slices"
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
