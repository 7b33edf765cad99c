package gateway

import "fmt"

// construct builds the core of the interface named name (as config reads
// LEE_PRELOAD: lower case, checked) now, if it is not built yet. utility
// and lambdaiface hold no state: there is nothing to build. config's core
// is the Parameter Store reader, built only when HA_TOKEN_PARAMETER is set.
func (g *Gateway) construct(name string) error {
	var err error
	switch name {
	case "cache":
		_, err = g.cacheCore()
	case "logging":
		_, err = g.loggerCore()
	case "security":
		_, err = g.securityCore()
	case "metrics":
		_, err = g.metricsCore()
	case "singleton":
		_, err = g.memoryCore()
	case "httpclient":
		_, err = g.httpCore()
	case "initialization":
		_, err = g.initCore()
	case "circuitbreaker":
		_, err = g.breakerCore()
	case "config":
		if g.cfg.TokenParameter != "" {
			_, err = g.paramsCore()
		}
	case "utility", "lambdaiface":
	default:
		err = fmt.Errorf("gateway: construct: unknown interface %q", name)
	}
	return err
}
