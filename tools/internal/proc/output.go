package proc

import (
	"bytes"
	"io"
	"sync"
)

// Output keeps everything a process writes to one of its output streams and
// passes it on to an optional tee. A failing tee never stops the capture:
// the kept copy is what tests and reports rely on. It is safe for concurrent
// use.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
	tee io.Writer
}

// NewOutput returns an empty Output that copies every write to tee, when
// tee is not nil.
func NewOutput(tee io.Writer) *Output {
	return &Output{tee: tee}
}

// Write records p and copies it to the tee; it always reports success so
// the process's output pipe is drained to the end.
func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	o.buf.Write(p)
	o.mu.Unlock()
	if o.tee != nil {
		_, _ = o.tee.Write(p)
	}
	return len(p), nil
}

// Bytes returns a copy of everything written so far.
func (o *Output) Bytes() []byte {
	o.mu.Lock()
	defer o.mu.Unlock()
	return bytes.Clone(o.buf.Bytes())
}
