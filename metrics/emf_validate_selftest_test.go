package metrics_test

import "testing"

// TestValidatorRejects shows that validateEMF can fail: each line breaks one
// rule of the specification.
func TestValidatorRejects(t *testing.T) {
	const ok = `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M","Unit":"Count"}]}]},"D":"d","M":1}` + "\n"
	if _, err := validateEMF([]byte(ok)); err != nil {
		t.Fatalf("reference line rejected: %v", err)
	}
	tests := map[string]string{
		"no newline":          `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[]}]}}`,
		"no _aws":             `{"M":1}`,
		"float timestamp":     `{"_aws":{"Timestamp":1.5,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[]}]}}`,
		"string timestamp":    `{"_aws":{"Timestamp":"1","CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[]}]}}`,
		"no directives":       `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]}}`,
		"empty namespace":     `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"","Dimensions":[[]],"Metrics":[]}]}}`,
		"dimension not root":  `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[]}]}}`,
		"dimension not text":  `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[]}]},"D":1}`,
		"no dimension sets":   `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[]}]}}`,
		"metric not root":     `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]}}`,
		"metric not number":   `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":"1"}`,
		"bad unit":            `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M","Unit":"Hours"}]}]},"M":1}`,
		"extra member":        `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[],"X":1}]}}`,
		"duplicate root":      `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1,"M":2}`,
		"empty value array":   `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":[]}`,
		"eleven metric names": elevenMetrics(),
	}
	for name, line := range tests {
		t.Run(name, func(t *testing.T) {
			if name != "no newline" {
				line += "\n"
			}
			if _, err := validateEMF([]byte(line)); err == nil {
				t.Fatalf("accepted %s", line)
			}
		})
	}
}

func elevenMetrics() string {
	defs, members := "", ""
	for i := range 11 {
		name := string(rune('A' + i))
		if i > 0 {
			defs += ","
		}
		defs += `{"Name":"` + name + `"}`
		members += `,"` + name + `":1`
	}
	return `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[` + defs + `]}]}` + members + `}`
}
