package deploycheck_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
	"pgregory.net/rapid"
)

func TestParseTemplateShortTags(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want any
	}{
		{"Ref", "V: !Ref SkillId", map[string]any{"Ref": "SkillId"}},
		{"Sub scalar", "V: !Sub arn:${AWS::Partition}:x", map[string]any{"Fn::Sub": "arn:${AWS::Partition}:x"}},
		{"Sub with map", "V: !Sub [\"${A}-x\", {A: !Ref B}]",
			map[string]any{"Fn::Sub": []any{"${A}-x", map[string]any{"A": map[string]any{"Ref": "B"}}}}},
		{"GetAtt dotted", "V: !GetAtt Url.FunctionUrl", map[string]any{"Fn::GetAtt": []any{"Url", "FunctionUrl"}}},
		{"GetAtt list", "V: !GetAtt [Url, FunctionUrl]", map[string]any{"Fn::GetAtt": []any{"Url", "FunctionUrl"}}},
		{"If with NoValue", "V: !If [C, !Ref P, !Ref AWS::NoValue]",
			map[string]any{"Fn::If": []any{"C", map[string]any{"Ref": "P"}, map[string]any{"Ref": "AWS::NoValue"}}}},
		{"Not Equals", "V: !Not [!Equals [!Ref P, \"\"]]",
			map[string]any{"Fn::Not": []any{map[string]any{"Fn::Equals": []any{map[string]any{"Ref": "P"}, ""}}}}},
		{"Select Split", "V: !Select [0, !Split [\",\", !Ref L]]",
			map[string]any{"Fn::Select": []any{0, map[string]any{"Fn::Split": []any{",", map[string]any{"Ref": "L"}}}}}},
		{"Condition", "V: !Condition HasUrl", map[string]any{"Condition": "HasUrl"}},
		{"unknown tag becomes Fn::", "V: !Cidr [a, 1, 2]", map[string]any{"Fn::Cidr": []any{"a", 1, 2}}},
		{"long form untouched", "V: {\"Fn::Join\": [\"\", [a, b]]}", map[string]any{"Fn::Join": []any{"", []any{"a", "b"}}}},
		{"plain scalars", "V: [128, true, 1.5, text, \"quoted\"]", []any{128, true, 1.5, "text", "quoted"}},
		{"alias", "A: &x !Ref P\nV: *x", map[string]any{"Ref": "P"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := deploycheck.ParseTemplate([]byte("Resources: {}\n" + tt.yaml + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			if got := tpl.Root["V"]; !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("V = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestParseTemplateRefuses(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"not YAML", "Resources: [", "parse template"},
		{"top level list", "- a\n- b", "not a mapping"},
		{"no resources", "Outputs: {}", "no Resources"},
		{"duplicate key", "Resources: {}\nA: 1\nA: 2", "given twice"},
		{"GetAtt without attribute", "Resources: {}\nV: !GetAtt Function", "not Resource.Attribute"},
		{"empty", "", "not a single YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := deploycheck.ParseTemplate([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

// TestParseTemplateNeverPanics feeds arbitrary text; it must come back as
// a template or an error.
func TestParseTemplateNeverPanics(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		parts := rapid.SliceOf(rapid.SampledFrom([]string{
			"Resources:", " ", "\n", "  ", "- ", "!Ref ", "!GetAtt ", "!If ", "[", "]", "{", "}", ",", ":",
			"a", "B.c", "&x ", "*x", "\"", "'", "#", "1", "true",
		})).Draw(rt, "parts")
		_, _ = deploycheck.ParseTemplate([]byte(strings.Join(parts, "")))
	})
}

func TestTemplateAccessors(t *testing.T) {
	tpl, err := deploycheck.ParseTemplate([]byte(`
Parameters:
  A: {Type: String, Default: x}
  B: {Type: String}
Resources:
  Zed: {Type: AWS::Logs::LogGroup}
  Alpha:
    Type: AWS::Lambda::Url
    Condition: On
    Properties: {AuthType: NONE}
`))
	if err != nil {
		t.Fatal(err)
	}
	rs := tpl.Resources()
	if len(rs) != 2 || rs[0].Name != "Alpha" || rs[1].Name != "Zed" {
		t.Fatalf("Resources = %+v", rs)
	}
	if r, ok := tpl.Resource("Alpha"); !ok || r.Type != "AWS::Lambda::Url" || r.Condition != "On" || r.Properties["AuthType"] != "NONE" {
		t.Fatalf("Resource(Alpha) = %+v, %v", r, ok)
	}
	if got := tpl.ResourcesOfType("AWS::Logs::LogGroup"); len(got) != 1 || got[0].Name != "Zed" {
		t.Fatalf("ResourcesOfType = %+v", got)
	}
	if d := tpl.ParameterDefaults(); len(d) != 1 || d["A"] != "x" {
		t.Fatalf("ParameterDefaults = %v", d)
	}
	if v, ok := deploycheck.Lookup(tpl.Root, "Parameters", "A", "Type"); !ok || v != "String" {
		t.Fatalf("Lookup = %v, %v", v, ok)
	}
	if _, ok := deploycheck.Lookup(tpl.Root, "Parameters", "C"); ok {
		t.Fatal("Lookup found a missing key")
	}
	if !deploycheck.IsRef(map[string]any{"Ref": "A"}, "A") || deploycheck.IsRef(map[string]any{"Ref": "A", "x": 1}, "A") {
		t.Fatal("IsRef is wrong")
	}
}
