package metrics_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/lee-engine/lee/metrics"
)

// The rules below restate the CloudWatch Embedded Metric Format
// specification (document structure, MetricDirective, DimensionSet,
// MetricDefinition and target members) for the checks a test can make on
// one line.
const (
	maxLineBytes       = 256 << 10 // a CloudWatch Logs event
	maxMetricsPerEMF   = 100       // MetricDefinitions per MetricDirective
	maxDimensionsInSet = 30        // keys per DimensionSet
	maxValuesPerMetric = 100       // members of a numeric array target
)

// cloudWatchUnit matches the units a MetricDefinition may name.
var cloudWatchUnit = regexp.MustCompile(`^(Seconds|Microseconds|Milliseconds|Bytes|Kilobytes|Megabytes|Gigabytes|Terabytes|Bits|Kilobits|Megabits|Gigabits|Terabits|Percent|Count|Bytes/Second|Kilobytes/Second|Megabytes/Second|Gigabytes/Second|Terabytes/Second|Bits/Second|Kilobits/Second|Megabits/Second|Gigabits/Second|Terabits/Second|Count/Second|None)$`)

// emfLine is a line that passed validation.
type emfLine struct {
	Root    map[string]any
	Metrics []metricDef // of every directive, in order
}

type metricDef struct{ Name, Unit string }

// validateEMF checks that line is one valid EMF document followed by a
// newline, and that it stays within LEE's own limit of MaxNames metrics.
func validateEMF(line []byte) (*emfLine, error) {
	if len(line) > maxLineBytes {
		return nil, fmt.Errorf("line of %d bytes exceeds a log event", len(line))
	}
	if !bytes.HasSuffix(line, []byte("\n")) || bytes.Count(line, []byte("\n")) != 1 {
		return nil, errors.New("not exactly one line ending in a newline")
	}
	if err := uniqueRootKeys(line); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var root map[string]any
	if err := dec.Decode(&root); err != nil {
		return nil, fmt.Errorf("root is not a JSON object: %w", err)
	}
	aws, ok := root["_aws"].(map[string]any)
	if !ok {
		return nil, errors.New("_aws metadata object missing")
	}
	if err := onlyKeys(aws, "_aws", "Timestamp", "CloudWatchMetrics", "LogGroupName"); err != nil {
		return nil, err
	}
	if err := checkTimestamp(aws["Timestamp"]); err != nil {
		return nil, err
	}
	directives, ok := aws["CloudWatchMetrics"].([]any)
	if !ok || len(directives) == 0 {
		return nil, errors.New("CloudWatchMetrics must be a non-empty array")
	}
	out := &emfLine{Root: root}
	for i, d := range directives {
		defs, err := checkDirective(root, d)
		if err != nil {
			return nil, fmt.Errorf("directive %d: %w", i, err)
		}
		out.Metrics = append(out.Metrics, defs...)
	}
	if len(out.Metrics) > metrics.MaxNames {
		return nil, fmt.Errorf("%d metrics in one line, LEE allows %d", len(out.Metrics), metrics.MaxNames)
	}
	return out, nil
}

// uniqueRootKeys fails on a root member written twice, which encoding/json
// would silently merge.
func uniqueRootKeys(line []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(line, &members); err != nil {
		return fmt.Errorf("root is not a JSON object: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if _, err := dec.Token(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key := tok.(string)
		if seen[key] {
			return fmt.Errorf("root member %q written twice", key)
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

func onlyKeys(m map[string]any, what string, allowed ...string) error {
	for k := range m {
		if !contains(allowed, k) {
			return fmt.Errorf("%s has a member %q the specification does not define", what, k)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// checkTimestamp requires milliseconds since the epoch as an integer.
func checkTimestamp(v any) error {
	n, ok := v.(json.Number)
	if !ok || strings.ContainsAny(n.String(), ".eE-") {
		return fmt.Errorf("Timestamp %v is not a non-negative integer", v)
	}
	if _, err := n.Int64(); err != nil {
		return fmt.Errorf("Timestamp %v: %w", v, err)
	}
	return nil
}

// checkDirective validates one MetricDirective and its targets.
func checkDirective(root map[string]any, v any) ([]metricDef, error) {
	d, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("not an object")
	}
	if err := onlyKeys(d, "MetricDirective", "Namespace", "Dimensions", "Metrics"); err != nil {
		return nil, err
	}
	if ns, ok := d["Namespace"].(string); !ok || ns == "" || len(ns) > 255 {
		return nil, fmt.Errorf("Namespace %v must be a string of 1 to 255 characters", d["Namespace"])
	}
	if err := checkDimensions(root, d["Dimensions"]); err != nil {
		return nil, err
	}
	list, ok := d["Metrics"].([]any)
	if !ok || len(list) > maxMetricsPerEMF {
		return nil, fmt.Errorf("Metrics must be an array of at most %d definitions", maxMetricsPerEMF)
	}
	var defs []metricDef
	for _, m := range list {
		def, err := checkMetric(root, m)
		if err != nil {
			return nil, err
		}
		defs = append(defs, def)
	}
	return defs, nil
}

// checkDimensions validates the DimensionSet array: each key a string root
// member.
func checkDimensions(root map[string]any, v any) error {
	sets, ok := v.([]any)
	if !ok || len(sets) == 0 {
		return errors.New("Dimensions must be a non-empty array of DimensionSets")
	}
	for _, s := range sets {
		keys, ok := s.([]any)
		if !ok || len(keys) > maxDimensionsInSet {
			return fmt.Errorf("DimensionSet %v must be an array of at most %d keys", s, maxDimensionsInSet)
		}
		for _, k := range keys {
			key, ok := k.(string)
			if !ok || key == "" || len(key) > 255 {
				return fmt.Errorf("dimension key %v must be a string of 1 to 255 characters", k)
			}
			if _, ok := root[key].(string); !ok {
				return fmt.Errorf("dimension %q has no string root member", key)
			}
		}
	}
	return nil
}

// checkMetric validates a MetricDefinition and its target member.
func checkMetric(root map[string]any, v any) (metricDef, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return metricDef{}, errors.New("MetricDefinition is not an object")
	}
	if err := onlyKeys(m, "MetricDefinition", "Name", "Unit", "StorageResolution"); err != nil {
		return metricDef{}, err
	}
	name, ok := m["Name"].(string)
	if !ok || name == "" || len(name) > 255 {
		return metricDef{}, fmt.Errorf("Name %v must be a string of 1 to 255 characters", m["Name"])
	}
	unit, _ := m["Unit"].(string)
	if _, set := m["Unit"]; set && !cloudWatchUnit.MatchString(unit) {
		return metricDef{}, fmt.Errorf("metric %q: Unit %v is not a CloudWatch unit", name, m["Unit"])
	}
	switch target := root[name].(type) {
	case json.Number:
	case []any:
		if len(target) == 0 || len(target) > maxValuesPerMetric {
			return metricDef{}, fmt.Errorf("metric %q carries %d values, want 1 to %d", name, len(target), maxValuesPerMetric)
		}
		for _, e := range target {
			if _, ok := e.(json.Number); !ok {
				return metricDef{}, fmt.Errorf("metric %q value %v is not a number", name, e)
			}
		}
	default:
		return metricDef{}, fmt.Errorf("metric %q has no numeric root member (got %T)", name, target)
	}
	return metricDef{Name: name, Unit: unit}, nil
}

// numbers returns the values of a metric target as float64s.
func numbers(v any) []float64 {
	var out []float64
	switch t := v.(type) {
	case json.Number:
		f, _ := t.Float64()
		out = append(out, f)
	case []any:
		for _, e := range t {
			out = append(out, numbers(e)...)
		}
	}
	return out
}
