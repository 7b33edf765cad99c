package gateway

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// lambdaContext is the context aws-lambda-go gives an invocation.
func lambdaContext(requestID string) context.Context {
	return lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: requestID})
}

// TestConcurrentInvocations runs invocations at once, as aws-lambda-go does
// with AWS_LAMBDA_MAX_CONCURRENCY > 1, each with its own token, request id
// and messageId, and checks that every log line carries its own
// invocation's ids, that no token appears, that each answer is its own, and
// that each invocation writes its own metric line.
func TestConcurrentInvocations(t *testing.T) {
	const invocations = 16
	ha := startFakeHA(t, http.StatusOK, turnOnAnswer)
	cfg := testConfig(ha.URL)
	cfg.LogLevel = "debug"
	g, out := newTestGateway(t, cfg)
	tbl := relayTable(t, g)
	var wg sync.WaitGroup
	for i := range invocations {
		wg.Go(func() {
			id := fmt.Sprintf("%02d", i)
			event := directiveWith("token-of-invocation-"+id, "msg-"+id, "corr-"+id)
			res, err := g.Invoke(lambdaContext("req-"+id), tbl, []byte(event))
			if err != nil || string(res) != turnOnAnswer {
				t.Errorf("invocation %s: %s, %v", id, res, err)
			}
		})
	}
	wg.Wait()
	emf := 0
	for _, line := range out.lines(t) {
		if _, ok := line["_aws"]; ok {
			emf++
			if line[MetricDirectives] != nil || line[MetricHALatency] == nil {
				t.Errorf("metric line %v; want this invocation's HALatency", line)
			}
			continue
		}
		req, _ := line["requestId"].(string)
		corr, _ := line["correlationId"].(string)
		if req == "" && line["msg"] == "cold start" {
			t.Errorf("cold start line outside an invocation: %v", line)
		}
		if req != "" && corr != "" && strings.TrimPrefix(req, "req-") != strings.TrimPrefix(corr, "msg-") {
			t.Errorf("line of %s carries correlation id %s: %v", req, corr, line)
		}
	}
	if emf != invocations {
		t.Errorf("%d metric lines, want one per invocation (%d)", emf, invocations)
	}
	for i := range invocations {
		if tok := fmt.Sprintf("token-of-invocation-%02d", i); strings.Contains(out.String(), tok) {
			t.Fatalf("token %s appears in the output", tok)
		}
	}
}

// TestColdStartOnce: only the process's first invocation logs the cold
// start and counts ColdStart.
func TestColdStartOnce(t *testing.T) {
	tracker := &countingTracker{}
	out := &syncBuffer{}
	g, err := New(testConfig(localURL), Options{Stdout: out, Cores: Cores{Tracker: tracker}})
	if err != nil {
		t.Fatal(err)
	}
	tbl := relayTable(t, g)
	for range 3 {
		if _, err := g.Invoke(lambdaContext("req"), tbl, []byte(`{"warmup":true}`)); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(out.String(), `"msg":"cold start"`); n != 1 {
		t.Errorf("%d cold start lines, want 1", n)
	}
	if n := strings.Count(out.String(), `"`+MetricColdStart+`":1`); n != 1 {
		t.Errorf("%d ColdStart metrics, want 1:\n%s", n, out)
	}
}

// countingTracker is a Tracker whose first invocation is the cold start,
// whatever other tests did with the process's tracker.
type countingTracker struct {
	mu sync.Mutex
	n  uint64
}

func (c *countingTracker) Invocation() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return c.n == 1
}

func (c *countingTracker) Snapshot() InitSnapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	return InitSnapshot{Invocations: c.n, ColdStart: c.n < 2}
}
