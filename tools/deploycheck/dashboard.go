package deploycheck

import (
	"encoding/json"
	"fmt"
)

// Metric is one metric a dashboard widget plots.
type Metric struct {
	Namespace  string
	Name       string
	Dimensions map[string]string
}

// DashboardMetrics lists the metrics of every "metric" widget of a
// CloudWatch dashboard body, in order. Each entry of a widget's metrics
// array is [namespace, name, dimension name, dimension value, ...,
// {options}]; "." repeats the previous entry's value at the same position.
// Entries holding only an options object (metric math) are skipped; the
// "..." shorthand is refused, since it hides which dimensions are used.
func DashboardMetrics(data []byte) ([]Metric, error) {
	var body struct {
		Widgets []struct {
			Type       string `json:"type"`
			Properties struct {
				Metrics [][]any `json:"metrics"`
			} `json:"properties"`
		} `json:"widgets"`
	}
	if err := json.Unmarshal(data, &body); err != nil {
		return nil, fmt.Errorf("read dashboard: %w", err)
	}
	var out []Metric
	for i, w := range body.Widgets {
		if w.Type != "metric" {
			continue
		}
		var prev []string
		for j, entry := range w.Properties.Metrics {
			fields, err := entryFields(entry, prev)
			if err != nil {
				return nil, fmt.Errorf("read dashboard: widget %d, metric %d: %w", i, j, err)
			}
			if fields == nil {
				continue
			}
			prev = fields
			m, err := metricOf(fields)
			if err != nil {
				return nil, fmt.Errorf("read dashboard: widget %d, metric %d: %w", i, j, err)
			}
			out = append(out, m)
		}
	}
	return out, nil
}

// entryFields returns the strings of one metrics entry with "." resolved;
// nil for an entry with no strings.
func entryFields(entry []any, prev []string) ([]string, error) {
	var fields []string
	for k, v := range entry {
		if _, isOptions := v.(map[string]any); isOptions && k == len(entry)-1 {
			break
		}
		s, ok := v.(string)
		switch {
		case !ok:
			return nil, fmt.Errorf("position %d is %v, not a string", k, v)
		case s == "...":
			return nil, fmt.Errorf(`the "..." shorthand is not supported; write the entry out`)
		case s == ".":
			if k >= len(prev) {
				return nil, fmt.Errorf(`"." at position %d has no previous value`, k)
			}
			s = prev[k]
		}
		fields = append(fields, s)
	}
	return fields, nil
}

func metricOf(fields []string) (Metric, error) {
	if len(fields) < 2 || len(fields)%2 != 0 {
		return Metric{}, fmt.Errorf("%q is not namespace, name and dimension pairs", fields)
	}
	m := Metric{Namespace: fields[0], Name: fields[1], Dimensions: map[string]string{}}
	for k := 2; k < len(fields); k += 2 {
		m.Dimensions[fields[k]] = fields[k+1]
	}
	return m, nil
}
