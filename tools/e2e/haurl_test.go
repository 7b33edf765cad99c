package e2e

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
)

// TestHAURLWithAPIStopsInit: a base URL copied with Home Assistant's /api
// (haaska's habit) stops the function at init with one line that names
// HA_URL and the fix, instead of a 404 at every directive that blames
// `alexa: smart_home:`.
func TestHAURLWithAPIStopsInit(t *testing.T) {
	t.Parallel()
	rt := startFunction(t, "HA_URL=http://127.0.0.1:8123/api/", "HA_TOKEN="+fallbackToken)
	ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
	defer cancel()
	res, err := rt.Invoke(ctx, []byte(`{}`))
	var exit *harness.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("Invoke = %+v, %v; want an init failure (*harness.ExitError)", res, err)
	}
	lines := outputLines(rt.Stdout(), rt.Stderr())
	if len(lines) != 1 {
		t.Fatalf("the function wrote %d lines, want one:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for _, want := range []string{"HA_URL", "ends in /api", "without it", "LEE adds /api/alexa/smart_home itself"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("the init line %q lacks %q", lines[0], want)
		}
	}
}
