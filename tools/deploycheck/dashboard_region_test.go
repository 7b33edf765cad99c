package deploycheck_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
)

// Placeholders of deploy/dashboard.json, filled in from the stack when the
// dashboard is installed (docs/OPERATIONS.md).
const (
	regionPlaceholder   = "@REGION@"
	functionPlaceholder = "@FUNCTION@"
)

// TestDashboardFollowsTheStack: the dashboard names no region and no
// function of its own, only the placeholders, and OPERATIONS.md's install
// command fills in every placeholder the dashboard holds and installs it
// in the stack's region.
func TestDashboardFollowsTheStack(t *testing.T) {
	data, err := os.ReadFile(repoFile(t, "deploy", "dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	if r := regexp.MustCompile(`\b[a-z]{2}(-gov)?-[a-z]+-[0-9]\b`).Find(data); r != nil {
		t.Errorf("the dashboard names the region %s; use %s", r, regionPlaceholder)
	}
	var body struct {
		Widgets []struct {
			Type       string `json:"type"`
			Properties struct {
				Region string `json:"region"`
				Query  string `json:"query"`
			} `json:"properties"`
		} `json:"widgets"`
	}
	if err := json.Unmarshal(data, &body); err != nil {
		t.Fatal(err)
	}
	for i, w := range body.Widgets {
		if (w.Type == "metric" || w.Type == "log") && w.Properties.Region != regionPlaceholder {
			t.Errorf("widget %d (%s) has region %q, want %s", i, w.Type, w.Properties.Region, regionPlaceholder)
		}
		if w.Type == "log" && !strings.Contains(w.Properties.Query, "SOURCE '/aws/lambda/"+functionPlaceholder+"'") {
			t.Errorf("widget %d queries %q, not the log group of %s", i, w.Properties.Query, functionPlaceholder)
		}
	}
	plotted, err := deploycheck.DashboardMetrics(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range plotted {
		if m.Dimensions["FunctionName"] != functionPlaceholder {
			t.Errorf("%s is plotted for FunctionName %q, want %s", m.Name, m.Dimensions["FunctionName"], functionPlaceholder)
		}
	}
	ops := loadRepoDocs(t)["OPERATIONS.md"]
	for _, p := range regexp.MustCompile(`@[A-Z_]+@`).FindAllString(string(data), -1) {
		if !strings.Contains(ops, "s/"+p+"/") {
			t.Errorf("OPERATIONS.md's install command does not fill in %s", p)
		}
	}
	if !strings.Contains(ops, `put-dashboard --region "$REGION"`) {
		t.Error("OPERATIONS.md does not install the dashboard in the stack's region")
	}
}
