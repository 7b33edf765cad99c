package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

// maxMetricNames is the most CloudWatch metric names the function may use.
const maxMetricNames = 10

// call is one invocation of TestMetricsAndLogs and what its output must
// show.
type call struct {
	name  string
	event []byte
	// correlation is the Alexa id some log line of the invocation must
	// carry beside the request id: the directive's messageId, a skill
	// request's requestId. Empty: only the request id is required.
	correlation string
	// alexa: an Alexa request, which must write exactly one EMF line;
	// other events may write none.
	alexa     bool
	requestID string
}

// TestMetricsAndLogs runs a mix of invocations through one process and then
// reads its stdout: every line is JSON; each invocation has log lines with
// its Lambda request id and its Alexa id; each Alexa request writes exactly
// one EMF line; no EMF line and not all of them together name more than ten
// metrics.
func TestMetricsAndLogs(t *testing.T) {
	t.Parallel()
	turnOn := sample(t, "PowerController.TurnOn")
	discovery := sample(t, "Discovery.Discover")
	messageID := decodeDirective(t, turnOn).Header.MessageID
	calls := []*call{
		{name: "TurnOn relayed", event: turnOn, correlation: messageID, alexa: true},
		{name: "TurnOn refused by HA", event: edit(t, turnOn, withToken("token-home-assistant-refuses")), correlation: messageID, alexa: true},
		{name: "payloadVersion 2", event: edit(t, turnOn, func(d map[string]any) { object(d, "header")["payloadVersion"] = "2" }), correlation: messageID, alexa: true},
		{name: "Discovery relayed", event: discovery, correlation: decodeDirective(t, discovery).Header.MessageID, alexa: true},
		{name: "custom skill relayed", event: skillRequest(t, "LaunchRequest", "", directiveToken, false), correlation: "amzn1.echo-api.request.e2e-launchrequest", alexa: true},
		{name: "custom skill unlinked", event: skillRequest(t, "LaunchRequest", "", "", false), correlation: "amzn1.echo-api.request.e2e-launchrequest", alexa: true},
		{name: "warm-up", event: []byte(`{"warmup":true}`)},
		{name: "unknown event", event: []byte(`{}`)},
		{name: "TurnOn relayed again", event: turnOn, correlation: messageID, alexa: true},
	}
	sim := startSim(t, hasim.Settings{})
	rt := startFunction(t, "HA_URL="+sim.URL())
	for _, c := range calls {
		c.requestID = invoke(t, rt, c.event).RequestID
	}
	if err := rt.Close(); err != nil { // the output is complete once the process is gone
		t.Fatal(err)
	}
	lines := parseLines(t, rt.Stdout())
	segments := splitByRequest(lines, calls)
	names := map[string]bool{}
	for i, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			seg := segments[i]
			if len(seg.logs) == 0 {
				t.Fatalf("no log line carries the request id %s, so this invocation's output cannot be told apart", c.requestID)
			}
			if c.correlation != "" && !anyLineHas(seg.logs, c.requestID, c.correlation) {
				t.Errorf("no log line carries both the request id %s and the Alexa id %s:\n%s", c.requestID, c.correlation, seg)
			}
			switch n := len(seg.emf); {
			case c.alexa && n != 1, !c.alexa && n > 1:
				hint := ""
				if i+1 < len(calls) && len(segments[i+1].logs) == 0 {
					hint = " (the next invocation wrote no log line, so its EMF line is counted here)"
				}
				t.Errorf("%d EMF lines, want %s%s:\n%s", n, map[bool]string{true: "exactly one", false: "at most one"}[c.alexa], hint, seg)
			}
			for _, l := range seg.emf {
				for _, n := range checkEMF(t, l) {
					names[n] = true
				}
			}
		})
	}
	if len(names) > maxMetricNames {
		t.Errorf("the function used %d metric names, at most %d allowed: %v", len(names), maxMetricNames, names)
	}
}

// line is one stdout line decoded.
type line struct {
	raw    []byte
	fields map[string]any
}

func (l line) has(value string) bool {
	for _, v := range l.fields {
		if s, ok := v.(string); ok && s == value {
			return true
		}
	}
	return false
}

func (l line) isEMF() bool {
	_, ok := l.fields["_aws"]
	return ok
}

// parseLines decodes every stdout line; a line that is not a JSON object
// fails the test.
func parseLines(t *testing.T, out []byte) []line {
	t.Helper()
	var lines []line
	for raw := range bytes.Lines(out) {
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		var fields map[string]any
		if err := json.Unmarshal(raw, &fields); err != nil {
			t.Errorf("stdout line is not a JSON object: %s", raw)
			continue
		}
		lines = append(lines, line{raw: raw, fields: fields})
	}
	return lines
}

// segment is the output of one invocation.
type segment struct {
	logs, emf []line
}

func (s segment) String() string {
	var b bytes.Buffer
	for _, l := range append(append([]line(nil), s.logs...), s.emf...) {
		fmt.Fprintf(&b, "  %s\n", l.raw)
	}
	return b.String()
}

// splitByRequest assigns stdout lines to invocations. A log line names its
// request id; an EMF line names none, but an invocation writes its EMF
// line after its logs and before the function asks for the next event, so
// it belongs to the invocation of the log lines before it.
func splitByRequest(lines []line, calls []*call) []segment {
	segs := make([]segment, len(calls))
	cur := -1
	for _, l := range lines {
		for i, c := range calls {
			if l.has(c.requestID) {
				cur = i
			}
		}
		switch {
		case cur < 0:
			continue
		case l.isEMF():
			segs[cur].emf = append(segs[cur].emf, l)
		default:
			segs[cur].logs = append(segs[cur].logs, l)
		}
	}
	return segs
}

func anyLineHas(lines []line, values ...string) bool {
	for _, l := range lines {
		all := true
		for _, v := range values {
			all = all && l.has(v)
		}
		if all {
			return true
		}
	}
	return false
}

// checkEMF validates one Embedded Metric Format line and returns its metric
// names: at most ten, each with a value member in the line.
func checkEMF(t *testing.T, l line) []string {
	t.Helper()
	var emf struct {
		AWS struct {
			Timestamp         int64 `json:"Timestamp"`
			CloudWatchMetrics []struct {
				Namespace  string     `json:"Namespace"`
				Dimensions [][]string `json:"Dimensions"`
				Metrics    []struct {
					Name string `json:"Name"`
				} `json:"Metrics"`
			} `json:"CloudWatchMetrics"`
		} `json:"_aws"`
	}
	if err := json.Unmarshal(l.raw, &emf); err != nil || emf.AWS.Timestamp == 0 || len(emf.AWS.CloudWatchMetrics) == 0 {
		t.Errorf("not an EMF line (%v): %s", err, l.raw)
		return nil
	}
	var names []string
	for _, d := range emf.AWS.CloudWatchMetrics {
		if d.Namespace == "" {
			t.Errorf("EMF directive without a namespace: %s", l.raw)
		}
		for _, m := range d.Metrics {
			names = append(names, m.Name)
			if _, ok := l.fields[m.Name]; !ok {
				t.Errorf("metric %s has no value in the line: %s", m.Name, l.raw)
			}
		}
	}
	if len(names) > maxMetricNames {
		t.Errorf("one EMF line names %d metrics, at most %d allowed: %s", len(names), maxMetricNames, l.raw)
	}
	return names
}
