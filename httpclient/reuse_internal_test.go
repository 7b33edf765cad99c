package httpclient

import (
	"bytes"
	"context"
	"io"
	"runtime"
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

// TestReadBodyUnknownLengthAllocations checks that a body of unknown
// length near Lambda's 6 MiB limit (a chunked or compressed Discovery
// answer) is read with about twice its size allocated, where copying into
// a buffer doubled at every fill allocated 2.7 times its size, and that the
// answer holds no spare capacity.
func TestReadBodyUnknownLengthAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocations; run without -race")
	}
	body := bytes.Repeat([]byte("0123456789abcdef"), int(DefaultMaxBodyBytes-16<<10)/16)
	r := &cutReader{r: bytes.NewReader(body), max: 32 << 10}
	var before, after runtime.MemStats
	const runs = 5
	runtime.ReadMemStats(&before)
	for range runs {
		r.r = bytes.NewReader(body)
		got, err := readBody(context.Background(), io.NopCloser(r), -1, DefaultMaxBodyBytes)
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("readBody = %d bytes, %v; want the %d bytes", len(got), err, len(body))
		}
		if cap(got) != len(got) {
			t.Errorf("the answer has %d bytes of capacity for %d bytes", cap(got), len(got))
		}
	}
	runtime.ReadMemStats(&after)
	perRead := float64(after.TotalAlloc-before.TotalAlloc) / runs
	if limit := 2.1 * float64(len(body)); perRead > limit {
		t.Errorf("%.0f bytes allocated per read of %d bytes; want at most %.0f", perRead, len(body), limit)
	}
}
