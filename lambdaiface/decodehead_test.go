package lambdaiface

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestReadDirectiveHeadFixtures: for every directive of the project's
// fixtures the head is the header and endpoint (id and cookie) Decode
// reads. (tools/conformance checks the same of Amazon's sample directives.)
func TestReadDirectiveHeadFixtures(t *testing.T) {
	directives := fixtureDirectives(t)
	if len(directives) < 11 {
		t.Fatalf("found %d fixture directives, want at least 11", len(directives))
	}
	for path, raw := range directives {
		in, err := Decode(raw)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		full := in.Directive
		head := ReadDirectiveHead(raw)
		if head == nil {
			t.Fatalf("%s: no head read", path)
		}
		if head.Header != full.Header {
			t.Errorf("%s: header %+v, want %+v", path, head.Header, full.Header)
		}
		var want *Endpoint
		if full.Endpoint != nil {
			want = &Endpoint{EndpointID: full.Endpoint.EndpointID, Cookie: full.Endpoint.Cookie}
		}
		if !reflect.DeepEqual(head.Endpoint, want) {
			t.Errorf("%s: endpoint %+v, want %+v", path, head.Endpoint, want)
		}
		if head.Payload != nil {
			t.Errorf("%s: the payload was read", path)
		}
	}
}

// TestReadDirectiveHeadShapes: what is read of bodies of every shape.
func TestReadDirectiveHeadShapes(t *testing.T) {
	const hdr = `"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"2","messageId":"m","correlationToken":"c"}`
	wantHeader := Header{Namespace: "Alexa", Name: "ReportState", PayloadVersion: "2", MessageID: "m", CorrelationToken: "c"}
	bigCookie := `{"a":"` + strings.Repeat(" ", 64<<10) + `"}`
	tests := []struct {
		name       string
		body       string
		wantNil    bool
		wantHeader Header
		wantEP     *Endpoint
	}{
		{name: "not JSON", body: `{"directive":{` + hdr, wantNil: true},
		{name: "no directive", body: `{"request":{}}`, wantNil: true},
		{name: "directive not an object", body: `{"directive":"x"}`, wantNil: true},
		{name: "no header", body: `{"directive":{"endpoint":{"endpointId":"e"}}}`, wantNil: true},
		{name: "header not an object", body: `{"directive":{"header":"h"}}`, wantNil: true},
		{name: "header null", body: `{"directive":{"header":null}}`, wantNil: true},
		{name: "header only", body: `{"directive":{` + hdr + `}}`, wantHeader: wantHeader},
		{name: "header member of the wrong type", body: `{"directive":{"header":{"namespace":5,"name":"N"}}}`, wantHeader: Header{Name: "N"}},
		{name: "endpoint with cookie", body: `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","cookie":{"k":"v"},"scope":{"type":"BearerToken","token":"t"}}}}`,
			wantHeader: wantHeader, wantEP: &Endpoint{EndpointID: "e", Cookie: map[string]string{"k": "v"}}},
		{name: "endpoint not an object", body: `{"directive":{` + hdr + `,"endpoint":"e"}}`, wantHeader: wantHeader},
		{name: "endpoint without id", body: `{"directive":{` + hdr + `,"endpoint":{"cookie":{"k":"v"}}}}`, wantHeader: wantHeader},
		{name: "cookie not an object", body: `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","cookie":["k"]}}}`,
			wantHeader: wantHeader, wantEP: &Endpoint{EndpointID: "e"}},
		{name: "cookie JSON over 64 KiB", body: `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","cookie":` + bigCookie + `}}}`,
			wantHeader: wantHeader, wantEP: &Endpoint{EndpointID: "e"}},
		{name: "payload not an object", body: `{"directive":{` + hdr + `,"payload":[1]}}`, wantHeader: wantHeader},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := ReadDirectiveHead([]byte(tc.body))
			if tc.wantNil {
				if d != nil {
					t.Errorf("read %+v, want nil", d)
				}
				return
			}
			if d == nil {
				t.Fatal("read nil")
			}
			if d.Header != tc.wantHeader {
				t.Errorf("header %+v, want %+v", d.Header, tc.wantHeader)
			}
			if !reflect.DeepEqual(d.Endpoint, tc.wantEP) {
				t.Errorf("endpoint %+v, want %+v", d.Endpoint, tc.wantEP)
			}
		})
	}
}

// TestReadDirectiveHeadSkipsPayload: a 6 MB payload is skipped, not
// copied: reading the head of such a body allocates a few KiB.
func TestReadDirectiveHeadSkipsPayload(t *testing.T) {
	body := []byte(`{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"3","messageId":"m"},` +
		`"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":"` + strings.Repeat("t", 1<<20) + `"}},` +
		`"payload":{"padding":"` + strings.Repeat("<", 6<<20) + `"}}}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d := ReadDirectiveHead(body)
	runtime.ReadMemStats(&after)
	if d == nil || d.Endpoint == nil || d.Endpoint.EndpointID != "e" {
		t.Fatalf("read %+v", d)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<10 {
		t.Errorf("reading the head of a %d-byte body allocated %d bytes, want at most 64 KiB", len(body), got)
	}
}

// fixtureDirectives reads the project's fixture directives, keyed by path.
func fixtureDirectives(tb testing.TB) map[string][]byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "smarthome", "*.directive.json"))
	if err != nil {
		tb.Fatal(err)
	}
	out := make(map[string][]byte, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[p] = b
	}
	return out
}
