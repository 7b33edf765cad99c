package deploycheck_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
)

// statement is one IAM policy statement as the template gives it.
type statement map[string]any

// conditionalPolicies returns the function's Policies entries that are
// !If [cond, policy, !Ref AWS::NoValue], keyed by condition, and fails on
// any unconditional entry that mentions ssm or kms.
func conditionalPolicies(t *testing.T, fn deploycheck.Resource) map[string][]statement {
	t.Helper()
	policies, _ := fn.Properties["Policies"].([]any)
	out := map[string][]statement{}
	for i, p := range policies {
		name, arg, ok := deploycheck.Intrinsic(p)
		args, _ := arg.([]any)
		if !ok || name != "Fn::If" || len(args) != 3 {
			if strings.Contains(fmt.Sprint(p), "ssm:") || strings.Contains(fmt.Sprint(p), "kms:") {
				t.Errorf("policy %d grants SSM or KMS access unconditionally: %v", i, p)
			}
			continue
		}
		cond, _ := args[0].(string)
		if !deploycheck.IsRef(args[2], "AWS::NoValue") {
			t.Errorf("policy %d: the else branch of !If %s is %v, want !Ref AWS::NoValue", i, cond, args[2])
		}
		raw, _ := deploycheck.Lookup(args[1], "Statement")
		list, _ := raw.([]any)
		for _, s := range list {
			if m, ok := s.(map[string]any); ok {
				out[cond] = append(out[cond], m)
			}
		}
	}
	return out
}

func TestTemplateTokenParameterPolicy(t *testing.T) {
	tpl := loadRepoTemplate(t)
	fn := functionResource(t, tpl)
	byCond := conditionalPolicies(t, fn)
	if len(byCond) != 1 {
		t.Fatalf("%d conditional policies, want exactly the token parameter's", len(byCond))
	}
	for cond, statements := range byCond {
		off, err := tpl.EvalCondition(cond, nil)
		if err != nil || off {
			t.Fatalf("condition %s is %v (%v) by default, want false: no SSM access unless a parameter is named", cond, off, err)
		}
		on, err := tpl.EvalCondition(cond, map[string]any{"TokenParameterName": "/lee/ha-token"})
		if err != nil || !on {
			t.Fatalf("condition %s is %v (%v) with a parameter name, want true", cond, on, err)
		}
		checkTokenStatements(t, statements)
	}
}

func checkTokenStatements(t *testing.T, statements []statement) {
	t.Helper()
	var ssm, kms int
	for _, s := range statements {
		if s["Effect"] != "Allow" {
			t.Errorf("statement %v: Effect must be Allow", s)
		}
		switch s["Action"] {
		case "ssm:GetParameter":
			ssm++
			sub := subString(s["Resource"])
			if !strings.Contains(sub, ":parameter${TokenParameterName}") || strings.Contains(sub, "*") {
				t.Errorf("ssm:GetParameter Resource = %v, want the parameter's own ARN (…:parameter${TokenParameterName}) without wildcards", s["Resource"])
			}
		case "kms:Decrypt":
			kms++
			via, _ := deploycheck.Lookup(s["Condition"], "StringEquals", "kms:ViaService")
			if !strings.HasPrefix(subString(via), "ssm.${AWS::Region}.") {
				t.Errorf("kms:Decrypt Condition kms:ViaService = %v, want ssm.${AWS::Region}.amazonaws.com", via)
			}
		default:
			t.Errorf("unexpected action %v in the token parameter policy", s["Action"])
		}
	}
	if ssm != 1 || kms != 1 {
		t.Fatalf("%d ssm:GetParameter and %d kms:Decrypt statements, want one of each", ssm, kms)
	}
}

// subString returns the template string of a !Sub, or a literal string.
func subString(v any) string {
	if name, arg, ok := deploycheck.Intrinsic(v); ok && name == "Fn::Sub" {
		s, _ := arg.(string)
		return s
	}
	s, _ := v.(string)
	return s
}

// TestTemplateFunctionUrlIsOffByDefault checks that every resource that
// makes the function publicly reachable over HTTP exists only under a
// condition that is false with the default parameters.
func TestTemplateFunctionUrlIsOffByDefault(t *testing.T) {
	tpl := loadRepoTemplate(t)
	urls := tpl.ResourcesOfType("AWS::Lambda::Url")
	if len(urls) == 0 {
		t.Fatal("no AWS::Lambda::Url: the optional /healthz URL is missing")
	}
	public := append([]deploycheck.Resource{}, urls...)
	for _, p := range tpl.ResourcesOfType("AWS::Lambda::Permission") {
		if p.Properties["Principal"] == "*" || p.Properties["FunctionUrlAuthType"] != nil {
			public = append(public, p)
		}
	}
	for _, r := range public {
		if r.Condition == "" {
			t.Errorf("%s (%s) is unconditional; the function URL must be opt-in", r.Name, r.Type)
			continue
		}
		on, err := tpl.EvalCondition(r.Condition, nil)
		if err != nil || on {
			t.Errorf("%s: condition %s is %v (%v) by default, want false", r.Name, r.Condition, on, err)
		}
	}
	for _, u := range urls {
		enabled, err := tpl.EvalCondition(u.Condition, map[string]any{"EnableHealthUrl": "true"})
		if err != nil || !enabled {
			t.Errorf("%s: EnableHealthUrl=true does not enable it (%v, %v)", u.Name, enabled, err)
		}
	}
}
