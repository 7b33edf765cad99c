package logging_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
)

// tester is the part of testing.TB and rapid.T the helpers need.
type tester interface {
	Helper()
	Fatalf(format string, args ...any)
}

// decodeLines parses every line of out as one JSON object, failing the test
// on anything else: each line must stand alone for CloudWatch Logs.
func decodeLines(t tester, out []byte) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, raw := range bytes.Split(bytes.TrimRight(out, "\n"), []byte("\n")) {
		if len(raw) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("line is not one JSON object: %v\n%s", err, raw)
		}
		lines = append(lines, m)
	}
	return lines
}

// leaks reports where needle appears in out: in the raw bytes of a line
// (outside its time field, whose digits are not ours to control) or in any
// decoded key or string, which catches a secret hidden by JSON escaping.
func leaks(t tester, out []byte, needle string) []string {
	t.Helper()
	var found []string
	for _, raw := range bytes.Split(bytes.TrimRight(out, "\n"), []byte("\n")) {
		line := decodeLines(t, raw)[0]
		stamp, _ := json.Marshal(line["time"])
		if strings.Contains(strings.Replace(string(raw), string(stamp), `""`, 1), needle) {
			found = append(found, "raw line")
		}
		delete(line, "time")
		found = append(found, leaksIn(line, needle, "")...)
	}
	return found
}

func leaksIn(v any, needle, path string) []string {
	var found []string
	switch x := v.(type) {
	case string:
		if strings.Contains(x, needle) {
			found = append(found, path)
		}
	case map[string]any:
		for k, e := range x {
			if strings.Contains(k, needle) {
				found = append(found, path+"/key "+k)
			}
			found = append(found, leaksIn(e, needle, path+"/"+k)...)
		}
	case []any:
		for _, e := range x {
			found = append(found, leaksIn(e, needle, path+"[]")...)
		}
	}
	return found
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a Logger
// used by several invocations at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Bytes returns a copy of what was written.
func (b *syncBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}
