package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// coldStartMessage and builtAtInitKey identify the line the function logs at
// the start of its first invocation: how many gateway interfaces existed
// when its init ended.
const (
	coldStartMessage = "cold start"
	builtAtInitKey   = "interfacesBuiltAtInit"
)

// logSummary is what one process's standard output says.
type logSummary struct {
	bytes int
	// metricNames are the distinct Embedded Metric Format metric names, sorted.
	metricNames []string
	// builtAtInit is the cold start line's interface count; -1 when the
	// output holds no such line.
	builtAtInit int
}

// logLine holds the few members of a JSON log or EMF line the benchmark
// reads; anything else in the line is ignored.
type logLine struct {
	Msg         string `json:"msg"`
	BuiltAtInit *int   `json:"interfacesBuiltAtInit"`
	AWS         *struct {
		CloudWatchMetrics []struct {
			Metrics []struct {
				Name string `json:"Name"`
			} `json:"Metrics"`
		} `json:"CloudWatchMetrics"`
	} `json:"_aws"`
}

// summarizeLog reads a process's standard output line by line. Lines that
// are not JSON objects (a panic trace, say) count towards the bytes only.
func summarizeLog(out []byte) logSummary {
	s := logSummary{bytes: len(out), builtAtInit: -1}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 8<<20)
	for sc.Scan() {
		var l logLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		if l.Msg == coldStartMessage && l.BuiltAtInit != nil {
			s.builtAtInit = *l.BuiltAtInit
		}
		if l.AWS == nil {
			continue
		}
		for _, d := range l.AWS.CloudWatchMetrics {
			for _, m := range d.Metrics {
				if m.Name != "" && !seen[m.Name] {
					seen[m.Name] = true
					s.metricNames = append(s.metricNames, m.Name)
				}
			}
		}
	}
	slices.Sort(s.metricNames)
	return s
}

// mergeNames returns the sorted union of two sorted name lists.
func mergeNames(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// platformLogBytes is the size of the three lines Lambda itself writes to
// the function's log group for one warm invocation (START, END, REPORT), in
// the format Lambda uses, with a 36-character request id. They are billed as
// log ingestion like the function's own lines, but no harness can capture
// them, so they are formatted here from the measured numbers.
func platformLogBytes(durationMS float64, memoryMB int, maxUsedKB int64) int {
	const requestID = "00000000-0000-0000-0000-000000000000"
	billed := math.Ceil(durationMS)
	usedMB := int64(math.Ceil(float64(maxUsedKB) / 1024))
	lines := fmt.Sprintf("START RequestId: %s Version: $LATEST\n", requestID) +
		fmt.Sprintf("END RequestId: %s\n", requestID) +
		fmt.Sprintf("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %.0f ms\tMemory Size: %d MB\tMax Memory Used: %d MB\t\n",
			requestID, durationMS, billed, memoryMB, usedMB)
	return len(lines)
}
