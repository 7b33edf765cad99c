package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/hasim"
)

// Sizes of the concurrency test.
const (
	workers = 64
	rounds  = 20
)

// errWork is what the breaker's work returns on odd rounds.
var errWork = errors.New("work failed on purpose")

// TestGatewayConcurrent drives one in-process gateway and its cores from 64
// goroutines at once (run it with -race): cache writes and reads, log
// lines, metrics, relays to the simulator, breaker executions and Stats.
// Every result is checked, and so are the totals afterwards: each log line
// written whole, the metric's sum, the simulator's request count and the
// call counts Stats reports.
func TestGatewayConcurrent(t *testing.T) {
	sim := startSim(t, hasim.Settings{}, "")
	var out lockedBuffer
	g := newGateway(t, sim.URL(), &out)
	body := sample(t, turnOn)
	ctx := context.Background()
	g.BeginInvocation(ctx, "concurrency-test")

	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			if err := work(ctx, g, w, body); err != nil {
				errs <- fmt.Errorf("worker %d: %w", w, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	g.EndInvocation(ctx)

	total := workers * rounds
	if got := sim.Count(gateway.SmartHomePath); got != total {
		t.Errorf("the simulator received %d requests, want %d", got, total)
	}
	checkLogLines(t, out.Bytes(), total)
	if got := metricSum(t, out.Bytes(), gateway.MetricDirectives); got != float64(total) {
		t.Errorf("the metric line counts %v directives, want %d", got, total)
	}
	s := g.Stats()
	wantCalls := map[gateway.Interface]uint64{
		gateway.Cache:          uint64(2 * total),
		gateway.Logging:        uint64(total),
		gateway.Metrics:        uint64(total),
		gateway.HTTPClient:     uint64(total),
		gateway.CircuitBreaker: uint64(total),
	}
	for iface, want := range wantCalls {
		if got := s.Interfaces[iface].FastCalls; got != want {
			t.Errorf("Stats: %s made %d fast calls, want %d", iface, got, want)
		}
	}
	checkNoSecrets(t, "the gateway's output", out.Bytes())
}

// work is one goroutine's share: each round, a cache write and read of its
// own key, a log line, a metric, a relay, a breaker execution and a look at
// Stats, each checked.
func work(ctx context.Context, g *gateway.Gateway, w int, body []byte) error {
	key := fmt.Sprintf("worker-%d", w)
	breaker := fmt.Sprintf("worker-%d", w)
	var lastHTTP uint64
	for r := range rounds {
		want := fmt.Sprintf("%d/%d", w, r)
		if err := g.CacheSet(key, want, time.Minute); err != nil {
			return fmt.Errorf("cache set: %w", err)
		}
		if got, ok := g.CacheGet(key); !ok || got != want {
			return fmt.Errorf("cache get %s = %v, %v; want %s", key, got, ok, want)
		}
		g.LogInfo(ctx, "concurrent work", slog.Int("worker", w), slog.Int("round", r))
		g.RecordMetric(gateway.MetricDirectives, 1)
		if err := relay(ctx, g, body); err != nil {
			return err
		}
		if err := execute(g, breaker, r); err != nil {
			return err
		}
		n := g.Stats().Interfaces[gateway.HTTPClient].FastCalls
		if n < lastHTTP || n < uint64(r+1) {
			return fmt.Errorf("Stats: %d relays counted after %d of this worker's own, %d before", n, r+1, lastHTTP)
		}
		lastHTTP = n
	}
	return nil
}

// relay sends body to Home Assistant and wants its Alexa answer.
func relay(ctx context.Context, g *gateway.Gateway, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	res, err := g.CallHomeAssistant(ctx, gateway.HARequest{Path: gateway.SmartHomePath, Token: directiveToken, Body: body})
	if err != nil {
		return fmt.Errorf("relay: %w", err)
	}
	if res.Status != http.StatusOK || !gateway.IsAlexaMessage(res.Body) {
		return fmt.Errorf("relay: %s, want an Alexa answer with 200", res)
	}
	return nil
}

// execute runs work in the worker's own breaker that fails on odd rounds,
// and wants exactly the work's outcome back: alternating failures never
// reach a threshold, so the breaker must never refuse.
func execute(g *gateway.Gateway, name string, r int) error {
	ran := false
	err := g.BreakerExecute(name, func() error {
		ran = true
		if r%2 == 1 {
			return errWork
		}
		return nil
	})
	switch {
	case !ran:
		return fmt.Errorf("breaker %s refused round %d: %v", name, r, err)
	case r%2 == 1 && !errors.Is(err, errWork), r%2 == 0 && err != nil:
		return fmt.Errorf("breaker %s round %d returned %v", name, r, err)
	}
	return nil
}

// checkLogLines checks the workers' log lines: each a whole JSON object
// with its attributes, no two alike, and together with the lines the
// per-invocation cap dropped (which EndInvocation reports) exactly want.
func checkLogLines(t *testing.T, out []byte, want int) {
	t.Helper()
	seen := map[[2]int]bool{}
	var dropped, limit int
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var rec struct {
			Msg     string `json:"msg"`
			Worker  *int   `json:"worker"`
			Round   *int   `json:"round"`
			Dropped int    `json:"dropped"`
			Limit   int    `json:"limit"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("output line is not one JSON object: %v\n%s", err, line)
		}
		switch {
		case rec.Msg == "concurrent work" && (rec.Worker == nil || rec.Round == nil):
			t.Fatalf("log line lost its attributes: %s", line)
		case rec.Msg == "concurrent work":
			seen[[2]int{*rec.Worker, *rec.Round}] = true
		case rec.Dropped > 0:
			dropped, limit = rec.Dropped, rec.Limit
		}
	}
	if len(seen)+dropped != want || (dropped > 0 && len(seen) != limit) {
		t.Errorf("%d distinct log lines of the workers written and %d dropped by the cap of %d, want %d in all",
			len(seen), dropped, limit, want)
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
