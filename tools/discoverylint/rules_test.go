package discoverylint

import (
	"encoding/json"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestEachRuleFires(t *testing.T) {
	tests := []struct {
		name     string
		breaks   func(eps []any) []any
		severity Severity
		index    int
		id       string
		want     string
		// schemaToo: Amazon's schema also rejects the input (warning-only
		// rules and duplicate ids, which uniqueItems on whole objects misses,
		// leave the response schema-valid); checked when its data is at hand.
		schemaToo bool
	}{
		{"duplicate endpointId", func(eps []any) []any { field(eps, 2)["endpointId"] = "light#kitchen"; return eps },
			SeverityError, 2, "light#kitchen", "repeats endpoint #0", false},
		{"endpointId with a dot", func(eps []any) []any { field(eps, 1)["endpointId"] = "light.kitchen"; return eps },
			SeverityError, 1, "light.kitchen", `contains '.'`, true},
		{"endpointId with a space", func(eps []any) []any { field(eps, 1)["endpointId"] = "light kitchen"; return eps },
			SeverityError, 1, "light kitchen", `contains ' '`, true},
		{"endpointId too long", func(eps []any) []any { field(eps, 3)["endpointId"] = strings.Repeat("a", 257); return eps },
			SeverityError, 3, strings.Repeat("a", 257), "257 characters", true},
		{"endpointId missing", func(eps []any) []any { delete(field(eps, 4), "endpointId"); return eps },
			SeverityError, 4, "", "has no string endpointId", true},
		{"endpointId empty", func(eps []any) []any { field(eps, 4)["endpointId"] = ""; return eps },
			SeverityError, 4, "", "empty endpointId", true},
		{"friendlyName empty", func(eps []any) []any { field(eps, 5)["friendlyName"] = ""; return eps },
			SeverityError, 5, "sensor#outdoor", "has no friendlyName", true},
		{"friendlyName missing", func(eps []any) []any { delete(field(eps, 5), "friendlyName"); return eps },
			SeverityError, 5, "sensor#outdoor", "has no friendlyName", true},
		{"friendlyName too long", func(eps []any) []any { field(eps, 6)["friendlyName"] = strings.Repeat("é", 129); return eps },
			SeverityError, 6, "scene#movie_night", "friendlyName is 129 characters", true},
		{"friendlyName repeated in another case", func(eps []any) []any { field(eps, 9)["friendlyName"] = "living room light"; return eps },
			SeverityWarning, 9, "light#hall", `"living room light" repeats endpoint #1`, false},
		{"displayCategories missing", func(eps []any) []any { delete(field(eps, 0), "displayCategories"); return eps },
			SeverityError, 0, "light#kitchen", "no displayCategories", true},
		{"displayCategories empty", func(eps []any) []any { field(eps, 0)["displayCategories"] = []any{}; return eps },
			SeverityError, 0, "light#kitchen", "no displayCategories", true},
		{"manufacturerName missing", func(eps []any) []any { delete(field(eps, 7), "manufacturerName"); return eps },
			SeverityError, 7, "script#good_night", "has no manufacturerName", true},
		{"description missing", func(eps []any) []any { delete(field(eps, 8), "description"); return eps },
			SeverityError, 8, "light#porch", "has no description", true},
		{"description too long", func(eps []any) []any { field(eps, 8)["description"] = strings.Repeat("d", 129); return eps },
			SeverityError, 8, "light#porch", "description is 129 characters", true},
		{"capability without interface", func(eps []any) []any {
			delete(field(eps, 2)["capabilities"].([]any)[1].(map[string]any), "interface")
			return eps
		}, SeverityError, 2, "switch#fan", "capability #1 has no interface", true},
		{"no capabilities", func(eps []any) []any { delete(field(eps, 2), "capabilities"); return eps },
			SeverityError, 2, "switch#fan", "has no capabilities", true},
		{"no Alexa interface", func(eps []any) []any {
			ep := field(eps, 0)
			ep["capabilities"] = ep["capabilities"].([]any)[1:]
			return eps
		}, SeverityWarning, 0, "light#kitchen", `no capability with interface "Alexa"`, false},
		{"endpoint not an object", func(eps []any) []any { eps[3] = "thermostat"; return eps },
			SeverityError, 3, "", "is not a JSON object", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := home(t)
			setEndpoints(msg, tc.breaks(endpoints(msg)))
			data := encode(t, msg)
			r, err := (&Linter{}).Lint(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Findings) != 1 {
				t.Fatalf("want one structural finding, got:\n%s", lines(r.Findings))
			}
			f := r.Findings[0]
			if f.Severity != tc.severity || f.Index != tc.index || f.EndpointID != tc.id || !strings.Contains(f.Message, tc.want) {
				t.Errorf("finding %+v; want %s at #%d (%q) containing %q", f, tc.severity, tc.index, tc.id, tc.want)
			}
			if r.OK() != (tc.severity == SeverityWarning) {
				t.Errorf("OK() = %v with a %s", r.OK(), tc.severity)
			}
			sl := optionalSchemaLinter(t)
			if sl == nil {
				return
			}
			withSchema, err := sl.Lint(data)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := lines(withSchema.Findings), lines(r.Findings); got != want {
				t.Errorf("with the schema the findings differ (a schema error repeats a structural one?):\n%s\nwant:\n%s", got, want)
			}
			raw, err := sl.schema.validate(data, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if (len(raw) > 0) != tc.schemaToo {
				t.Errorf("schema alone found %d errors, expected to reject: %v\n%s", len(raw), tc.schemaToo, lines(raw))
			}
		})
	}
}

// field returns endpoint i as an object.
func field(eps []any, i int) map[string]any {
	return eps[i].(map[string]any)
}

func TestSchemaFindingsNameTheField(t *testing.T) {
	tests := []struct {
		name   string
		breaks func(eps []any)
		id     string
		want   string
	}{
		{"unknown display category", func(eps []any) { field(eps, 1)["displayCategories"] = []any{"BULB"} },
			"light#living_room", "/event/payload/endpoints/1/displayCategories/0"},
		{"capability without interface is one error, not one per interface", func(eps []any) {
			delete(field(eps, 2)["capabilities"].([]any)[1].(map[string]any), "interface")
		}, "switch#fan", "at /event/payload/endpoints/2/capabilities/1: missing property 'interface'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := home(t)
			tc.breaks(endpoints(msg))
			data := encode(t, msg)
			ids := endpointIDs(decodeEndpoints(t, endpoints(msg)))
			found, err := schemaLinter(t).schema.validate(data, ids, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) != 1 {
				t.Fatalf("want one schema finding, got:\n%s", lines(found))
			}
			if f := found[0]; f.EndpointID != tc.id || f.Severity != SeverityError || !strings.Contains(f.Message, tc.want) {
				t.Errorf("finding %v, want endpoint %s and %q", f, tc.id, tc.want)
			}
			r, err := schemaLinter(t).Lint(data)
			if err != nil {
				t.Fatal(err)
			}
			if r.OK() {
				t.Error("Lint passed an input the schema rejects")
			}
		})
	}
}

// decodeEndpoints re-encodes endpoints one by one as raw JSON.
func decodeEndpoints(t *testing.T, eps []any) []json.RawMessage {
	out := make([]json.RawMessage, len(eps))
	for i, ep := range eps {
		out[i] = encode(t, ep)
	}
	return out
}

func TestWrongHeader(t *testing.T) {
	msg := home(t)
	msg["event"].(map[string]any)["header"].(map[string]any)["name"] = "Discover"
	r, err := (&Linter{}).Lint(encode(t, msg))
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || len(r.Findings) != 1 || !strings.Contains(r.Findings[0].Message, `"Alexa.Discovery"/"Discover"`) {
		t.Fatalf("findings:\n%s", lines(r.Findings))
	}
}

func TestLintNeverPanics(t *testing.T) {
	value := rapid.OneOf(
		rapid.Just[any](nil),
		rapid.Map(rapid.String(), func(s string) any { return s }),
		rapid.Map(rapid.Float64Range(-1e6, 1e6), func(f float64) any { return f }),
		rapid.Just[any]([]any{}),
		rapid.Just[any]([]any{map[string]any{"interface": 3}, map[string]any{}}),
		rapid.Just[any](map[string]any{}),
	)
	keys := rapid.SampledFrom([]string{"endpointId", "friendlyName", "description", "manufacturerName", "displayCategories", "capabilities", "other"})
	endpoint := rapid.MapOf(keys, value)
	rapid.Check(t, func(t *rapid.T) {
		eps := rapid.SliceOfN(rapid.OneOf(rapid.Map(endpoint, func(m map[string]any) any { return m }), value), 0, 8).Draw(t, "endpoints")
		var data []byte
		var err error
		if rapid.Bool().Draw(t, "wrapped") {
			data, err = jsonMarshal(map[string]any{"event": map[string]any{"payload": map[string]any{"endpoints": eps}}})
		} else {
			data, err = jsonMarshal(eps)
		}
		if err != nil {
			t.Fatal(err)
		}
		r, err := (&Linter{}).Lint(data)
		if err != nil {
			t.Fatalf("lint %s: %v", data, err)
		}
		for _, f := range r.Findings {
			if f.Message == "" || (f.Severity != SeverityError && f.Severity != SeverityWarning) || f.Index < -1 || f.Index >= len(eps) {
				t.Fatalf("bad finding %+v for %s", f, data)
			}
		}
	})
}
