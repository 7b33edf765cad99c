package discoverylint

import "fmt"

// Severity ranks a finding. Errors make Alexa reject or drop endpoints;
// warnings make them hard to use by voice but do not lose them.
type Severity string

// The two severities a finding can have.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one problem with the discovery response.
type Finding struct {
	Severity Severity `json:"severity"`
	// EndpointID is the endpoint the problem is about, "" for problems of
	// the message as a whole or of an endpoint without a usable id.
	EndpointID string `json:"endpointId"`
	// Index is the endpoint's position in the endpoints array, -1 for
	// problems of the message as a whole.
	Index int `json:"index"`
	// Message says what is wrong and how to fix it.
	Message string `json:"message"`
	// path is the JSON pointer of the offending value, used to leave out a
	// schema error that repeats a structural finding.
	path string
}

// String renders the finding on one line: severity, endpoint, message.
func (f Finding) String() string {
	return fmt.Sprintf("%-7s %s: %s", f.Severity, f.where(), f.Message)
}

// where names the endpoint by id, else by position.
func (f Finding) where() string {
	switch {
	case f.EndpointID != "":
		return f.EndpointID
	case f.Index >= 0:
		return fmt.Sprintf("endpoint #%d", f.Index)
	}
	return "response"
}

// Report is the outcome of linting one input.
type Report struct {
	// Endpoints is the number of endpoints found.
	Endpoints int `json:"endpoints"`
	// SchemaChecked tells whether schema validation ran; without it only the
	// structural checks did.
	SchemaChecked bool      `json:"schemaChecked"`
	Findings      []Finding `json:"findings"`
}

// OK reports whether there is no error-level finding; warnings pass.
func (r Report) OK() bool {
	return r.Count(SeverityError) == 0
}

// Count returns how many findings have severity s.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}
