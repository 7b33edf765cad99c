package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lee-engine/lee/gateway"
)

// TestWarmup: a scheduled warm-up event gets the small fixed answer at
// once, and Home Assistant is not called.
func TestWarmup(t *testing.T) {
	tests := []struct {
		name  string
		event string
	}{
		{"EventBridge scheduled event", `{"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",` +
			`"source":"aws.events","account":"123456789012","time":"2026-11-30T06:00:00Z","region":"eu-west-1",` +
			`"resources":["arn:aws:events:eu-west-1:123456789012:rule/lee-warmup"],"detail":{}}`},
		{"warmup ping", `{"warmup":true}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
			f := newFixture(t, baseConfig(ha.URL()))

			got := f.mustInvoke(t, []byte(tc.event))

			var answer struct{ Warmup, Version string }
			if err := json.Unmarshal(got, &answer); err != nil || answer.Warmup != "ok" || answer.Version != Version {
				t.Errorf("answer %s (%v); want {\"warmup\":\"ok\",\"version\":%q}", got, err, Version)
			}
			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests; want none for a warm-up", n)
			}
		})
	}
}

// TestRefusedEvents: events that are neither answerable nor a directive
// with a readable header end in a Lambda error with a clear message,
// never a panic, never a call to Home Assistant, and the same process
// relays the next directive normally. (Members the function does not read,
// such as a function URL request's headers, are not judged: the one
// decode reads only what is used.)
func TestRefusedEvents(t *testing.T) {
	tests := []struct {
		name  string
		event string
		want  string // a part of the error's message
	}{
		{"empty object", `{}`, "unrecognised event"},
		{"empty event", ``, "not a JSON object"},
		{"array", `[]`, "not a JSON object"},
		{"null", `null`, "not a JSON object"},
		{"string", `"TurnOn"`, "not a JSON object"},
		{"number", `42`, "not a JSON object"},
		{"broken JSON", `{"directive":{"header":`, "not well-formed JSON"},
		{"invalid UTF-8", "{\"directive\":\"\xff\"}", "UTF-8"},
		{"directive without header", `{"directive":{}}`, "directive.header"},
		{"header a string", `{"directive":{"header":"TurnOn","payload":{}}}`, "directive.header"},
		{"header an array", `{"directive":{"header":[],"payload":{}}}`, "directive.header"},
		{"directive a string", `{"directive":"TurnOn"}`, "unrecognised event"},
		{"S3 notification", `{"Records":[{"eventSource":"aws:s3"}]}`, "unrecognised event"},
		{"300 KiB object", `{"padding":"` + strings.Repeat("x", 300<<10) + `"}`, "exceeds"},
		{"2000-deep arrays", `{"a":` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + `}`, "nesting"},
		{"2000-deep header", `{"directive":{"header":` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + `}}`, "nesting"},
		{"scope token but no header", `{"directive":{"endpoint":{"scope":{"type":"BearerToken","token":"` + fixtureToken + `"}}}}`, "directive.header"},
	}
	answer := fixtureFile(t, turnOnResponse)
	ha := startHA(t, respond(http.StatusOK, "application/json", answer))
	f := newFixture(t, baseConfig(ha.URL()))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := f.invoke(t, []byte(tc.event))
			if err == nil || out != nil {
				t.Fatalf("answer %s, error %v; want no answer and a Lambda error", out, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q; want it to say %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "internal error while handling") {
				t.Errorf("error %q comes from a recovered panic", err)
			}
			checkNoSecret(t, "error", err.Error())
			lines := outputLines(t, f.out.take())
			if !hasLine(lines, "event refused", testRequestID) {
				t.Errorf("no \"event refused\" log line with the request id in %v", lines)
			}
		})
	}
	if n := len(ha.requests()); n != 0 {
		t.Errorf("Home Assistant received %d requests; want none for refused events", n)
	}
	if got := f.mustInvoke(t, fixtureFile(t, turnOnRequest)); !bytes.Equal(got, answer) {
		t.Errorf("after the refused events the directive got %s; want Home Assistant's answer", got)
	}
}

// hasLine reports whether a log line with message msg carries requestID.
func hasLine(lines []map[string]any, msg, requestID string) bool {
	for _, l := range lines {
		if l["msg"] == msg && l["requestId"] == requestID {
			return true
		}
	}
	return false
}

// panicOnce is an output that panics the first time a line containing
// trigger is written, standing in for a bug deep below the handler.
type panicOnce struct {
	outputBuffer
	trigger string
	fired   atomic.Bool
}

func (p *panicOnce) Write(b []byte) (int, error) {
	if bytes.Contains(b, []byte(p.trigger)) && p.fired.CompareAndSwap(false, true) {
		panic("test: output exploded")
	}
	return p.outputBuffer.Write(b)
}

// TestPanicRecovered: a panic during an invocation becomes a Lambda error
// with a message that sends the reader to the log, the log gets one line
// about it, and the next invocation is served normally. No event found by
// these tests or the fuzz target panics, so the panic is provoked through
// the output the handler logs to.
func TestPanicRecovered(t *testing.T) {
	answer := fixtureFile(t, turnOnResponse)
	ha := startHA(t, respond(http.StatusOK, "application/json", answer))
	out := &panicOnce{trigger: `"msg":"directive relayed"`}
	f := newFixture(t, baseConfig(ha.URL()), func(o *gateway.Options) { o.Stdout = out })
	event := fixtureFile(t, turnOnRequest)

	got, err := f.invoke(t, event)

	if err == nil || got != nil || !strings.Contains(err.Error(), "see the function's log") {
		t.Fatalf("answer %s, error %v; want no answer and an error pointing to the log", got, err)
	}
	lines := outputLines(t, out.take())
	if !hasLine(lines, "invocation panicked", testRequestID) {
		t.Errorf("no \"invocation panicked\" line with the request id in %v", lines)
	}
	if got := f.mustInvoke(t, event); !bytes.Equal(got, answer) {
		t.Errorf("the invocation after the panic got %s; want Home Assistant's answer", got)
	}
}

// TestUnreadableCustomSkillRequest: a custom-skill request whose members
// have the wrong types still gets an answer Alexa can speak, and Home
// Assistant is not called.
func TestUnreadableCustomSkillRequest(t *testing.T) {
	ha := startHA(t, respond(http.StatusOK, "application/json", []byte(`{}`)))
	f := newFixture(t, baseConfig(ha.URL()))
	out, err := f.invoke(t, []byte(`{"version":"1.0","session":"s","request":{"type":"LaunchRequest"}}`))
	if err != nil {
		t.Fatalf("Invoke error %v; want a spoken apology", err)
	}
	var resp struct {
		Version  string `json:"version"`
		Response struct {
			OutputSpeech     struct{ Type, Text string } `json:"outputSpeech"`
			ShouldEndSession bool                        `json:"shouldEndSession"`
		} `json:"response"`
	}
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatalf("answer %s is not JSON: %v", out, err)
	}
	if resp.Version != "1.0" || resp.Response.OutputSpeech.Type != "PlainText" ||
		resp.Response.OutputSpeech.Text == "" || !resp.Response.ShouldEndSession {
		t.Fatalf("answer %s is not a spoken custom-skill response", out)
	}
	if n := len(ha.requests()); n != 0 {
		t.Fatalf("Home Assistant was called %d times", n)
	}
}
