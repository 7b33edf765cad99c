package metrics

import (
	"math"
	"strconv"
)

// FoldedKey is the root member of an EMF line that carries the exact
// statistics (SampleCount, Sum, Minimum, Maximum) of each duration metric
// folded in that line. It starts with "_" so no metric or dimension can
// collide with it.
const FoldedKey = "_folded"

// appendLine appends the EMF document of the recorded metrics, and a
// newline, to b. Metrics and dimensions come in name order so that a line
// is reproducible.
func (r *Recorder) appendLine(b []byte, timestamp int64) []byte {
	b = append(b, `{"_aws":{"Timestamp":`...)
	b = strconv.AppendInt(b, timestamp, 10)
	b = append(b, `,"CloudWatchMetrics":[{"Namespace":`...)
	b = appendString(b, r.cfg.namespace)
	b = append(b, `,"Dimensions":[[`...)
	for i, k := range r.cfg.dimKeys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
	}
	b = append(b, `]],"Metrics":[`...)
	sep := false
	for i := range r.series {
		if s := &r.series[i]; s.used {
			b = appendSep(b, &sep)
			b = append(b, `{"Name":`...)
			b = appendString(b, s.name)
			b = append(b, `,"Unit":`...)
			b = appendString(b, string(s.unit))
			b = append(b, '}')
		}
	}
	b = append(b, `]}]}`...)
	for _, k := range r.cfg.dimKeys {
		b = append(b, ',')
		b = appendString(b, k)
		b = append(b, ':')
		b = appendString(b, r.cfg.dims[k])
	}
	for i := range r.series {
		if s := &r.series[i]; s.used {
			b = append(b, ',')
			b = appendString(b, s.name)
			b = append(b, ':')
			b = appendValues(b, s)
		}
	}
	b = r.appendFolded(b)
	return append(b, "}\n"...)
}

// appendValues appends the metric value of s: a number for a counter or a
// single duration, an array of numbers otherwise.
func appendValues(b []byte, s *series) []byte {
	if s.unit == Count {
		return appendNumber(b, s.sum)
	}
	if len(s.values) == 1 {
		return appendNumber(b, s.values[0])
	}
	if s.folded() {
		s.pinExtremes()
	}
	b = append(b, '[')
	for i, v := range s.values {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNumber(b, v)
	}
	return append(b, ']')
}

// appendFolded appends the FoldedKey member when a duration was folded.
func (r *Recorder) appendFolded(b []byte) []byte {
	sep := false
	for i := range r.series {
		s := &r.series[i]
		if !s.used || !s.folded() {
			continue
		}
		if !sep {
			b = append(b, `,"`+FoldedKey+`":{`...)
		}
		b = appendSep(b, &sep)
		b = appendString(b, s.name)
		b = append(b, `:{"SampleCount":`...)
		b = strconv.AppendUint(b, s.n, 10)
		b = append(b, `,"Sum":`...)
		b = appendNumber(b, s.sum)
		b = append(b, `,"Minimum":`...)
		b = appendNumber(b, s.min)
		b = append(b, `,"Maximum":`...)
		b = appendNumber(b, s.max)
		b = append(b, '}')
	}
	if sep {
		b = append(b, '}')
	}
	return b
}

// appendSep appends a comma before every element but the first.
func appendSep(b []byte, sep *bool) []byte {
	if *sep {
		b = append(b, ',')
	}
	*sep = true
	return b
}

// appendString appends s as a JSON string. Names, namespace and dimensions
// are checked to be printable ASCII, so quotes and backslashes are the only
// characters to escape.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// appendNumber appends a finite float64 as a JSON number, in plain notation
// where encoding/json would use it and in exponent notation otherwise.
func appendNumber(b []byte, v float64) []byte {
	format := byte('f')
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	return strconv.AppendFloat(b, v, format, -1, 64)
}
