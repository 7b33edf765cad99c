package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/tools/hasim"
)

// Sizes of the concurrency test.
const (
	workers = 64
	rounds  = 20
)

// TestGatewayConcurrent drives one in-process gateway from 64 goroutines at
// once (run it with -race), each running invocations through a dispatch
// table whose row logs, counts a metric and relays to the simulator, as
// the function's rows do. Every answer is checked, and so are the totals
// afterwards: each log line written whole and carrying its own invocation's
// request id, the metric's sum over the per-invocation lines, the
// simulator's request count and the rows' dispatch counts.
func TestGatewayConcurrent(t *testing.T) {
	sim := startSim(t, hasim.Settings{}, "")
	var out lockedBuffer
	g := newGateway(t, sim.URL(), &out)
	body := sample(t, turnOn)
	tbl, err := gateway.NewTable(gateway.Row{Name: "relay", Kind: gateway.KindSmartHome, Token: gateway.TokenEndpointScope,
		Handle: func(ctx context.Context, req *gateway.Request) ([]byte, error) {
			g.LogInfo(ctx, "concurrent work", slog.String("invocation", lambdaiface.RequestID(ctx)))
			g.Count(ctx, gateway.MetricDirectives, 1)
			tok, err := g.Token(ctx, req)
			if err != nil {
				return nil, err
			}
			res, err := g.CallHomeAssistant(ctx, gateway.SmartHomePath, tok, req.Raw)
			if err != nil {
				return nil, err
			}
			if res.Status != http.StatusOK || !gateway.IsAlexaMessage(res.Body) {
				return nil, fmt.Errorf("relay: %s, want an Alexa answer with 200", res)
			}
			return res.Body, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				id := fmt.Sprintf("req-%d-%d", w, r)
				ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: id})
				if _, err := g.Invoke(ctx, tbl, body); err != nil {
					errs <- fmt.Errorf("worker %d round %d: %w", w, r, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	total := workers * rounds
	if got := sim.Count(gateway.SmartHomePath); got != total {
		t.Errorf("the simulator received %d requests, want %d", got, total)
	}
	checkLogLines(t, out.Bytes(), total)
	if got := metricSum(t, out.Bytes(), gateway.MetricDirectives); got != float64(total) {
		t.Errorf("the metric lines count %v directives, want %d", got, total)
	}
	if routes := tbl.Routes(); len(routes) != 1 || routes[0].Calls != uint64(total) {
		t.Errorf("Routes = %+v; want the relay row to have served %d events", routes, total)
	}
	checkNoSecrets(t, "the gateway's output", out.Bytes())
}

// checkLogLines checks the rows' log lines: each a whole JSON object whose
// "invocation" attribute is its own line's requestId, no two alike, want
// in all.
func checkLogLines(t *testing.T, out []byte, want int) {
	t.Helper()
	seen := map[string]bool{}
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var rec struct {
			Msg        string `json:"msg"`
			RequestID  string `json:"requestId"`
			Invocation string `json:"invocation"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("output line is not one JSON object: %v\n%s", err, line)
		}
		if rec.Msg != "concurrent work" {
			continue
		}
		if rec.Invocation == "" || rec.Invocation != rec.RequestID {
			t.Fatalf("log line of invocation %q carries request id %q: %s", rec.Invocation, rec.RequestID, line)
		}
		seen[rec.Invocation] = true
	}
	if len(seen) != want {
		t.Errorf("%d distinct invocations logged, want %d", len(seen), want)
	}
}

// metricSum is the value of name in the EMF metric lines of out.
func metricSum(t *testing.T, out []byte, name string) float64 {
	t.Helper()
	sum := 0.0
	for _, line := range bytes.Split(out, []byte("\n")) {
		if !bytes.Contains(line, []byte(`"_aws"`)) {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("metric line is not JSON: %v\n%s", err, line)
		}
		if v, ok := rec[name].(float64); ok {
			sum += v
		}
	}
	return sum
}
