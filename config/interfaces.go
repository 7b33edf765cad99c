package config

import (
	"slices"
	"strings"
)

// InterfaceNames lists the eleven interface modules in the order LEE
// constructs them when asked to preload them all. Callers must not
// modify it.
var InterfaceNames = []string{
	"cache", "logging", "security", "metrics", "singleton", "httpclient",
	"utility", "initialization", "lambdaiface", "circuitbreaker", "config",
}

// parsePreload turns the LEE_PRELOAD list into interface names in
// InterfaceNames order, without duplicates. Blank items are ignored and
// "all" stands for every interface.
func parsePreload(v string) ([]string, error) {
	wanted := map[string]bool{}
	for item := range strings.SplitSeq(v, ",") {
		name := strings.ToLower(strings.TrimSpace(item))
		switch {
		case name == "":
		case name == "all":
			for _, n := range InterfaceNames {
				wanted[n] = true
			}
		case slices.Contains(InterfaceNames, name):
			wanted[name] = true
		default:
			return nil, &VarError{Var: "LEE_PRELOAD", Reason: "unknown interface " + quote(strings.TrimSpace(item)) +
				" (known: " + strings.Join(InterfaceNames, ", ") + ", or all)"}
		}
	}
	var names []string
	for _, n := range InterfaceNames {
		if wanted[n] {
			names = append(names, n)
		}
	}
	return names, nil
}
