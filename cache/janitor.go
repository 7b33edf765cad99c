package cache

import (
	"sync"
	"time"
)

// janitor is the optional goroutine that removes expired entries at a fixed
// interval. go-cache has a janitor of its own, but v2.1.0 stops it only from
// a finalizer, after the garbage collector has found the cache unreachable;
// Close has to stop it deterministically, so the cache runs this one instead
// and leaves go-cache's switched off.
type janitor struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// startJanitor runs sweep every interval until halt is called.
func startJanitor(interval time.Duration, sweep func()) *janitor {
	j := &janitor{stop: make(chan struct{}), done: make(chan struct{})}
	go j.run(interval, sweep)
	return j
}

func (j *janitor) run(interval time.Duration, sweep func()) {
	defer close(j.done)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			sweep()
		case <-j.stop:
			return
		}
	}
}

// halt stops the goroutine and waits until it has returned; later calls
// return at once.
func (j *janitor) halt() {
	j.once.Do(func() { close(j.stop) })
	<-j.done
}
