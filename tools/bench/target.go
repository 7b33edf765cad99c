package bench

import "fmt"

// Target is one of issue 5's performance targets, checked against a
// measured value.
type Target struct {
	// Name says what is measured, e.g. "cold start (exec → first response)".
	Name string `json:"name"`
	// Limit is the bound in words, e.g. "≤ 1.5x floor".
	Limit string `json:"limit"`
	// Value is the measured value in the unit of Limit; -1 when it could
	// not be measured.
	Value float64 `json:"value"`
	// Max is the largest Value that meets the target.
	Max float64 `json:"max"`
	// Met reports Value ≤ Max for a measured Value.
	Met bool `json:"met"`
}

// newTarget evaluates value against max; a negative value means not
// measured, which never meets a target.
func newTarget(name, limit string, value, maxValue float64) Target {
	return Target{Name: name, Limit: limit, Value: value, Max: maxValue, Met: value >= 0 && value <= maxValue}
}

// verdict is the target column's text: the limit and whether it holds.
func (t Target) verdict() string {
	switch {
	case t.Value < 0:
		return t.Limit + ": NOT MEASURED"
	case t.Met:
		return t.Limit + ": PASS"
	}
	return t.Limit + ": MISS"
}

// MissedTargets lists the targets that do not hold, one line each, for a
// command that fails on them.
func MissedTargets(ts []Target) []string {
	var out []string
	for _, t := range ts {
		if !t.Met {
			out = append(out, fmt.Sprintf("%s: %s (measured %.4g)", t.Name, t.Limit, t.Value))
		}
	}
	return out
}
