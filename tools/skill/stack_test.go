package skill_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/skill"
)

// TestReadStack reads the FunctionArn output of describe-stacks output as
// the AWS CLI prints it.
func TestReadStack(t *testing.T) {
	arn, err := skill.ReadStack(filepath.Join("testdata", "stacks", "lee.json"))
	if err != nil {
		t.Fatal(err)
	}
	if arn != euARN {
		t.Errorf("FunctionArn = %q, want %q", arn, euARN)
	}
}

func TestStackFunctionARNRefuses(t *testing.T) {
	tests := []struct {
		name, doc string
		wants     []string
	}{
		{"not JSON", "Stacks: lee", []string{"describe-stacks"}},
		{"no stack", `{"Stacks": []}`, []string{"lists no stack"}},
		{"two stacks", `{"Stacks": [{"StackName": "a"}, {"StackName": "b"}]}`, []string{"lists 2 stacks", "--stack-name"}},
		{"not LEE's", `{"Stacks": [{"StackName": "web", "Outputs": [{"OutputKey": "Url", "OutputValue": "x"}]}]}`,
			[]string{`stack "web" has no FunctionArn output (outputs: Url)`, "deploy/template.yaml"}},
		{"no outputs yet", `{"Stacks": [{"StackName": "lee", "StackStatus": "CREATE_IN_PROGRESS"}]}`, []string{"(outputs: none)"}},
		{"array", `[1, 2]`, []string{"describe-stacks"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arn, err := skill.StackFunctionARN([]byte(tc.doc))
			if err == nil {
				t.Fatalf("accepted, ARN %q", arn)
			}
			if !errors.Is(err, skill.ErrStack) {
				t.Errorf("%v does not wrap ErrStack", err)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestReadStackFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := skill.ReadStack(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "read stack") {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(strings.Repeat(" ", 2<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := skill.ReadStack(big); !errors.Is(err, skill.ErrStack) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("2 MiB file: %v", err)
	}
}

// TestParseFunctionARN splits an ARN into its parts.
func TestParseFunctionARN(t *testing.T) {
	a, err := skill.ParseFunctionARN(" " + euARN + " ")
	if err != nil {
		t.Fatal(err)
	}
	want := skill.FunctionARN{Raw: euARN, AWSRegion: "eu-west-1", Account: "123456789012", Function: "lee", Qualifier: "live"}
	if a != want {
		t.Errorf("ParseFunctionARN = %+v, want %+v", a, want)
	}
	for _, bad := range []string{"", "arn:aws:lambda:eu-west-1:12345678901:function:lee", "arn:aws:lambda:eu-west-1:123456789012:function:lee:live:1",
		"arn:aws:lambda:eu-west-1:123456789012:function:" + strings.Repeat("a", 65)} {
		if _, err := skill.ParseFunctionARN(bad); !errors.Is(err, skill.ErrARN) {
			t.Errorf("ParseFunctionARN(%q) = %v, want ErrARN", bad, err)
		}
	}
}
