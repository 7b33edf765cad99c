package deploycheck_test

import (
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
)

const conditionsYAML = `
Parameters:
  Name: {Type: String, Default: ""}
  Flag: {Type: String, Default: "false"}
  Count: {Type: Number, Default: 3}
  NoDefault: {Type: String}
Conditions:
  HasName: !Not [!Equals [!Ref Name, ""]]
  FlagOn: !Equals [!Ref Flag, "true"]
  Both: !And [!Condition HasName, !Condition FlagOn]
  Either: !Or [!Condition HasName, !Condition FlagOn]
  CountIsThree: !Equals [!Ref Count, "3"]
  Loop: !Condition Loop
  Unknown: !Equals [!Ref NoDefault, x]
  BadFunction: !Equals [!Sub "${Name}", x]
Resources: {}
`

func TestEvalCondition(t *testing.T) {
	tpl, err := deploycheck.ParseTemplate([]byte(conditionsYAML))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cond   string
		params map[string]any
		want   bool
		err    bool
	}{
		{"HasName", nil, false, false},
		{"HasName", map[string]any{"Name": "/lee/token"}, true, false},
		{"FlagOn", nil, false, false},
		{"FlagOn", map[string]any{"Flag": "true"}, true, false},
		{"Both", map[string]any{"Name": "n"}, false, false},
		{"Both", map[string]any{"Name": "n", "Flag": "true"}, true, false},
		{"Either", nil, false, false},
		{"Either", map[string]any{"Flag": "true"}, true, false},
		{"CountIsThree", nil, true, false},
		{"Loop", nil, false, true},
		{"Unknown", nil, false, true},
		{"BadFunction", nil, false, true},
		{"Missing", nil, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			got, err := tpl.EvalCondition(tt.cond, tt.params)
			if (err != nil) != tt.err || got != tt.want {
				t.Fatalf("EvalCondition(%s, %v) = %v, %v; want %v, error %v", tt.cond, tt.params, got, err, tt.want, tt.err)
			}
		})
	}
}
