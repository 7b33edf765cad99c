package hasim_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

// TestConcurrentUse drives one simulator from several goroutines at once
// (run it with -race) and checks every request is recorded exactly once.
func TestConcurrentUse(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	const workers, each = 6, 15
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				switch (w + i) % 5 {
				case 0:
					s.do("POST", "/api/alexa/smart_home", testToken,
						directiveJSON("Alexa.BrightnessController", "AdjustBrightness", "light#kitchen", map[string]any{"brightnessDelta": 10 - i}))
				case 1:
					s.do("GET", "/api/states", testToken, "")
				case 2:
					_ = s.srv.Inject(hasim.Fault{Kind: hasim.KindStatus, Status: 503, Count: 1, Path: fmt.Sprintf("/api/states/x%d", w)})
					s.do("GET", fmt.Sprintf("/api/states/x%d", w), testToken, "")
				case 3:
					s.do("POST", "/api/services/switch/toggle", testToken, `{"entity_id":"switch.fan"}`)
				default:
					_ = s.srv.Requests()
					_ = s.srv.Faults()
					s.do("POST", "/api/alexa", testToken, `{"request":{"type":"LaunchRequest"}}`)
				}
			}
		})
	}
	wg.Wait()
	reqs := s.srv.Requests()
	if len(reqs) != workers*each {
		t.Fatalf("%d records, want %d", len(reqs), workers*each)
	}
	for i, r := range reqs {
		if r.Seq != i+1 || !r.Done || r.Status == 0 {
			t.Errorf("record %d: %+v", i, r)
		}
	}
	if f := s.srv.Faults(); len(f) != 0 {
		t.Errorf("count-1 faults left: %+v", f)
	}
}
