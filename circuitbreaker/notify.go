package circuitbreaker

import (
	"sync"
	"sync/atomic"

	"github.com/sony/gobreaker/v2"
)

// transition is one state change waiting to be reported.
type transition struct {
	from, to State
}

// notifier hands state changes to the user's callback outside gobreaker's
// lock. gobreaker calls its OnStateChange while holding its mutex, so a
// callback that asked the breaker anything would deadlock; instead changes
// are queued under that mutex (which already orders them) and delivered by
// the call that caused them once it has left the breaker.
type notifier struct {
	name     string
	callback func(name string, from, to State)

	mu      sync.Mutex // guards queue
	queue   []transition
	pending atomic.Int32 // len(queue), readable without mu on the hot path

	// delivering is held by the one goroutine running callbacks, which
	// keeps them in order and never concurrent with each other.
	delivering sync.Mutex
}

func newNotifier(name string, callback func(name string, from, to State)) *notifier {
	return &notifier{name: name, callback: callback}
}

// record is gobreaker's OnStateChange; it runs under gobreaker's lock.
func (n *notifier) record(_ string, from, to gobreaker.State) {
	n.mu.Lock()
	n.queue = append(n.queue, transition{from: stateOf(from), to: stateOf(to)})
	n.pending.Store(int32(len(n.queue)))
	n.mu.Unlock()
}

// take empties the queue and returns what it held.
func (n *notifier) take() []transition {
	n.mu.Lock()
	defer n.mu.Unlock()
	batch := n.queue
	n.queue = nil
	n.pending.Store(0)
	return batch
}

// flush delivers queued changes. If another goroutine (or a callback
// further up this goroutine's stack) is already delivering, it leaves the
// work to it: that deliverer checks the queue again after letting go.
func (n *notifier) flush() {
	for n.pending.Load() > 0 {
		if !n.delivering.TryLock() {
			return
		}
		for batch := n.take(); len(batch) > 0; batch = n.take() {
			for _, t := range batch {
				n.callback(n.name, t.from, t.to)
			}
		}
		n.delivering.Unlock()
	}
}
