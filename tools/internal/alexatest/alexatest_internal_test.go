package alexatest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

// recorder is a T that records a skip or a fatal failure instead of ending
// the test. Both stop the calling goroutine, as testing.T's do, so nothing
// after them runs.
type recorder struct {
	failed, skipped string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	panic(r)
}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	panic(r)
}

// record calls f with a fresh recorder and returns what it recorded.
func record(f func(T)) (r *recorder) {
	r = &recorder{}
	defer func() {
		if v := recover(); v != nil && v != r {
			panic(v)
		}
	}()
	f(r)
	return r
}

// TestDataDir checks each outcome of the lookup: the folder when found; a
// one-line skip naming LEE_ALEXA_DATA, or "", when there is none; a
// failure when the lookup went wrong.
func TestDataDir(t *testing.T) {
	found := alexa.Data{Dir: "/data/alexa", Source: alexa.DataEnv}
	none := fmt.Errorf("find: %w", alexa.ErrNoData)
	broken := errors.New("LEE_ALEXA_DATA=/x: not a checkout of Amazon's Alexa data")
	tests := []struct {
		name             string
		d                alexa.Data
		err              error
		need             bool
		want, skip, fail string
	}{
		{"found, needed", found, nil, true, "/data/alexa", "", ""},
		{"found, optional", found, nil, false, "/data/alexa", "", ""},
		{"absent, needed", alexa.Data{}, none, true, "", SkipNote, ""},
		{"absent, optional", alexa.Data{}, none, false, "", "", ""},
		{"wrong folder, needed", alexa.Data{}, broken, true, "", "", "not a checkout"},
		{"wrong folder, optional", alexa.Data{}, broken, false, "", "", "not a checkout"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			r := record(func(r T) { got = dataDir(r, tc.d, tc.err, tc.need) })
			if got != tc.want || !has(r.skipped, tc.skip) || !has(r.failed, tc.fail) {
				t.Errorf("dataDir = %q, skipped %q, failed %q; want %q, skip %q, fail %q", got, r.skipped, r.failed, tc.want, tc.skip, tc.fail)
			}
			if tc.skip != "" && (!strings.Contains(r.skipped, alexa.DataEnv) || strings.Contains(r.skipped, "\n")) {
				t.Errorf("skip line %q: want one line naming %s", r.skipped, alexa.DataEnv)
			}
		})
	}
}

// has reports whether got contains want, and is empty when want is.
func has(got, want string) bool {
	if want == "" {
		return got == ""
	}
	return strings.Contains(got, want)
}

// TestMissingFixture checks that asking for a fixture that does not exist
// fails the test, naming it.
func TestMissingFixture(t *testing.T) {
	r := record(func(r T) { Directive(r, "Nothing.None") })
	if !strings.Contains(r.failed, "Nothing.None") {
		t.Errorf("a missing fixture failed with %q", r.failed)
	}
}
