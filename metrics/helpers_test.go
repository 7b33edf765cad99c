package metrics_test

import (
	"bytes"
	"errors"
	"time"

	"github.com/lee-engine/lee/metrics"
)

// fixedNow is the timestamp of every line written in tests.
var fixedNow = time.Date(2026, 11, 30, 6, 25, 0, 0, time.UTC)

func fixedClock() time.Time { return fixedNow }

// tester is the part of testing.TB and rapid.T the helpers need.
type tester interface {
	Helper()
	Fatalf(format string, args ...any)
}

// newRecorder builds a Recorder writing to a buffer at a fixed time.
func newRecorder(t tester, s metrics.Settings) (*metrics.Recorder, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	if s.Writer == nil {
		s.Writer = &buf
	}
	if s.Now == nil {
		s.Now = fixedClock
	}
	r, err := metrics.New(s)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return r, &buf
}

// flushOne flushes r and returns the single validated line it wrote.
func flushOne(t tester, r *metrics.Recorder, buf *bytes.Buffer) *emfLine {
	t.Helper()
	buf.Reset()
	if err := r.Flush(); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	line, err := validateEMF(buf.Bytes())
	if err != nil {
		t.Fatalf("invalid EMF line: %v\n%s", err, buf.String())
	}
	return line
}

// errWriter fails every write.
type errWriter struct{}

var errBroken = errors.New("broken pipe")

func (errWriter) Write([]byte) (int, error) { return 0, errBroken }
