package deploycheck

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// shortTags maps CloudFormation's short-form tags to the key of the long
// form. Tags not listed but starting with "!" become "Fn::" + the name, so
// a new intrinsic still parses.
var shortTags = map[string]string{
	"!Ref":       "Ref",
	"!Condition": "Condition",
}

// maxDepth bounds the nesting the walk follows, so a hostile document
// (an alias loop) cannot exhaust the stack.
const maxDepth = 100

func decodeYAML(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, errors.New("parse template: not a single YAML document")
	}
	return convert(doc.Content[0], 0)
}

// convert turns one node into a plain value, rewriting short tags.
func convert(n *yaml.Node, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("parse template: line %d: nested deeper than %d", n.Line, maxDepth)
	}
	if n.Kind == yaml.AliasNode {
		return convert(n.Alias, depth+1)
	}
	v, err := plain(n, depth)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(n.Tag, "!") || strings.HasPrefix(n.Tag, "!!") {
		return v, nil
	}
	return intrinsic(n, v)
}

// plain converts a node as if it carried no custom tag.
func plain(n *yaml.Node, depth int) (any, error) {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if _, dup := m[k.Value]; dup {
				return nil, fmt.Errorf("parse template: line %d: key %q given twice", k.Line, k.Value)
			}
			val, err := convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = val
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			val, err := convert(c, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, val)
		}
		return s, nil
	case yaml.ScalarNode:
		if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
			return n.Value, nil
		}
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("parse template: line %d: %w", n.Line, err)
		}
		return v, nil
	}
	return nil, fmt.Errorf("parse template: line %d: unexpected YAML node", n.Line)
}

// intrinsic wraps v in the long form of n's short tag.
func intrinsic(n *yaml.Node, v any) (any, error) {
	key, ok := shortTags[n.Tag]
	if !ok {
		key = "Fn::" + strings.TrimPrefix(n.Tag, "!")
	}
	if key == "Fn::GetAtt" {
		if s, isString := v.(string); isString {
			resource, attribute, found := strings.Cut(s, ".")
			if !found {
				return nil, fmt.Errorf("parse template: line %d: !GetAtt %q is not Resource.Attribute", n.Line, s)
			}
			v = []any{resource, attribute}
		}
	}
	return map[string]any{key: v}, nil
}
