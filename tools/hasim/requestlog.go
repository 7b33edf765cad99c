package hasim

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Request is the record of one request to a Home Assistant path. It holds
// no token: only whether one was sent and which configured token matched.
type Request struct {
	// Seq numbers the requests from 1 in arrival order.
	Seq  int       `json:"seq"`
	Time time.Time `json:"time"`
	// Method and Path are the request line's (Path without the query).
	Method string `json:"method"`
	Path   string `json:"path"`
	// HasAuthorization says an Authorization header was sent.
	HasAuthorization bool `json:"has_authorization"`
	// TokenMatched says it was "Bearer <t>" for a configured token t, and
	// TokenIndex which one (the index in Settings.Tokens; -1 when none).
	TokenMatched bool `json:"token_matched"`
	TokenIndex   int  `json:"token_index"`
	// Namespace, Name and MessageID are from the header of a Smart Home
	// directive, when the body carried one: with TokenIndex they tell which
	// token each directive was sent with.
	Namespace string `json:"namespace,omitempty"`
	Name      string `json:"name,omitempty"`
	MessageID string `json:"message_id,omitempty"`
	// Fault is the kind of the fault applied, if any.
	Fault Kind `json:"fault,omitempty"`
	// Status is the status sent; 0 while the request is being handled, and
	// when no complete status was sent (connection reset or abandoned).
	Status int `json:"status"`
	// Done says the simulator has finished handling the request.
	Done bool `json:"done"`
}

// requestLog records requests as they arrive, so a test sees a request
// that is still delayed.
type requestLog struct {
	mu      sync.Mutex
	gen     int
	reqs    []Request
	changed chan struct{} // closed and replaced at every change
}

// notify wakes every waiter; l.mu must be held.
func (l *requestLog) notify() {
	if l.changed != nil {
		close(l.changed)
	}
	l.changed = make(chan struct{})
}

// wait blocks until cond holds for the records or ctx ends.
func (l *requestLog) wait(ctx context.Context, cond func([]Request) bool) ([]Request, error) {
	for {
		l.mu.Lock()
		if l.changed == nil {
			l.changed = make(chan struct{})
		}
		ch := l.changed
		reqs := make([]Request, len(l.reqs))
		copy(reqs, l.reqs)
		l.mu.Unlock()
		if cond(reqs) {
			return reqs, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return reqs, fmt.Errorf("wait for requests: %w", ctx.Err())
		}
	}
}

// logTicket identifies a record for finish: its index, and the log's
// generation, which clear moves on so a late finish cannot touch a newer
// record.
type logTicket struct{ gen, index int }

// add records r and returns its ticket.
func (l *requestLog) add(r Request) logTicket {
	l.mu.Lock()
	defer l.mu.Unlock()
	r.Seq = len(l.reqs) + 1
	l.reqs = append(l.reqs, r)
	l.notify()
	return logTicket{gen: l.gen, index: len(l.reqs) - 1}
}

// finish stores the status of the record t names, unless the log was
// cleared since.
func (l *requestLog) finish(t logTicket, status int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t.gen == l.gen && t.index < len(l.reqs) {
		l.reqs[t.index].Status = status
		l.reqs[t.index].Done = true
		l.notify()
	}
}

func (l *requestLog) list() []Request {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Request, len(l.reqs))
	copy(out, l.reqs)
	return out
}

func (l *requestLog) count(prefix string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.reqs {
		if strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}

func (l *requestLog) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = nil
	l.gen++
	l.notify()
}
