package deploycheck_test

import (
	"fmt"

	"github.com/lee-engine/lee/tools/deploycheck"
)

func ExampleParseTemplate() {
	tpl, err := deploycheck.ParseTemplate([]byte(`
Parameters:
  EnableHealthUrl: {Type: String, Default: "false"}
Conditions:
  HasHealthUrl: !Equals [!Ref EnableHealthUrl, "true"]
Resources:
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt Function.Arn
      EventSourceToken: !Ref SkillId
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := tpl.Resource("Permission")
	fmt.Println(r.Properties["FunctionName"], deploycheck.IsRef(r.Properties["EventSourceToken"], "SkillId"))
	off, _ := tpl.EvalCondition("HasHealthUrl", nil)
	on, _ := tpl.EvalCondition("HasHealthUrl", map[string]any{"EnableHealthUrl": "true"})
	fmt.Println(off, on)
	// Output:
	// map[Fn::GetAtt:[Function Arn]] true
	// false true
}

func ExampleDashboardMetrics() {
	metrics, err := deploycheck.DashboardMetrics([]byte(`{"widgets":[{"type":"metric","properties":{"metrics":[
	  ["LEE", "Directives", "FunctionName", "lee"],
	  [".", "HALatency", ".", ".", {"stat": "p99"}]]}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range metrics {
		fmt.Println(m.Namespace, m.Name, m.Dimensions)
	}
	// Output:
	// LEE Directives map[FunctionName:lee]
	// LEE HALatency map[FunctionName:lee]
}

func ExampleDocReferences() {
	refs := deploycheck.DocReferences("Set `HA_TIMEOUT` below 8s and watch `HALatency`; `make package` builds the zip.")
	fmt.Println(refs.EnvVars, refs.Identifiers)
	// Output:
	// [HA_TIMEOUT] [HALatency]
}
