package harness

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// newTraceID returns an X-Ray trace header value in the form Lambda passes in
// Lambda-Runtime-Trace-Id, marked as not sampled.
func newTraceID(now time.Time) string {
	var b [20]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("Root=1-%08x-%s;Parent=%s;Sampled=0",
		now.Unix(), hex.EncodeToString(b[:12]), hex.EncodeToString(b[12:]))
}
