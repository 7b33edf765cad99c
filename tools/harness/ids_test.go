package harness

import (
	"regexp"
	"testing"
	"time"
)

func TestTraceIDCarriesTheTime(t *testing.T) {
	got := newTraceID(time.Unix(0x5f5e1000, 0))
	if !regexp.MustCompile(`^Root=1-5f5e1000-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`).MatchString(got) {
		t.Errorf("trace id = %q", got)
	}
}
