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

// InterfaceStats is one interface's row of Stats.
type InterfaceStats struct {
	Interface string `json:"interface"`
	// Version is the interface module's Version.
	Version string `json:"version"`
	// Stateless is true for the modules that hold no state (utility,
	// lambdaiface): the gateway reaches them through plain functions and
	// builds nothing for them.
	Stateless bool `json:"stateless,omitempty"`
	// Constructed tells whether the core exists.
	Constructed bool `json:"constructed"`
	// Construction is how long building the core took; 0 until built.
	Construction       time.Duration `json:"-"`
	ConstructionMicros float64       `json:"constructionMicros"`
	// FailedConstructions counts builds that returned an error.
	FailedConstructions uint32 `json:"failedConstructions"`
}

// RouteStats is one row of the dispatch table and how many events it
// served.
type RouteStats struct {
	Name  string `json:"name"`
	Calls uint64 `json:"calls"`
}

// Stats is the gateway's diagnostic picture.
type Stats struct {
	Version     string           `json:"version"`
	Constructed int              `json:"constructed"`
	Interfaces  []InterfaceStats `json:"interfaces"`
}

// Stats reports, per interface in config.InterfaceNames order, its core's
// version, whether it is built and how long that took. It builds nothing.
func (g *Gateway) Stats() Stats {
	c := &g.cores
	slots := map[string]singleton.SlotStats{
		"cache": c.cache.Stats(), "logging": c.logger.Stats(), "security": c.security.Stats(),
		"metrics": c.metrics.Stats(), "singleton": c.memory.Stats(), "httpclient": c.http.Stats(),
		"initialization": c.init.Stats(), "circuitbreaker": c.breaker.Stats(), "config": c.params.Stats(),
	}
	versions := map[string]string{
		"cache": cache.Version, "logging": logging.Version, "security": security.Version,
		"metrics": metrics.Version, "singleton": singleton.Version, "httpclient": httpclient.Version,
		"utility": utility.Version, "initialization": initialization.Version,
		"lambdaiface": lambdaiface.Version, "circuitbreaker": circuitbreaker.Version, "config": config.Version,
	}
	s := Stats{Version: Version, Interfaces: make([]InterfaceStats, 0, len(config.InterfaceNames))}
	for _, name := range config.InterfaceNames {
		st, stateful := slots[name]
		row := InterfaceStats{
			Interface:           name,
			Version:             versions[name],
			Stateless:           !stateful,
			Constructed:         st.Built,
			Construction:        st.Took,
			ConstructionMicros:  float64(st.Took.Nanoseconds()) / 1e3,
			FailedConstructions: st.Failures,
		}
		if st.Built {
			s.Constructed++
		}
		s.Interfaces = append(s.Interfaces, row)
	}
	return s
}

// Routes reports each row of t and how many events it served.
func (t *Table) Routes() []RouteStats {
	var out []RouteStats
	for _, r := range t.byKind {
		if r != nil {
			out = append(out, RouteStats{Name: r.Name, Calls: r.calls.Load()})
		}
	}
	for _, r := range t.namespaces {
		out = append(out, RouteStats{Name: r.Name, Calls: r.calls.Load()})
	}
	return out
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
