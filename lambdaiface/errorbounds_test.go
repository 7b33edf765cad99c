package lambdaiface_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lee-engine/lee/lambdaiface"
)

// The echo bounds as the package documents them; the tests state them
// rather than read the constants they check.
const (
	echoedTokenLimit  = 4 << 10
	echoedCookieLimit = 4 << 10
	messageLimit      = 1 << 10
	// answerLimit is what the bounds promise for a whole ErrorResponse.
	answerLimit = 64 << 10
)

// TestNewErrorResponseEchoBounds: the correlationToken and the cookie are
// repeated up to their bounds and left out past them, and the message is
// cut to its bound on a rune boundary.
func TestNewErrorResponseEchoBounds(t *testing.T) {
	lt := func(n int) string { return strings.Repeat("<", n) }
	tests := []struct {
		name      string
		token     string
		cookie    map[string]string
		message   string
		keepToken bool
		keepCook  bool
		wantMsg   string
	}{
		{name: "token at the bound", token: lt(echoedTokenLimit), keepToken: true, keepCook: true},
		{name: "token past the bound", token: lt(echoedTokenLimit + 1), keepCook: true},
		{name: "cookie at the bound", cookie: map[string]string{"ab": lt(echoedCookieLimit - 2)}, keepToken: true, keepCook: true},
		{name: "cookie past the bound", cookie: map[string]string{"ab": lt(echoedCookieLimit - 1)}, keepToken: true},
		{name: "cookie past the bound over many keys", cookie: manyKeys(echoedCookieLimit/8 + 1), keepToken: true},
		{name: "message at the bound", message: lt(messageLimit), wantMsg: lt(messageLimit), keepToken: true, keepCook: true},
		{name: "message past the bound", message: lt(messageLimit + 5), wantMsg: lt(messageLimit), keepToken: true, keepCook: true},
		{name: "message cut before a rune", message: "a" + strings.Repeat("é", messageLimit), wantMsg: "a" + strings.Repeat("é", messageLimit/2-1), keepToken: true, keepCook: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &lambdaiface.Directive{
				Header:   lambdaiface.Header{Namespace: "Alexa", Name: "ReportState", CorrelationToken: "tok"},
				Endpoint: &lambdaiface.Endpoint{EndpointID: "light-1", Cookie: map[string]string{"k": "v"}},
			}
			if tc.token != "" {
				d.Header.CorrelationToken = tc.token
			}
			if tc.cookie != nil {
				d.Endpoint.Cookie = tc.cookie
			}
			r := lambdaiface.NewErrorResponse(d, lambdaiface.InvalidDirective, tc.message)
			if got := r.Event.Header.CorrelationToken == d.Header.CorrelationToken; got != tc.keepToken {
				t.Errorf("correlationToken kept: %v, want %v", got, tc.keepToken)
			}
			if !tc.keepToken && r.Event.Header.CorrelationToken != "" {
				t.Errorf("correlationToken cut instead of left out: %d bytes", len(r.Event.Header.CorrelationToken))
			}
			if got := len(r.Event.Endpoint.Cookie) == len(d.Endpoint.Cookie); got != tc.keepCook {
				t.Errorf("cookie kept: %v (%d keys), want %v", got, len(r.Event.Endpoint.Cookie), tc.keepCook)
			}
			if !tc.keepCook && r.Event.Endpoint.Cookie != nil {
				t.Errorf("cookie cut instead of left out: %d keys", len(r.Event.Endpoint.Cookie))
			}
			if r.Event.Endpoint.EndpointID != "light-1" {
				t.Errorf("endpointId %q, want light-1", r.Event.Endpoint.EndpointID)
			}
			var p struct{ Message string }
			if err := json.Unmarshal(r.Event.Payload, &p); err != nil {
				t.Fatal(err)
			}
			if p.Message != tc.wantMsg {
				t.Errorf("message of %d bytes, want %d bytes", len(p.Message), len(tc.wantMsg))
			}
			if !utf8.ValidString(p.Message) {
				t.Error("the cut message is not valid UTF-8")
			}
			out := mustMarshal(t, r)
			if err := checkErrorShape(out); err != nil {
				t.Errorf("answer does not validate: %v", err)
			}
		})
	}
}

// TestNewErrorResponseSizeBound: a directive whose echoed parts are each
// just within their bounds, every byte of them growing sixfold when
// encoded, still gets an answer under 64 KiB; and one whose parts are
// megabytes gets an answer of a few hundred bytes.
func TestNewErrorResponseSizeBound(t *testing.T) {
	lt := func(n int) string { return strings.Repeat("<", n) }
	worst := &lambdaiface.Directive{
		Header:   lambdaiface.Header{Namespace: "Alexa", Name: "ReportState", CorrelationToken: lt(echoedTokenLimit)},
		Endpoint: &lambdaiface.Endpoint{EndpointID: strings.Repeat("e", 256), Cookie: map[string]string{"<": lt(echoedCookieLimit - 1)}},
	}
	huge := &lambdaiface.Directive{
		Header:   lambdaiface.Header{Namespace: "Alexa", Name: "ReportState", CorrelationToken: lt(6 << 20)},
		Endpoint: &lambdaiface.Endpoint{EndpointID: "light-1", Cookie: map[string]string{"c": lt(6 << 20)}},
	}
	for name, d := range map[string]*lambdaiface.Directive{"worst within bounds": worst, "6 MB parts": huge} {
		t.Run(name, func(t *testing.T) {
			out := mustMarshal(t, lambdaiface.NewErrorResponse(d, lambdaiface.InvalidDirective, lt(6<<20)))
			if len(out) >= answerLimit {
				t.Errorf("answer of %d bytes, want under %d", len(out), answerLimit)
			}
			if err := checkErrorShape(out); err != nil {
				t.Errorf("answer does not validate: %v", err)
			}
			t.Logf("%s: answer of %d bytes", name, len(out))
		})
	}
}

// manyKeys is a cookie of n entries of 8 bytes each (key and value).
func manyKeys(n int) map[string]string {
	c := make(map[string]string, n)
	for i := range n {
		c[fmt.Sprintf("k%05d", i)] = "vv"
	}
	return c
}
