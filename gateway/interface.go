package gateway

import (
	"fmt"
	"strings"
)

// Interface names one of the eleven interface modules the gateway fronts.
// Its values are dense, starting at zero, so they index the fast-path table.
type Interface uint8

// The eleven interfaces, in the order of DESIGN.md's layout table (and of
// config.InterfaceNames, so "all" preloads them in that order).
const (
	Cache Interface = iota
	Logging
	Security
	Metrics
	Singleton
	HTTPClient
	Utility
	Initialization
	LambdaIface
	CircuitBreaker
	Config
	numInterfaces
)

var interfaceNames = [numInterfaces]string{
	Cache:          "cache",
	Logging:        "logging",
	Security:       "security",
	Metrics:        "metrics",
	Singleton:      "singleton",
	HTTPClient:     "httpclient",
	Utility:        "utility",
	Initialization: "initialization",
	LambdaIface:    "lambdaiface",
	CircuitBreaker: "circuitbreaker",
	Config:         "config",
}

// Interfaces lists every interface in table order.
func Interfaces() []Interface {
	out := make([]Interface, numInterfaces)
	for i := range out {
		out[i] = Interface(i)
	}
	return out
}

// Valid reports whether i is one of the eleven interfaces.
func (i Interface) Valid() bool { return i < numInterfaces }

// String returns the interface's module folder name, e.g. "cache".
func (i Interface) String() string {
	if !i.Valid() {
		return fmt.Sprintf("interface(%d)", uint8(i))
	}
	return interfaceNames[i]
}

// ParseInterface maps a module folder name to its Interface, ignoring case
// and surrounding spaces, so that LEE_PRELOAD and tools accept what users type.
func ParseInterface(s string) (Interface, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for i, n := range interfaceNames {
		if n == name {
			return Interface(i), nil
		}
	}
	return 0, fmt.Errorf("gateway: parse interface %q: want one of %s", s, strings.Join(interfaceNames[:], ", "))
}
