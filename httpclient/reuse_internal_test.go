package httpclient

import (
	"bytes"
	"context"
	"io"
	"testing"
)

// TestReuseAllocations checks that a token and a URL used again cost no
// allocation, and that a body of known length is read in one.
func TestReuseAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts; run without -race")
	}
	c, err := New(Settings{})
	if err != nil {
		t.Fatal(err)
	}
	body := bytes.Repeat([]byte("x"), 1157)
	r := bytes.NewReader(body)
	rc := io.NopCloser(r)
	tests := []struct {
		name string
		max  float64
		run  func() bool
	}{
		{"same token", 0, func() bool { return c.authorization("tok")[0] == "Bearer tok" }},
		{"same URL", 0, func() bool { return c.redact("http://u:p@ha.local:8123/api?k=v") == "http://ha.local:8123/api" }},
		{"body of known length", 1, func() bool {
			r.Reset(body)
			got, err := readBody(context.Background(), rc, int64(len(body)), DefaultMaxBodyBytes)
			return err == nil && bytes.Equal(got, body)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.run() {
				t.Fatal("the call did not give the expected result")
			}
			if got := testing.AllocsPerRun(100, func() { tt.run() }); got > tt.max {
				t.Errorf("%.1f allocations per call; want at most %.0f", got, tt.max)
			}
		})
	}
}
