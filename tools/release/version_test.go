package release

import (
	"errors"
	"fmt"
	"testing"
)

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]string{"0.2.0": "0.2.0", "v0.2.0": "0.2.0", "1.10.3": "1.10.3"} {
		if got, err := parseVersion(in); err != nil || got != want {
			t.Errorf("parseVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0.2", "v1", "0.2.0-rc.1", "0.2.0+build", "01.2.3", "vv0.2.0", "x.y.z", "2.0.0", "v3.1.0"} {
		if _, err := parseVersion(bad); !errors.Is(err, ErrBadVersion) {
			t.Errorf("parseVersion(%q) err = %v, want ErrBadVersion", bad, err)
		}
	}
}

func TestCheckGreater(t *testing.T) {
	if err := checkGreater("cache", "0.1.9", "0.1.10"); err != nil {
		t.Errorf("0.1.10 after 0.1.9: %v (versions compare as numbers, not text)", err)
	}
	for _, next := range []string{"0.1.9", "0.1.0"} {
		if err := checkGreater("cache", "0.1.9", next); !errors.Is(err, ErrNotGreater) {
			t.Errorf("%s after 0.1.9: err = %v, want ErrNotGreater", next, err)
		}
	}
}

func ExampleTag() {
	fmt.Println(Tag{Module: "cache", Version: "0.2.0"})
	// Output: cache/v0.2.0
}
