package utility

import (
	"strings"
	"testing"
)

const directive = `{
  "directive": {
    "header": {"namespace": "Alexa.PowerController", "name": "TurnOn",
               "payloadVersion": "3", "messageId": "1bd5d003-31b9-476f-ad03-71d471922820",
               "correlationToken": "dFMb0z+PgpgdDmluhJ1LddFvSqZ/jCc8ptlAKulUj90jSqg=="},
    "endpoint": {"scope": {"type": "BearerToken", "token": "access-token-from-skill"},
                 "endpointId": "appliance-001", "cookie": {}},
    "payload": {}
  }
}`

const mixed = `{"a":[{"b":"x"},{"b":"y","c":[1,2,[3,{"d":"deep"}]]}],
 "s":"plain", "esc":"line\nbreak \"q\" \u00e9", "n":12.5e3, "t":true, "f":false, "z":null,
 "tricky":"} ] { [ , \" :", "k\"q":"quoted key", "caf\u00e9":"escaped key", "":"empty key",
 "0":"digit key", "dup":1, "dup":2, "a.b":"dotted", "e":{}, "ea":[]}`

func TestLookup(t *testing.T) {
	tests := []struct {
		name, doc, path, want string
		ok                    bool
	}{
		{"nested string", directive, "directive.header.name", `"TurnOn"`, true},
		{"nested object", directive, "directive.endpoint.scope", `{"type": "BearerToken", "token": "access-token-from-skill"}`, true},
		{"empty object value", directive, "directive.payload", `{}`, true},
		{"missing leaf", directive, "directive.header.nope", "", false},
		{"missing root", directive, "event.header.name", "", false},
		{"into a string", directive, "directive.header.name.x", "", false},
		{"whole document", ` [1, 2] `, "", `[1, 2]`, true},
		{"array index", mixed, "a.1.b", `"y"`, true},
		{"first element", mixed, "a.0", `{"b":"x"}`, true},
		{"deep mixed", mixed, "a.1.c.2.1.d", `"deep"`, true},
		{"index out of range", mixed, "a.2", "", false},
		{"huge index", mixed, "a.99999999999999999999999", "", false},
		{"negative index", mixed, "a.-1", "", false},
		{"non-numeric index", mixed, "a.x", "", false},
		{"empty array", mixed, "ea.0", "", false},
		{"empty object", mixed, "e.x", "", false},
		{"number", mixed, "n", `12.5e3`, true},
		{"true", mixed, "t", `true`, true},
		{"false", mixed, "f", `false`, true},
		{"null", mixed, "z", `null`, true},
		{"into a number", mixed, "n.0", "", false},
		{"into null", mixed, "z.a", "", false},
		{"brackets in a string", mixed, "tricky", `"} ] { [ , \" :"`, true},
		{"after tricky string", mixed, "0", `"digit key"`, true},
		{"escaped quote in key", mixed, `k"q`, `"quoted key"`, true},
		{"unicode escape in key", mixed, "café", `"escaped key"`, true},
		{"empty key", mixed, ".", "", false},
		{"last duplicate wins", mixed, "dup", `2`, true},
		{"dotted key unreachable", mixed, "a.b", "", false},
		{"scalar document", `"just a string"`, "x", "", false},
		{"invalid json", `{"a":1,`, "a", "", false},
		{"trailing garbage", `{"a":1} x`, "a", "", false},
		{"two documents", `{"a":1}{"a":2}`, "a", "", false},
		{"empty input", ``, "", "", false},
		{"only spaces", "  \n ", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Lookup([]byte(tt.doc), tt.path)
			if ok != tt.ok || string(got) != tt.want {
				t.Fatalf("Lookup(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLookupEmptyKeySegment(t *testing.T) {
	got, ok := Lookup([]byte(`{"":{"":"both empty"}}`), ".")
	if !ok || string(got) != `"both empty"` {
		t.Fatalf(`Lookup(".") = %q, %v; want "both empty"`, got, ok)
	}
}

func TestLookupString(t *testing.T) {
	tests := []struct {
		name, doc, path, want string
		ok                    bool
	}{
		{"plain", directive, "directive.endpoint.scope.token", "access-token-from-skill", true},
		{"escapes decoded", mixed, "esc", "line\nbreak \"q\" é", true},
		{"number is not a string", mixed, "n", "", false},
		{"null is not a string", mixed, "z", "", false},
		{"object is not a string", mixed, "e", "", false},
		{"missing", mixed, "nope", "", false},
		{"invalid utf-8 replaced", "{\"s\":\"a\xffb\"}", "s", "a\uFFFDb", true},
		{"invalid json", `{"s":"x"`, "s", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := LookupString([]byte(tt.doc), tt.path)
			if ok != tt.ok || got != tt.want {
				t.Fatalf("LookupString(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLookupDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector (json.Valid's sync.Pool drops items); run without -race")
	}
	raw := []byte(directive)
	allocs := testing.AllocsPerRun(100, func() {
		if _, ok := Lookup(raw, "directive.endpoint.scope.token"); !ok {
			t.Fatal("token not found")
		}
	})
	if allocs != 0 {
		t.Fatalf("Lookup allocated %.1f times per call, want 0", allocs)
	}
}

func BenchmarkLookupString(b *testing.B) {
	raw := []byte(directive)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := LookupString(raw, "directive.header.name"); !ok {
			b.Fatal("name not found")
		}
	}
}

func BenchmarkLookupLargeDocument(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"event":{"payload":{"endpoints":[`)
	for i := 0; i < 2000; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(`{"endpointId":"light.kitchen","friendlyName":"Kitchen","capabilities":[{"type":"AlexaInterface","interface":"Alexa.PowerController","version":"3"}]}`)
	}
	sb.WriteString(`]},"header":{"name":"Discover.Response"}}}`)
	raw := []byte(sb.String())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := LookupString(raw, "event.header.name"); !ok {
			b.Fatal("name not found")
		}
	}
}
