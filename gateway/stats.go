package gateway

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/lee-engine/lee/cache"
	"github.com/lee-engine/lee/circuitbreaker"
	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/httpclient"
	"github.com/lee-engine/lee/initialization"
	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/logging"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
	"github.com/lee-engine/lee/singleton"
	"github.com/lee-engine/lee/utility"
)

// coreVersions is each interface module's Version, for Stats.
var coreVersions = [numInterfaces]string{
	Cache:          cache.Version,
	Logging:        logging.Version,
	Security:       security.Version,
	Metrics:        metrics.Version,
	Singleton:      singleton.Version,
	HTTPClient:     httpclient.Version,
	Utility:        utility.Version,
	Initialization: initialization.Version,
	LambdaIface:    lambdaiface.Version,
	CircuitBreaker: circuitbreaker.Version,
	Config:         config.Version,
}

// InterfaceStats is one interface's row of Stats.
type InterfaceStats struct {
	Interface string `json:"interface"`
	// Version is the interface module's Version.
	Version string `json:"version"`
	// Constructed tells whether the core exists.
	Constructed bool `json:"constructed"`
	// Construction is how long building the core took; 0 until built.
	Construction       time.Duration `json:"-"`
	ConstructionMicros float64       `json:"constructionMicros"`
	// Constructions counts successful builds: 0 or 1, whatever the
	// number of goroutines that raced on first use.
	Constructions uint32 `json:"constructions"`
	// FailedConstructions counts builds that returned an error.
	FailedConstructions uint32 `json:"failedConstructions"`
	// FastRoutes counts the interface's pairs in the fast-path table.
	FastRoutes int `json:"fastRoutes"`
	// FastCalls and GenericCalls count calls by the path they took: the
	// fast-path table or a typed convenience function, or the generic route
	// (unroutable pairs included).
	FastCalls    uint64 `json:"fastCalls"`
	GenericCalls uint64 `json:"genericCalls"`
}

// Stats is the gateway's diagnostic picture, indexed by Interface.
type Stats struct {
	Version     string                        `json:"version"`
	Constructed int                           `json:"constructed"`
	FastRoutes  int                           `json:"fastRoutes"`
	Interfaces  [numInterfaces]InterfaceStats `json:"interfaces"`
	// Breakers is the state of every breaker created so far.
	Breakers map[string]string `json:"breakers,omitempty"`
}

// Stats reports, per interface, its core's version, whether it is built,
// how long that took, and its fast and generic call counts. It builds
// nothing.
func (g *Gateway) Stats() Stats {
	s := Stats{Version: Version}
	for _, i := range Interfaces() {
		st, built := g.slot(i)
		took := time.Duration(st.took.Load())
		row := InterfaceStats{
			Interface:           i.String(),
			Version:             coreVersions[i],
			Constructed:         built,
			Construction:        took,
			ConstructionMicros:  float64(took.Nanoseconds()) / 1e3,
			Constructions:       st.builds.Load(),
			FailedConstructions: st.failures.Load(),
			FastCalls:           g.calls[i].fast.Load(),
			GenericCalls:        g.calls[i].generic.Load(),
		}
		for op := range numOperations {
			if g.fast[i][op].Load() != nil {
				row.FastRoutes++
			}
		}
		if built {
			s.Constructed++
		}
		s.FastRoutes += row.FastRoutes
		s.Interfaces[i] = row
	}
	if r := g.breakers.loaded(); r != nil {
		s.Breakers = make(map[string]string)
		for name, state := range r.States() {
			s.Breakers[name] = state.String()
		}
	}
	return s
}

// JSON renders the stats for diagnostics, on one line.
func (s Stats) JSON() []byte {
	b, err := json.Marshal(s)
	if err != nil {
		// Stats holds strings, integers and finite floats only, which
		// always encode; this line keeps the method total all the same.
		return fmt.Appendf(nil, `{"error":%q}`, err.Error())
	}
	return b
}
