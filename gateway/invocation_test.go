package gateway

import (
	"context"
	"encoding/json"
	"runtime/debug"
	"strings"
	"testing"
)

func TestInvocationLifecycle(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	before := g.InitSnapshot().Invocations
	cold := g.BeginInvocation(ctx, "req-1")
	if got := g.InitSnapshot().Invocations; got != before+1 {
		t.Fatalf("invocations %d then %d; want one more", before, got)
	}
	g.LogInfo(ctx, "working")
	g.EndInvocation(ctx)
	emf := out.emfLines(t)
	if cold != (len(emf) == 1) {
		t.Fatalf("cold start %v but %d metric lines: %s", cold, len(emf), out.String())
	}
	if cold && emf[0][MetricColdStart] != 1.0 {
		t.Errorf("cold start line %v; want ColdStart=1", emf[0])
	}

	if g.BeginInvocation(ctx, "req-2") {
		t.Error("a second invocation reported a cold start")
	}
	g.RecordMetric(MetricDirectives, 1)
	g.RecordMetric("NotALeeMetric", 1) // refused by the recorder, never fatal
	g.EndInvocation(ctx)
	emf = out.emfLines(t)
	last := emf[len(emf)-1]
	if last[MetricDirectives] != 1.0 || last["NotALeeMetric"] != nil || last[MetricColdStart] != nil {
		t.Errorf("second invocation's metric line %v; want Directives=1 only", last)
	}
	for _, l := range out.lines(t) {
		if l["msg"] == "working" && l["requestId"] != "req-1" {
			t.Errorf("line %v; want requestId req-1", l)
		}
	}
}

// TestEndInvocationBuildsNothing: an invocation that recorded nothing
// writes nothing and constructs nothing.
func TestEndInvocationBuildsNothing(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	g.EndInvocation(context.Background())
	if out.String() != "" || g.Stats().Constructed != 0 {
		t.Errorf("output %q, %d constructed; want nothing", out.String(), g.Stats().Constructed)
	}
}

func TestMarkInitDone(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	g.MarkInitDone()
	if s := g.InitSnapshot(); !s.InitDone || s.InitDuration <= 0 {
		t.Errorf("snapshot %+v; want init done with a duration", s)
	}
}

// TestErrorResponse: the answer the function sends when Home Assistant
// cannot answer is schema-valid and keeps the directive's correlation.
func TestErrorResponse(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	req, _ := turnOn(t)
	d, err := DecodeDirective(req)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		typ       ErrorType
		namespace string
		d         *Directive
	}{
		{ErrBridgeUnreachable, "Alexa", d},
		{ErrInvalidAuthorization, "Alexa", d},
		{ErrInternal, "Alexa", d},
		{ErrInvalidDirective, "Alexa", &Directive{Header: d.Header}},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ), func(t *testing.T) {
			msg := "Home Assistant said no"
			if tt.d.Endpoint != nil { // the token it carries is cut from the message
				msg += " to " + sampleToken
			}
			r := g.ErrorResponse(tt.d, tt.typ, msg)
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			checkAlexaMessage(t, b)
			if r.Event.Header.Namespace != tt.namespace || r.Event.Header.CorrelationToken != d.Header.CorrelationToken ||
				strings.Contains(string(b), sampleToken) || !strings.Contains(string(b), string(tt.typ)) {
				t.Errorf("ErrorResponse %s; want type %s, the correlation token and no bearer token", b, tt.typ)
			}
		})
	}
}

// TestMarkInitDoneBuildsNothing: ending init must not construct any core,
// or a cold start with LEE_PRELOAD unset would pay for one.
func TestMarkInitDoneBuildsNothing(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	g.MarkInitDone()
	if n := g.Stats().Constructed; n != 0 {
		t.Fatalf("MarkInitDone constructed %d interfaces, want 0", n)
	}
}

// TestSingletonSetsSoftMemoryLimit: in a Lambda sandbox the singleton core
// gives the Go runtime a soft limit of memoryShare of its memory.
func TestSingletonSetsSoftMemoryLimit(t *testing.T) {
	t.Setenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	g, _ := newTestGateway(t, testConfig(localURL))
	if err := g.Construct(Singleton); err != nil {
		t.Fatal(err)
	}
	share := memoryShare
	want := int64(share * float64(128<<20))
	if got := debug.SetMemoryLimit(-1); got < want-(1<<20) || got > want+(1<<20) {
		t.Fatalf("soft memory limit %d bytes, want about %d", got, want)
	}
}
