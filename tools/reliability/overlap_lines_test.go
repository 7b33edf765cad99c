package reliability

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/logging"
)

// logLine is what the line checks read of one line of the function's
// stdout: the invocation ids the logging module writes, the message, and
// the marker of an Embedded Metric Format line.
type logLine struct {
	ids     map[string]string // logging.RequestIDKey and logging.CorrelationIDKey, when present
	msg     string
	metrics bool
	raw     []byte
}

// lineFaults counts the faults of each kind the line checks find, with
// the first line of each kind as an example.
type lineFaults struct {
	count   map[string]int
	example map[string]string
}

func (f *lineFaults) add(kind string, example []byte) {
	if f.count[kind] == 0 {
		f.example[kind] = string(tail(example, 600))
	}
	f.count[kind]++
}

// checkInvocationLines holds every log line of stdout to the invocation
// whose request id it carries (byRequest maps the request ids the harness
// gave out to their directives):
//   - every line is one JSON object;
//   - a line without a request id is an init line: none may follow the first
//     line of an invocation;
//   - a request id is one the harness gave out, and the line carries that
//     invocation's own messageId as its correlation id;
//   - a line is counted for the invocation it names: as every directive of
//     the test is the same kind of successful relay, every invocation must
//     write the same messages (save one-off lines, such as the cold start's,
//     whose message appears once among the invocations' lines), so a line
//     stamped with another invocation's ids shows as one too many there and
//     one too few in its own.
//
// Metric lines carry no invocation ids; their Directives and HALatency
// values must add up to one per directive, none lost or counted twice.
// The faults are reported by kind, with how many lines showed each.
func checkInvocationLines(t *testing.T, stdout []byte, byRequest map[string]*overlapCall) {
	t.Helper()
	f := lineFaults{count: map[string]int{}, example: map[string]string{}}
	perInvocation := map[string][]string{}
	var metricLines [][]byte
	started := false
	for raw := range bytes.SplitSeq(bytes.TrimSuffix(stdout, []byte("\n")), []byte("\n")) {
		l, err := parseLogLine(raw)
		switch {
		case err != nil:
			f.add("a line that is not a JSON object with a string msg and string ids", raw)
			continue
		case l.metrics:
			metricLines = append(metricLines, raw)
			continue
		}
		requestID := l.ids[logging.RequestIDKey]
		if requestID == "" {
			if started {
				f.add("a line without a request id after the invocations began", raw)
			}
			continue
		}
		started = true
		c, ok := byRequest[requestID]
		if !ok {
			f.add("a request id the harness never gave out", raw)
			continue
		}
		perInvocation[requestID] = append(perInvocation[requestID], l.msg)
		switch corr, has := l.ids[logging.CorrelationIDKey]; {
		case !has || corr == "":
			f.add("an invocation's line without a correlation id", raw)
		case corr != c.messageID:
			f.add("a line whose correlation id is another invocation's messageId", raw)
		}
	}
	checkSameMessages(&f, byRequest, perInvocation)
	checkMetricTotals(&f, metricLines, len(byRequest))
	for _, kind := range slices.Sorted(maps.Keys(f.count)) {
		t.Errorf("%d× %s, e.g.:\n%s", f.count[kind], kind, f.example[kind])
	}
}

// parseLogLine reads one line of the function's stdout.
func parseLogLine(raw []byte) (logLine, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return logLine{}, err
	}
	l := logLine{ids: map[string]string{}, raw: raw}
	if _, ok := fields["_aws"]; ok {
		l.metrics = true
		return l, nil
	}
	if err := json.Unmarshal(fields["msg"], &l.msg); err != nil {
		return logLine{}, fmt.Errorf("msg: %w", err)
	}
	for _, key := range []string{logging.RequestIDKey, logging.CorrelationIDKey} {
		v, ok := fields[key]
		if !ok {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return logLine{}, fmt.Errorf("%s: %w", key, err)
		}
		l.ids[key] = s
	}
	return l, nil
}

// checkSameMessages wants every invocation to have written the same
// messages, one-off lines aside: each message as many times as its total
// over the invocations' lines divided by their number.
func checkSameMessages(f *lineFaults, byRequest map[string]*overlapCall, perInvocation map[string][]string) {
	totals := map[string]int{}
	for _, msgs := range perInvocation {
		for _, m := range msgs {
			totals[m]++
		}
	}
	each := map[string]int{}
	for m, total := range totals {
		if total > 1 {
			each[m] = total / len(byRequest)
		}
	}
	if len(each) == 0 {
		f.add("invocations that wrote no log line at all, so no line could be checked", nil)
		return
	}
	for requestID, c := range byRequest {
		got := map[string]int{}
		for _, m := range perInvocation[requestID] {
			if totals[m] > 1 {
				got[m]++
			}
		}
		if !sameCounts(got, each) {
			f.add("an invocation whose lines are not those of the others (lines of others carry its ids, or its own carry theirs)",
				fmt.Appendf(nil, "request %s (round %d, directive %d) wrote %v; each invocation wrote %v on average",
					requestID, c.round, c.slot, got, each))
		}
	}
}

// sameCounts compares message counts, a missing message counting zero.
func sameCounts(a, b map[string]int) bool {
	for m, n := range a {
		if b[m] != n {
			return false
		}
	}
	for m, n := range b {
		if a[m] != n {
			return false
		}
	}
	return true
}

// checkMetricTotals wants the metric lines to count each directive once:
// Directives adds up to n, and HALatency has n values.
func checkMetricTotals(f *lineFaults, lines [][]byte, n int) {
	directives, latencies := 0.0, 0
	for _, raw := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			f.add("a metric line that is not one JSON object", raw)
			continue
		}
		if v, ok := m[string(gateway.MetricDirectives)]; ok {
			var x float64
			if err := json.Unmarshal(v, &x); err != nil {
				f.add("a metric line whose Directives is not a number", raw)
			}
			directives += x
		}
		if v, ok := m[string(gateway.MetricHALatency)]; ok {
			var xs []float64
			if json.Unmarshal(v, &xs) == nil {
				latencies += len(xs)
			} else {
				latencies++
			}
		}
	}
	if int(directives) != n || latencies != n {
		f.add("metric lines that do not count each directive once",
			fmt.Appendf(nil, "%s adds up to %v and %s has %d values, want %d each",
				gateway.MetricDirectives, directives, gateway.MetricHALatency, latencies, n))
	}
}
