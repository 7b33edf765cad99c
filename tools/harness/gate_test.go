package harness

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// gate holds fake invocations until the test lets them through, so a test
// waits on signals instead of timers: an event made by event sends fakefn
// to GET <gate>/<name>, which is recorded as an arrival and answered only
// when the test releases that name.
type gate struct {
	srv     *httptest.Server
	arrived chan string
	shut    chan struct{}

	mu   sync.Mutex
	open map[string]chan struct{}
}

// newGate starts a gate on 127.0.0.1; it is closed when the test ends,
// letting everything still held go first.
func newGate(t *testing.T) *gate {
	t.Helper()
	g := &gate{arrived: make(chan string, 64), shut: make(chan struct{}), open: make(map[string]chan struct{})}
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	t.Cleanup(func() {
		close(g.shut)
		g.srv.Close()
	})
	return g
}

func (g *gate) serve(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	ch := g.channel(name)
	select {
	case g.arrived <- name:
	case <-r.Context().Done():
		return
	}
	select {
	case <-ch:
		_, _ = w.Write([]byte("released " + name))
	case <-r.Context().Done():
	case <-g.shut:
	}
}

func (g *gate) channel(name string) chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	ch, ok := g.open[name]
	if !ok {
		ch = make(chan struct{})
		g.open[name] = ch
	}
	return ch
}

// event is a fakefn event that waits at the gate under name.
func (g *gate) event(name string) []byte {
	return []byte(`{"mode":"gate","gate":"` + g.srv.URL + "/" + name + `"}`)
}

// release lets the invocation held under name answer.
func (g *gate) release(name string) {
	close(g.channel(name))
}

// await waits for n arrivals and returns their names, in arrival order.
func (g *gate) await(ctx context.Context, t *testing.T, n int) []string {
	t.Helper()
	var names []string
	for range n {
		select {
		case name := <-g.arrived:
			names = append(names, name)
		case <-ctx.Done():
			t.Fatalf("%d of %d invocations reached the gate (%v) before the test's bound", len(names), n, names)
		}
	}
	return names
}

// released is the answer fakefn gives for a gate event.
type released struct {
	RequestID string `json:"requestId"`
	Gate      string `json:"gate"`
}
