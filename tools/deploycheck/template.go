package deploycheck

import (
	"errors"
	"fmt"
	"os"
	"sort"
)

// Template is a parsed CloudFormation template. Every value is a plain Go
// value: map[string]any, []any, string, int, float64, bool or nil, with
// intrinsic functions in their long form.
type Template struct {
	Root map[string]any
}

// Resource is one entry of the template's Resources section.
type Resource struct {
	Name       string
	Type       string
	Condition  string
	Properties map[string]any
}

// LoadTemplate reads and parses a template file.
func LoadTemplate(path string) (*Template, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load template: %w", err)
	}
	t, err := ParseTemplate(data)
	if err != nil {
		return nil, fmt.Errorf("load template %s: %w", path, err)
	}
	return t, nil
}

// ParseTemplate parses CloudFormation YAML (or JSON, a subset of YAML).
// The top level must be a mapping with a Resources section.
func ParseTemplate(data []byte) (*Template, error) {
	v, err := decodeYAML(data)
	if err != nil {
		return nil, err
	}
	root, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("parse template: the top level is not a mapping")
	}
	if _, ok := root["Resources"].(map[string]any); !ok {
		return nil, errors.New("parse template: no Resources section")
	}
	return &Template{Root: root}, nil
}

// Section returns a top-level mapping such as Parameters or Outputs; nil
// when the template has none.
func (t *Template) Section(name string) map[string]any {
	m, _ := t.Root[name].(map[string]any)
	return m
}

// Resources returns every resource, sorted by name.
func (t *Template) Resources() []Resource {
	section := t.Section("Resources")
	out := make([]Resource, 0, len(section))
	for name, raw := range section {
		m, _ := raw.(map[string]any)
		r := Resource{Name: name}
		r.Type, _ = m["Type"].(string)
		r.Condition, _ = m["Condition"].(string)
		r.Properties, _ = m["Properties"].(map[string]any)
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Resource returns the named resource.
func (t *Template) Resource(name string) (Resource, bool) {
	for _, r := range t.Resources() {
		if r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// ResourcesOfType returns the resources of one type, sorted by name.
func (t *Template) ResourcesOfType(typ string) []Resource {
	var out []Resource
	for _, r := range t.Resources() {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// ParameterDefaults returns the Default of every parameter that has one.
func (t *Template) ParameterDefaults() map[string]any {
	out := map[string]any{}
	for name, raw := range t.Section("Parameters") {
		if m, ok := raw.(map[string]any); ok {
			if d, has := m["Default"]; has {
				out[name] = d
			}
		}
	}
	return out
}

// Lookup follows a path of mapping keys and returns the value found.
func Lookup(v any, path ...string) (any, bool) {
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[key]; !ok {
			return nil, false
		}
	}
	return v, true
}

// Intrinsic reports whether v is a one-key mapping naming an intrinsic
// function (Ref, Condition or Fn::*), and returns the name and argument.
func Intrinsic(v any) (name string, arg any, ok bool) {
	m, isMap := v.(map[string]any)
	if !isMap || len(m) != 1 {
		return "", nil, false
	}
	for k, a := range m {
		if k == "Ref" || k == "Condition" || len(k) > 4 && k[:4] == "Fn::" {
			return k, a, true
		}
	}
	return "", nil, false
}

// IsRef reports whether v is {"Ref": target}.
func IsRef(v any, target string) bool {
	name, arg, ok := Intrinsic(v)
	return ok && name == "Ref" && arg == target
}
