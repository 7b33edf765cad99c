package gateway

import (
	"fmt"
	"strings"

	"github.com/lee-engine/lee/config"
)

// preloadAll is the LEE_PRELOAD word that names every interface.
const preloadAll = "all"

// ParsePreload reads a LEE_PRELOAD value: interface names separated by
// commas, in any case, blanks and repeats ignored, or "all". It returns the
// interfaces in table order, so construction order does not depend on how
// the user wrote the list. An unknown name is a *config.VarError naming
// LEE_PRELOAD and the name.
func ParsePreload(list string) ([]Interface, error) {
	var want [numInterfaces]bool
	for _, raw := range strings.Split(list, ",") {
		name := strings.TrimSpace(raw)
		if name == "" {
			continue
		}
		if strings.EqualFold(name, preloadAll) {
			for i := range want {
				want[i] = true
			}
			continue
		}
		i, err := ParseInterface(name)
		if err != nil {
			return nil, &config.VarError{
				Var:    config.VarPreload,
				Reason: fmt.Sprintf("unknown interface %q: want %q or names among %s", name, preloadAll, strings.Join(interfaceNames[:], ", ")),
			}
		}
		want[i] = true
	}
	var out []Interface
	for i, w := range want {
		if w {
			out = append(out, Interface(i))
		}
	}
	return out, nil
}

// Preload constructs the given interfaces now, in order, so that a warm
// start pays nothing on its first directive. It stops at the first failure.
func (g *Gateway) Preload(ifaces ...Interface) error {
	for _, i := range ifaces {
		if err := g.Construct(i); err != nil {
			return fmt.Errorf("gateway: preload %s: %w", i, err)
		}
	}
	return nil
}

// Construct builds interface i's core now if it is not built yet. A failure
// is returned and not remembered: the next use tries again.
func (g *Gateway) Construct(i Interface) error {
	var err error
	switch i {
	case Cache:
		_, err = g.cacheCore()
	case Logging:
		_, err = g.loggerCore()
	case Security:
		_, err = g.securityCore()
	case Metrics:
		_, err = g.metricsCore()
	case Singleton:
		_, err = g.singletonCore()
	case HTTPClient:
		_, err = g.httpCore()
	case Utility:
		_, err = g.utilityCore()
	case Initialization:
		_, err = g.initCore()
	case LambdaIface:
		_, err = g.lambdaCore()
	case CircuitBreaker:
		_, err = g.breakerCore()
	case Config:
		_, err = g.configCore()
	default:
		return fmt.Errorf("gateway: construct: invalid interface %d", uint8(i))
	}
	return err
}

// slot returns what Stats reads of interface i's lazy slot, and whether the
// core is built; nil for an invalid interface.
func (g *Gateway) slot(i Interface) (*slotState, bool) {
	switch i {
	case Cache:
		return &g.cache.state, g.cache.built()
	case Logging:
		return &g.logger.state, g.logger.built()
	case Security:
		return &g.security.state, g.security.built()
	case Metrics:
		return &g.metrics.state, g.metrics.built()
	case Singleton:
		return &g.single.state, g.single.built()
	case HTTPClient:
		return &g.http.state, g.http.built()
	case Utility:
		return &g.utility.state, g.utility.built()
	case Initialization:
		return &g.init.state, g.init.built()
	case LambdaIface:
		return &g.lambda.state, g.lambda.built()
	case CircuitBreaker:
		return &g.breakers.state, g.breakers.built()
	case Config:
		return &g.conf.state, g.conf.built()
	}
	return nil, false
}
