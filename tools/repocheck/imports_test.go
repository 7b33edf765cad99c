package repocheck

import (
	"strings"
	"testing"
)

func TestCheckImportsGoodTree(t *testing.T) {
	got, err := CheckImports(goodTree().write(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("good tree has findings:\n%s", findingLines(got))
	}
}

func TestCheckImportsBrokenTrees(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		body  string
		wants []string
	}{
		{
			name:  "interface module imports another module",
			file:  "logging/logging.go",
			body:  "package logging\n\nimport \"github.com/lee-engine/lee/metrics\"\n",
			wants: []string{`"github.com/lee-engine/lee/metrics"`, "interface module imports no other module of this repository but utility"},
		},
		{
			name:  "utility imports another module",
			file:  "utility/json.go",
			body:  "package utility\n\nimport \"github.com/lee-engine/lee/cache\"\n",
			wants: []string{`"github.com/lee-engine/lee/cache"`, "utility, the base layer, imports no other module"},
		},
		{
			name:  "interface module imports another module from a test",
			file:  "logging/logging_test.go",
			body:  "package logging\n\nimport \"github.com/lee-engine/lee/cache\"\n",
			wants: []string{`"github.com/lee-engine/lee/cache"`, "interface module imports no other module"},
		},
		{
			name:  "interface module uses a foreign third-party module",
			file:  "metrics/emf.go",
			body:  "package metrics\n\nimport \"github.com/patrickmn/go-cache\"\n",
			wants: []string{`"github.com/patrickmn/go-cache"`, "metrics may import no third-party module"},
		},
		{
			name:  "interface module uses a test library outside tests",
			file:  "cache/gen.go",
			body:  "package cache\n\nimport \"pgregory.net/rapid\"\n",
			wants: []string{`"pgregory.net/rapid"`, "cache may import only github.com/patrickmn/go-cache"},
		},
		{
			name:  "prefix lookalike is not the allowed root",
			file:  "circuitbreaker/b.go",
			body:  "package circuitbreaker\n\nimport \"github.com/sony/gobreaker\"\n",
			wants: []string{`"github.com/sony/gobreaker"`, "only github.com/sony/gobreaker/v2"},
		},
		{
			name:  "gateway imports function",
			file:  "gateway/route.go",
			body:  "package gateway\n\nimport \"github.com/lee-engine/lee/function/relay\"\n",
			wants: []string{`"github.com/lee-engine/lee/function/relay"`, "gateway imports only the interface modules"},
		},
		{
			name:  "function imports an interface module",
			file:  "function/relay/relay.go",
			body:  "package relay\n\nimport \"github.com/lee-engine/lee/cache\"\n",
			wants: []string{`"github.com/lee-engine/lee/cache"`, "function imports only gateway"},
		},
		{
			name:  "function imports the AWS SDK",
			file:  "function/ssm.go",
			body:  "package main\n\nimport \"github.com/aws/aws-sdk-go-v2/service/ssm\"\n",
			wants: []string{`"github.com/aws/aws-sdk-go-v2/service/ssm"`, "function may import only github.com/aws/aws-lambda-go"},
		},
		{
			name:  "gateway imports tools",
			file:  "gateway/sim_test.go",
			body:  "package gateway\n\nimport \"github.com/lee-engine/lee/tools/fakessm\"\n",
			wants: []string{`"github.com/lee-engine/lee/tools/fakessm"`, "nothing imports tools"},
		},
		{
			name:  "file that does not parse",
			file:  "utility/broken.go",
			body:  "package utility\n\nimport (\n",
			wants: []string{"cannot parse imports"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := goodTree()
			tr[tc.file] = tc.body
			got, err := CheckImports(tr.write(t))
			if err != nil {
				t.Fatal(err)
			}
			expectOneFinding(t, got, tc.file, tc.wants...)
		})
	}
}

func TestCheckImportsGoMod(t *testing.T) {
	const gw = "github.com/lee-engine/lee/gateway"
	tests := []struct {
		name   string
		module string
		gomod  string
		wants  []string
	}{
		{
			name:   "toolchain line",
			module: "cache",
			gomod:  "module github.com/lee-engine/lee/cache\n\ngo 1.26\n\ntoolchain go1.26.8\n",
			wants:  []string{"toolchain go1.26.8", "no toolchain line"},
		},
		{
			name:   "sibling without replace",
			module: "function",
			gomod:  "module github.com/lee-engine/lee/function\n\ngo 1.26\n\nrequire " + gw + " v0.1.0\n",
			wants:  []string{"requires " + gw + " with no replace", "=> ../gateway"},
		},
		{
			name:   "sibling replaced elsewhere",
			module: "function",
			gomod:  "module github.com/lee-engine/lee/function\n\ngo 1.26\n\nrequire " + gw + " v0.1.0\n\nreplace " + gw + " v0.1.0 => ../../gateway\n",
			wants:  []string{"replace " + gw + " => ../../gateway", "replaced by ../gateway"},
		},
		{
			name:   "module path does not match the folder",
			module: "security",
			gomod:  "module github.com/lee-engine/lee/secure\n\ngo 1.26\n",
			wants:  []string{`"github.com/lee-engine/lee/secure"`, "must be github.com/lee-engine/lee/security"},
		},
		{
			name:   "requires tools",
			module: "utility",
			gomod:  goModText("utility", "tools"),
			wants:  []string{"requires github.com/lee-engine/lee/tools", "nothing imports tools"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := goodTree()
			tr[tc.module+"/go.mod"] = tc.gomod
			got, err := CheckImports(tr.write(t))
			if err != nil {
				t.Fatal(err)
			}
			expectOneFinding(t, got, tc.module+"/go.mod", tc.wants...)
		})
	}
}

func TestImportRuleTable(t *testing.T) {
	tests := []struct {
		module, path string
		test, broken bool
	}{
		{"cache", "net/http", false, false},
		{"cache", "github.com/patrickmn/go-cache", false, false},
		{"config", "github.com/aws/aws-sdk-go-v2/config", false, false},
		{"config", "github.com/aws/smithy-go/middleware", false, false},
		{"config", "github.com/aws/aws-sdk-go-v2x", false, true},
		{"config", "github.com/lee-engine/lee/config/internal/env", false, false},
		{"config", "github.com/lee-engine/lee", false, true},
		{"security", "go.uber.org/goleak", true, false},
		{"security", "go.uber.org/goleak", false, true},
		{"gateway", "github.com/lee-engine/lee/circuitbreaker", false, false},
		{"gateway", "github.com/lee-engine/lee/tools", true, true},
		{"function", "github.com/aws/aws-lambda-go/events", false, false},
		{"function", "github.com/lee-engine/lee/gateway", false, false},
		{"function", "github.com/santhosh-tekuri/jsonschema/v6", false, true},
		{"tools", "github.com/lee-engine/lee/function", false, false},
		{"tools", "example.com/anything", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.module+" "+tc.path, func(t *testing.T) {
			rule := importRule(tc.module, tc.test, tc.path)
			if (rule != "") != tc.broken {
				t.Errorf("importRule(%s, test=%v, %s) = %q, want broken=%v", tc.module, tc.test, tc.path, rule, tc.broken)
			}
		})
	}
}

func TestUnparsableGoModIsAFinding(t *testing.T) {
	for name, check := range map[string]func(string) ([]Finding, error){"imports": CheckImports, "versions": CheckVersions} {
		t.Run(name, func(t *testing.T) {
			tr := goodTree()
			tr["gateway/go.mod"] = "module github.com/lee-engine/lee/gateway\n\ngo 1.26\n\nrequire (\n\tgithub.com/lee-engine/lee/cache\n)\n"
			root := tr.write(t)
			got, err := check(root)
			if err != nil {
				t.Fatal(err)
			}
			got = onlyFile(got, "gateway/go.mod")
			if len(got) != 1 || !strings.Contains(got[0].Message, "gateway/go.mod:6") || strings.Contains(got[0].Message, root) {
				t.Fatalf("want one finding naming gateway/go.mod:6 without the temporary root, got:\n%s", findingLines(got))
			}
		})
	}
}
