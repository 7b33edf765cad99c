package discoverylint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// schema validates Discover.Response messages.
type schema struct {
	compiled *jsonschema.Schema
}

// loadSchema compiles the Alexa Smart Home message schema at path, narrowed
// to its Discover.Response branch when it has one: the full schema is a
// oneOf over every message kind, and its errors for a bad discovery answer
// would mostly be about the kinds it is not.
func loadSchema(path string) (*schema, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("load schema %s: %w", path, err)
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, fmt.Errorf("load schema: %w", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("load schema %s: %w", path, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(abs, doc); err != nil {
		return nil, fmt.Errorf("load schema %s: %w", path, err)
	}
	loc := abs
	if i, ok := discoveryBranch(doc); ok {
		loc += "#/oneOf/" + strconv.Itoa(i)
	}
	compiled, err := c.Compile(loc)
	if err != nil {
		return nil, fmt.Errorf("compile schema %s: %w", path, err)
	}
	return &schema{compiled: compiled}, nil
}

// discoveryBranch finds the top-level oneOf entry whose header admits only
// namespace Alexa.Discovery and name Discover.Response.
func discoveryBranch(doc any) (int, bool) {
	root, _ := doc.(map[string]any)
	branches, _ := root["oneOf"].([]any)
	for i, b := range branches {
		header := dig(b, "properties", "event", "properties", "header", "properties")
		if enumIs(dig(header, "namespace", "enum"), "Alexa.Discovery") && enumIs(dig(header, "name", "enum"), "Discover.Response") {
			return i, true
		}
	}
	return 0, false
}

// dig follows keys through nested objects, nil when a step is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// enumIs reports whether v is a one-element enum holding want.
func enumIs(v any, want string) bool {
	list, ok := v.([]any)
	return ok && len(list) == 1 && list[0] == want
}

// validate returns one finding per failing leaf of the schema, each tied to
// the endpoint its instance location points into. A leaf that repeats a
// structural finding (same value, or a missing property the structural
// checks already named) is left out: known reports that Alexa-level path.
func (s *schema) validate(message []byte, endpoints []string, known map[string]bool) ([]Finding, error) {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(message))
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	err = s.compiled.Validate(inst)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		if err != nil {
			return nil, fmt.Errorf("validate: %w", err)
		}
		return nil, nil
	}
	var leaves []jsonschema.OutputUnit
	collectLeaves(*ve.DetailedOutput(), &leaves)
	seen := map[string]bool{}
	var out []Finding
	for _, l := range leaves {
		msg := "schema: at " + l.InstanceLocation + ": " + l.Error.String()
		if seen[msg] || repeatsStructural(l, known) {
			continue
		}
		seen[msg] = true
		f := Finding{Severity: SeverityError, Index: endpointIndex(l.InstanceLocation), path: l.InstanceLocation,
			Message: msg + "; Alexa rejects a Discover.Response that breaks its schema"}
		if f.Index >= 0 && f.Index < len(endpoints) {
			f.EndpointID = endpoints[f.Index]
		}
		out = append(out, f)
	}
	return out, nil
}

// repeatsStructural reports whether a schema leaf is about a value the
// structural checks already reported as an error.
func repeatsStructural(l jsonschema.OutputUnit, known map[string]bool) bool {
	if known[l.InstanceLocation] {
		return true
	}
	req, ok := l.Error.Kind.(*kind.Required)
	if !ok {
		return false
	}
	for _, m := range req.Missing {
		if !known[l.InstanceLocation+"/"+m] {
			return false
		}
	}
	return true
}

// collectLeaves gathers the failing leaves of a detailed output tree. Where
// the schema offers alternatives (anyOf, oneOf) only the alternative that
// came closest — fewest failing leaves — is followed, so a capability that
// lacks an interface is one error, not one per known interface.
func collectLeaves(u jsonschema.OutputUnit, out *[]jsonschema.OutputUnit) {
	if len(u.Errors) == 0 {
		if u.Error != nil {
			*out = append(*out, u)
		}
		return
	}
	if strings.HasSuffix(u.KeywordLocation, "/anyOf") || strings.HasSuffix(u.KeywordLocation, "/oneOf") {
		best := u.Errors[0]
		for _, alt := range u.Errors[1:] {
			if countLeaves(alt) < countLeaves(best) {
				best = alt
			}
		}
		collectLeaves(best, out)
		return
	}
	for _, e := range u.Errors {
		collectLeaves(e, out)
	}
}

// countLeaves counts the failing leaves under u.
func countLeaves(u jsonschema.OutputUnit) int {
	if len(u.Errors) == 0 {
		return 1
	}
	n := 0
	for _, e := range u.Errors {
		n += countLeaves(e)
	}
	return n
}

// endpointIndex extracts N from an instance location under
// /event/payload/endpoints/N, or -1.
func endpointIndex(loc string) int {
	rest, ok := strings.CutPrefix(loc, "/event/payload/endpoints/")
	if !ok {
		return -1
	}
	num, _, _ := strings.Cut(rest, "/")
	n, err := strconv.Atoi(num)
	if err != nil {
		return -1
	}
	return n
}
