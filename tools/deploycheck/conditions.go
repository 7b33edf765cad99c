package deploycheck

import (
	"fmt"
	"strconv"
)

// EvalCondition evaluates the named entry of the Conditions section with
// the given parameter values; parameters not in params take their
// Default. It understands Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition
// and Ref to parameters, which is what conditions may use.
func (t *Template) EvalCondition(name string, params map[string]any) (bool, error) {
	values := t.ParameterDefaults()
	for k, v := range params {
		values[k] = v
	}
	e := evaluator{t: t, params: values, visiting: map[string]bool{}}
	return e.condition(name)
}

type evaluator struct {
	t        *Template
	params   map[string]any
	visiting map[string]bool
}

func (e evaluator) condition(name string) (bool, error) {
	if e.visiting[name] {
		return false, fmt.Errorf("condition %s refers to itself", name)
	}
	expr, ok := e.t.Section("Conditions")[name]
	if !ok {
		return false, fmt.Errorf("no condition %s", name)
	}
	e.visiting[name] = true
	defer delete(e.visiting, name)
	return e.boolean(expr)
}

func (e evaluator) boolean(expr any) (bool, error) {
	fn, arg, ok := Intrinsic(expr)
	if !ok {
		return false, fmt.Errorf("%v is not a condition function", expr)
	}
	if fn == "Condition" {
		name, isString := arg.(string)
		if !isString {
			return false, fmt.Errorf("Condition takes a name, got %v", arg)
		}
		return e.condition(name)
	}
	args, isList := arg.([]any)
	if !isList {
		return false, fmt.Errorf("%s takes a list, got %v", fn, arg)
	}
	switch fn {
	case "Fn::Equals":
		return e.equals(args)
	case "Fn::Not":
		if len(args) != 1 {
			return false, fmt.Errorf("Fn::Not takes one condition, got %d", len(args))
		}
		b, err := e.boolean(args[0])
		return !b, err
	case "Fn::And", "Fn::Or":
		return e.combine(fn, args)
	}
	return false, fmt.Errorf("%s cannot be used in a condition", fn)
}

func (e evaluator) equals(args []any) (bool, error) {
	if len(args) != 2 {
		return false, fmt.Errorf("Fn::Equals takes two values, got %d", len(args))
	}
	a, err := e.scalar(args[0])
	if err != nil {
		return false, err
	}
	b, err := e.scalar(args[1])
	if err != nil {
		return false, err
	}
	return a == b, nil
}

func (e evaluator) combine(fn string, args []any) (bool, error) {
	if len(args) < 2 {
		return false, fmt.Errorf("%s takes at least two conditions, got %d", fn, len(args))
	}
	and := fn == "Fn::And"
	for _, a := range args {
		b, err := e.boolean(a)
		if err != nil {
			return false, err
		}
		if b != and {
			return b, nil
		}
	}
	return and, nil
}

// scalar resolves a Ref or literal to the string CloudFormation compares.
func (e evaluator) scalar(v any) (string, error) {
	if fn, arg, ok := Intrinsic(v); ok {
		name, isString := arg.(string)
		if fn != "Ref" || !isString {
			return "", fmt.Errorf("%s cannot be compared in a condition", fn)
		}
		p, has := e.params[name]
		if !has {
			return "", fmt.Errorf("parameter %s has no value and no default", name)
		}
		return e.scalar(p)
	}
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("%v cannot be compared in a condition", v)
}
