package rie

import (
	"bytes"
	"io"
	"sync"
)

// capture keeps everything a process writes to one of its output streams and
// passes it on to an optional tee. A failing tee never stops the capture: this
// copy is what tests and reports rely on.
type capture struct {
	mu  sync.Mutex
	buf bytes.Buffer
	tee io.Writer
}

func newCapture(tee io.Writer) *capture {
	return &capture{tee: tee}
}

// Write records p and copies it to the tee; it always reports success so the
// process's output pipe is drained to the end.
func (c *capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	c.buf.Write(p)
	c.mu.Unlock()
	if c.tee != nil {
		_, _ = c.tee.Write(p)
	}
	return len(p), nil
}

// Bytes returns a copy of everything captured so far.
func (c *capture) Bytes() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return bytes.Clone(c.buf.Bytes())
}
