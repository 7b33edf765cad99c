package discoverylint

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Settings configure a Linter.
type Settings struct {
	// SchemaPath is the Alexa Smart Home message schema
	// (alexa_smart_home_message_schema.json, draft-04). Empty means no schema
	// validation: only the structural checks run.
	SchemaPath string
}

// Linter checks discovery responses. It compiles the schema once and is safe
// for concurrent use. The zero Linter runs the structural checks only.
type Linter struct {
	schema *schema
}

// New builds a Linter, compiling the schema when Settings name one.
func New(s Settings) (*Linter, error) {
	l := &Linter{}
	if s.SchemaPath == "" {
		return l, nil
	}
	sch, err := loadSchema(s.SchemaPath)
	if err != nil {
		return nil, fmt.Errorf("new discovery linter: %w", err)
	}
	l.schema = sch
	return l, nil
}

// Lint checks one input: a Discover.Response, a payload object holding
// "endpoints", or a bare endpoints array. The error is for inputs that are
// not JSON or not one of these shapes; everything else is a finding.
// Findings come in endpoint order, message-level ones first.
func (l *Linter) Lint(data []byte) (Report, error) {
	in, err := readInput(data)
	if err != nil {
		return Report{}, fmt.Errorf("lint discovery: %w", err)
	}
	r := Report{Endpoints: len(in.endpoints), SchemaChecked: l.schema != nil}
	r.Findings = append(r.Findings, in.findings...)
	r.Findings = append(r.Findings, checkEndpoints(in.endpoints)...)
	if l.schema != nil {
		known := map[string]bool{}
		for _, f := range r.Findings {
			if f.Severity == SeverityError && f.path != "" {
				known[f.path] = true
			}
		}
		found, err := l.schema.validate(in.message, endpointIDs(in.endpoints), known)
		if err != nil {
			return Report{}, fmt.Errorf("lint discovery: %w", err)
		}
		r.Findings = append(r.Findings, found...)
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return r.Findings[i].Index < r.Findings[j].Index })
	return r, nil
}

// endpointIDs lists each endpoint's id ("" where it has none) by position.
func endpointIDs(endpoints []json.RawMessage) []string {
	ids := make([]string, len(endpoints))
	for i, raw := range endpoints {
		var ep map[string]json.RawMessage
		if json.Unmarshal(raw, &ep) == nil {
			ids[i], _ = stringField(ep, "endpointId")
		}
	}
	return ids
}
