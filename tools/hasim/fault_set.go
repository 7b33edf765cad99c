package hasim

import (
	"strings"
	"sync"
)

// faultSet holds the injected faults in injection order; the first one
// whose path matches a request applies to it.
type faultSet struct {
	mu     sync.Mutex
	active []*Fault
}

func (fs *faultSet) add(f Fault) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.active = append(fs.active, &f)
}

func (fs *faultSet) clear() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.active = nil
}

// list returns copies of the active faults; Count is what is left of each.
func (fs *faultSet) list() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]Fault, len(fs.active))
	for i, f := range fs.active {
		out[i] = *f
	}
	return out
}

// take returns the fault that applies to a request for path, using up one
// of its count.
func (fs *faultSet) take(path string) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.active {
		if !strings.HasPrefix(path, f.Path) {
			continue
		}
		got := *f
		if f.Count > 0 {
			f.Count--
			if f.Count == 0 {
				fs.active = append(fs.active[:i], fs.active[i+1:]...)
			}
		}
		return got, true
	}
	return Fault{}, false
}
