package deploycheck_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/deploycheck"
	"github.com/lee-engine/lee/tools/pack"
)

// functionResource returns the single AWS::Serverless::Function.
func functionResource(t *testing.T, tpl *deploycheck.Template) deploycheck.Resource {
	t.Helper()
	fns := tpl.ResourcesOfType("AWS::Serverless::Function")
	if len(fns) != 1 {
		t.Fatalf("%d AWS::Serverless::Function resources, want 1", len(fns))
	}
	return fns[0]
}

func TestTemplateFunction(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	p := fn.Properties
	checks := []struct {
		what string
		ok   bool
	}{
		{"Runtime is provided.al2023", p["Runtime"] == "provided.al2023"},
		{"Handler is bootstrap", p["Handler"] == "bootstrap"},
		{"MemorySize is 128", p["MemorySize"] == 128},
		{"Timeout is 10", p["Timeout"] == 10},
		{"AutoPublishAlias is set, for rollback", p["AutoPublishAlias"] == "live"},
		{"no FunctionUrlConfig (the URL is its own conditional resource)", p["FunctionUrlConfig"] == nil},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("function %s: %s: false", fn.Name, c.what)
		}
	}
}

func TestTemplateArchitectureDefaultsToARM64(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	archs, ok := fn.Properties["Architectures"].([]any)
	if !ok || len(archs) != 1 {
		t.Fatalf("Architectures = %v, want one entry", fn.Properties["Architectures"])
	}
	got, err := resolveDefault(tpl, archs[0])
	if err != nil || got != "arm64" {
		t.Fatalf("Architectures[0] resolves to %q (%v), want arm64 by default", got, err)
	}
	allowed, _ := deploycheck.Lookup(tpl.Root, "Parameters", "Architecture", "AllowedValues")
	if fmt.Sprint(allowed) != "[arm64 x86_64]" {
		t.Fatalf("Architecture AllowedValues = %v, want [arm64 x86_64]", allowed)
	}
}

// TestTemplateCodeUriIsThePackage checks that CodeUri names the copy lee
// package writes for the function's current version whatever the
// architecture, so a version bump cannot deploy a stale package and x86_64
// deploys without an edit of the template.
func TestTemplateCodeUriIsThePackage(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	version, err := pack.FunctionVersion(repoFile(t, "function", "version.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := "../dist/" + pack.DeployFileName(version)
	if fn.Properties["CodeUri"] != want {
		t.Fatalf("CodeUri = %v, want %s (relative to deploy/, as SAM resolves it)", fn.Properties["CodeUri"], want)
	}
}

// TestTemplateArchitectureMatchesMakePackage: `make package` with no ARCH
// builds for the template's default Architecture, so the two defaults
// deploy together.
func TestTemplateArchitectureMatchesMakePackage(t *testing.T) {
	makefile, err := os.ReadFile(repoFile(t, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	arch, ok := deploycheck.MakeDefault(makefile, "ARCH")
	if !ok {
		t.Fatal("the Makefile gives ARCH no default")
	}
	a, err := pack.ParseArch(arch)
	if err != nil {
		t.Fatalf("the Makefile's ARCH: %v", err)
	}
	tpl := loadRepoTemplate(t)
	def, _ := deploycheck.Lookup(tpl.Root, "Parameters", "Architecture", "Default")
	if def != a.Lambda() {
		t.Fatalf("the template's Architecture defaults to %v, make package to ARCH=%s (Lambda's %s)", def, arch, a.Lambda())
	}
}

func TestTemplateAlexaTrigger(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	var alexa []deploycheck.Resource
	for _, r := range tpl.ResourcesOfType("AWS::Lambda::Permission") {
		if r.Properties["Principal"] == "alexa-connectedhome.amazon.com" {
			alexa = append(alexa, r)
		}
	}
	if len(alexa) != 1 {
		t.Fatalf("%d permissions for alexa-connectedhome.amazon.com, want 1", len(alexa))
	}
	p := alexa[0].Properties
	if alexa[0].Condition != "" {
		t.Errorf("the Alexa trigger is conditional (%s); it must always exist", alexa[0].Condition)
	}
	if p["Action"] != "lambda:InvokeFunction" {
		t.Errorf("Action = %v, want lambda:InvokeFunction", p["Action"])
	}
	if !deploycheck.IsRef(p["EventSourceToken"], "SkillId") {
		t.Errorf("EventSourceToken = %v, want !Ref SkillId", p["EventSourceToken"])
	}
	if !deploycheck.IsRef(p["FunctionName"], fn.Name+".Alias") && !deploycheck.IsRef(p["FunctionName"], fn.Name) {
		t.Errorf("FunctionName = %v, want !Ref %s.Alias", p["FunctionName"], fn.Name)
	}
	skill, ok := deploycheck.Lookup(tpl.Root, "Parameters", "SkillId")
	if !ok {
		t.Fatal("no SkillId parameter")
	}
	if _, hasDefault := skill.(map[string]any)["Default"]; hasDefault {
		t.Error("SkillId has a default; it must be given at deploy time")
	}
}

func TestTemplateEnvironment(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	vars := configVariables(t)
	env, ok := deploycheck.Lookup(fn.Properties, "Environment", "Variables")
	m, isMap := env.(map[string]any)
	if !ok || !isMap {
		t.Fatal("function has no Environment.Variables mapping")
	}
	for name, value := range m {
		if !vars[name] {
			t.Errorf("environment variable %s is not read by the config module", name)
		}
		if _, _, intrinsic := deploycheck.Intrinsic(value); !intrinsic {
			t.Errorf("environment variable %s = %v is fixed; take it from a parameter", name, value)
		}
	}
	for _, name := range []string{"HA_URL", "HA_VERIFY_TLS", "HA_TIMEOUT", "LEE_TIER", "LOG_LEVEL", "HA_TOKEN_PARAMETER"} {
		if _, ok := m[name]; !ok {
			t.Errorf("environment lacks %s", name)
		}
	}
	if !deploycheck.IsRef(m["HA_URL"], "HomeAssistantUrl") {
		t.Errorf("HA_URL = %v, want !Ref HomeAssistantUrl", m["HA_URL"])
	}
	for _, secret := range []string{"HA_TOKEN", "LONG_LIVED_ACCESS_TOKEN"} {
		if _, ok := m[secret]; ok {
			t.Errorf("environment sets %s in clear; the template offers HA_TOKEN_PARAMETER (SSM) instead", secret)
		}
	}
}

// TestTemplateRelayTimeoutFitsTheFunctionTimeout checks the defaults: the
// relay budget is below Alexa's 8 s and below the function's timeout.
func TestTemplateRelayTimeoutFitsTheFunctionTimeout(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	env, _ := deploycheck.Lookup(fn.Properties, "Environment", "Variables", "HA_TIMEOUT")
	raw, err := resolveDefault(tpl, env)
	if err != nil {
		t.Fatal(err)
	}
	d, err := time.ParseDuration(raw)
	if err != nil {
		t.Fatalf("HA_TIMEOUT default %q: %v", raw, err)
	}
	fnTimeout := time.Duration(fn.Properties["Timeout"].(int)) * time.Second
	if d <= 0 || d >= 8*time.Second || d >= fnTimeout {
		t.Fatalf("HA_TIMEOUT default %v must be above 0, below 8s and below the function timeout %v", d, fnTimeout)
	}
}

func TestTemplateLogGroup(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	groups := tpl.ResourcesOfType("AWS::Logs::LogGroup")
	if len(groups) != 1 {
		t.Fatalf("%d log groups, want 1", len(groups))
	}
	g := groups[0]
	retention, ok := g.Properties["RetentionInDays"]
	if !ok {
		t.Fatal("log group has no RetentionInDays: logs would be kept (and billed) forever")
	}
	if days, err := resolveDefault(tpl, retention); err != nil || days == "" || days == "0" {
		t.Fatalf("RetentionInDays resolves to %q (%v)", days, err)
	}
	if lg, _ := deploycheck.Lookup(fn.Properties, "LoggingConfig", "LogGroup"); !deploycheck.IsRef(lg, g.Name) {
		t.Fatalf("function LoggingConfig.LogGroup = %v, want !Ref %s", lg, g.Name)
	}
}

func TestTemplateOutputsFunctionArn(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	found := false
	for name, raw := range tpl.Section("Outputs") {
		v, _ := deploycheck.Lookup(raw, "Value")
		if deploycheck.IsRef(v, fn.Name+".Alias") {
			found = true
			if _, conditional := raw.(map[string]any)["Condition"]; conditional {
				t.Errorf("output %s is conditional", name)
			}
		}
	}
	if !found {
		t.Fatalf("no output with the function's alias ARN (!Ref %s.Alias) to paste into the skill", fn.Name)
	}
}

// resolveDefault resolves a literal or a !Ref to a parameter's default.
func resolveDefault(tpl *deploycheck.Template, v any) (string, error) {
	if fn, arg, ok := deploycheck.Intrinsic(v); ok {
		name, _ := arg.(string)
		if fn != "Ref" {
			return "", fmt.Errorf("%v is not a literal or a Ref", v)
		}
		d, has := tpl.ParameterDefaults()[name]
		if !has {
			return "", fmt.Errorf("parameter %s has no default", name)
		}
		v = d
	}
	return strings.TrimSpace(fmt.Sprint(v)), nil
}
