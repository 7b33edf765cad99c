package freetier

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Measured is what a benchmark measured about the real function, as `lee
// bench coldstart --json` writes it: either this object alone or under the
// key "freetier" of a larger report. A zero field means "not measured".
type Measured struct {
	MemoryMB              int     `json:"memory_mb"`
	Arch                  string  `json:"arch"`
	BilledDurationMS      float64 `json:"billed_duration_ms"`
	LogBytesPerInvocation float64 `json:"log_bytes_per_invocation"`
	MetricNames           int     `json:"metric_names"`
}

// ErrNoMeasurement reports a benchmark file that holds none of Measured's
// fields, which is almost always the wrong file.
var ErrNoMeasurement = errors.New("no measurement found (want the fields of Measured, alone or under \"freetier\")")

// ReadMeasured decodes a benchmark report from r.
func ReadMeasured(r io.Reader) (Measured, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Measured{}, fmt.Errorf("read measurement: %w", err)
	}
	var outer struct {
		FreeTier json.RawMessage `json:"freetier"`
	}
	if err := json.Unmarshal(data, &outer); err != nil {
		return Measured{}, fmt.Errorf("decode measurement: %w", err)
	}
	if len(outer.FreeTier) > 0 && !bytes.Equal(outer.FreeTier, []byte("null")) {
		data = outer.FreeTier
	}
	var m Measured
	if err := json.Unmarshal(data, &m); err != nil {
		return Measured{}, fmt.Errorf("decode measurement: %w", err)
	}
	if m == (Measured{}) {
		return Measured{}, fmt.Errorf("decode measurement: %w", ErrNoMeasurement)
	}
	return m, nil
}

// Apply copies the measured fields into s, leaving the fields that were not
// measured as they are. Callers that let explicit flags win apply flags
// after the measurement.
func (m Measured) Apply(s *Settings) {
	if m.MemoryMB != 0 {
		s.MemoryMB = m.MemoryMB
	}
	if m.Arch != "" {
		s.Arch = m.Arch
	}
	if m.BilledDurationMS != 0 {
		s.DurationMS = m.BilledDurationMS
	}
	if m.LogBytesPerInvocation != 0 {
		s.LogBytesPerInvocation = m.LogBytesPerInvocation
	}
	if m.MetricNames != 0 {
		s.MetricNames = m.MetricNames
	}
}
