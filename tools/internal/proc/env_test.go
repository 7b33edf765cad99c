package proc

import (
	"slices"
	"testing"
)

func TestHostEnv(t *testing.T) {
	t.Setenv("PATH", "/lee/bin")
	t.Setenv("HOME", "/lee/home")
	t.Setenv("TMPDIR", "/lee/tmp")
	t.Setenv("HA_TOKEN", "must-not-pass")
	got := HostEnv()
	want := []string{"PATH=/lee/bin", "HOME=/lee/home", "TMPDIR=/lee/tmp"}
	if !slices.Equal(got, want) {
		t.Errorf("HostEnv = %q, want %q", got, want)
	}
}
