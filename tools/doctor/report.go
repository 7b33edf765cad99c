package doctor

import (
	"fmt"
	"io"
	"strings"
)

// Status is the verdict of one step.
type Status string

// The three verdicts. Only FAIL makes a Report fail.
const (
	Pass Status = "PASS"
	Warn Status = "WARN"
	Fail Status = "FAIL"
)

// Result is what one step found.
type Result struct {
	// Step names the check: url, token, dns, tcp, tls, api, alexa,
	// discovery or latency.
	Step   string
	Status Status
	// Finding says what was found, in one sentence.
	Finding string
	// Fix says what to do; empty for a PASS.
	Fix string
	// Details are extra lines, such as the discovery problems found.
	Details []string
}

// Report is the outcome of a diagnosis.
type Report struct {
	Results []Result
	// Stopped names the failed step after which the run stopped because
	// the later steps depend on it; empty when every step ran.
	Stopped string
}

// OK reports whether no step failed; warnings pass.
func (r Report) OK() bool {
	for _, res := range r.Results {
		if res.Status == Fail {
			return false
		}
	}
	return true
}

// Count returns how many results have status s.
func (r Report) Count(s Status) int {
	n := 0
	for _, res := range r.Results {
		if res.Status == s {
			n++
		}
	}
	return n
}

// Write prints the report: per result "STATUS step: finding", its details
// indented, a "fix:" line when it did not pass, then a summary line.
func (r Report) Write(w io.Writer) error {
	var b strings.Builder
	for _, res := range r.Results {
		fmt.Fprintf(&b, "%s %s: %s\n", res.Status, res.Step, res.Finding)
		for _, d := range res.Details {
			fmt.Fprintf(&b, "     - %s\n", d)
		}
		if res.Status != Pass && res.Fix != "" {
			fmt.Fprintf(&b, "     fix: %s\n", res.Fix)
		}
	}
	fmt.Fprintf(&b, "doctor: %d passed, %d warnings, %d failed", r.Count(Pass), r.Count(Warn), r.Count(Fail))
	if r.Stopped != "" {
		fmt.Fprintf(&b, "; stopped after %s, which the later checks need", r.Stopped)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
