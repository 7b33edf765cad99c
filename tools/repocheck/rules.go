package repocheck

import (
	"sort"
	"strings"
)

// RepoPrefix is the module path prefix shared by every module of LEE.
const RepoPrefix = "github.com/lee-engine/lee/"

// interfaceRoots maps each of the eleven interface modules to the
// third-party import roots its non-test files may use (DESIGN.md,
// "Dependency rules"): one chosen dependency at most, usually none.
var interfaceRoots = map[string][]string{
	"cache":          {"github.com/patrickmn/go-cache"},
	"circuitbreaker": {"github.com/sony/gobreaker/v2"},
	"config":         {"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"},
	"httpclient":     nil,
	"initialization": nil,
	"lambdaiface":    {"github.com/aws/aws-lambda-go"},
	"logging":        nil,
	"metrics":        nil,
	"security":       nil,
	"singleton":      nil,
	"utility":        nil,
}

// functionRoots are the third-party roots the function module may import.
var functionRoots = []string{"github.com/aws/aws-lambda-go"}

// testRoots are the libraries test files of the restricted modules may add.
var testRoots = []string{"pgregory.net/rapid", "go.uber.org/goleak", "github.com/santhosh-tekuri/jsonschema/v6"}

// InterfaceModules returns the names of the eleven interface modules, sorted.
func InterfaceModules() []string {
	names := make([]string, 0, len(interfaceRoots))
	for n := range interfaceRoots {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// isInterface reports whether name is one of the interface modules.
func isInterface(name string) bool {
	_, ok := interfaceRoots[name]
	return ok
}

// isStdlib reports whether an import path belongs to the standard library:
// its first element has no dot, as every module path outside it must.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// repoModule returns the LEE module an import path belongs to, and whether
// it belongs to this repository at all.
func repoModule(path string) (string, bool) {
	if path == strings.TrimSuffix(RepoPrefix, "/") {
		return "", true
	}
	rest, ok := strings.CutPrefix(path, RepoPrefix)
	if !ok {
		return "", false
	}
	name, _, _ := strings.Cut(rest, "/")
	return name, true
}

// underRoot reports whether path is one of roots or a package below one.
func underRoot(path string, roots []string) bool {
	for _, r := range roots {
		if path == r || strings.HasPrefix(path, r+"/") {
			return true
		}
	}
	return false
}

// importRule returns the rule that module breaks by importing path from a
// test file (test) or a non-test file, or "" when the import is allowed.
func importRule(module string, test bool, path string) string {
	if isStdlib(path) {
		return ""
	}
	if target, ok := repoModule(path); ok {
		return repoImportRule(module, target)
	}
	var allowed []string
	switch {
	case isInterface(module):
		allowed = interfaceRoots[module]
	case module == "function":
		allowed = functionRoots
	default:
		return ""
	}
	if underRoot(path, allowed) || (test && underRoot(path, testRoots)) {
		return ""
	}
	return thirdPartyRule(module, allowed)
}

// repoImportRule applies the rules for imports of this repository's modules.
func repoImportRule(module, target string) string {
	switch {
	case target == module:
		return ""
	case target == "tools":
		return "nothing imports tools: it is never linked into bootstrap"
	case module == "utility":
		return "utility, the base layer, imports no other module of this repository"
	case isInterface(module) && target != "utility":
		return "an interface module imports no other module of this repository but utility"
	case module == "gateway" && !isInterface(target):
		return "gateway imports only the interface modules from this repository"
	case module == "function" && target != "gateway":
		return "function imports only gateway from this repository"
	}
	return ""
}

// thirdPartyRule words the third-party rule for module.
func thirdPartyRule(module string, allowed []string) string {
	own := "no third-party module"
	if len(allowed) > 0 {
		own = "only " + strings.Join(allowed, ", ")
	}
	return module + " may import " + own + " (test files also " + strings.Join(testRoots, ", ") + ")"
}
