package deploycheck_test

import (
	"os"
	"sort"
	"testing"

	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/tools/deploycheck"
)

// TestDashboardMatchesMetrics checks that deploy/dashboard.json plots
// exactly the metrics the metrics module emits: every name of metrics.All
// at least once and nothing else, in namespace LEE with the one dimension
// FunctionName.
func TestDashboardMatchesMetrics(t *testing.T) {
	data, err := os.ReadFile(repoFile(t, "deploy", "dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	plotted, err := deploycheck.DashboardMetrics(data)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, n := range metrics.All {
		known[n] = true
	}
	seen := map[string]bool{}
	for _, m := range plotted {
		if m.Namespace != "LEE" {
			t.Errorf("%s is in namespace %q, want LEE", m.Name, m.Namespace)
		}
		if len(m.Dimensions) != 1 || m.Dimensions["FunctionName"] == "" {
			t.Errorf("%s has dimensions %v, want FunctionName alone", m.Name, m.Dimensions)
		}
		if !known[m.Name] {
			t.Errorf("the dashboard plots %s, which the metrics module does not emit", m.Name)
		}
		seen[m.Name] = true
	}
	var missing []string
	for n := range known {
		if !seen[n] {
			missing = append(missing, n)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the dashboard does not plot %v", missing)
	}
}
