package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/lee-engine/lee/gateway"
)

// TestInvalidDirective: a directive whose header can be read but which
// cannot be relayed is answered INVALID_DIRECTIVE (ACCEPT_GRANT_FAILED for
// an AcceptGrant), with the same guarantees as every ErrorResponse, and
// Home Assistant is not called.
func TestInvalidDirective(t *testing.T) {
	for _, tc := range invalidCases() {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
			f := newFixture(t, baseConfig(ha.URL()))
			sample := tc.sample
			if sample == "" {
				sample = turnOnRequest
			}
			var event []byte
			switch {
			case tc.rawEdit != nil:
				event = tc.rawEdit(editDirective(t, sample, func(map[string]any) {}))
			default:
				event = editDirective(t, sample, tc.edit)
			}

			checkErrorAnswer(t, event, f.mustInvoke(t, event), tc.want)

			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests; want none for a directive that cannot be relayed", n)
			}
			metric := tc.metric
			if metric == "" {
				metric = gateway.MetricInvalidDirective
			}
			emf := emfLines(outputLines(t, f.out.take()))
			if len(emf) != 1 || emf[0][metric] != 1.0 {
				t.Errorf("EMF lines %v; want one with %s=1", emf, metric)
			}
		})
	}
}

// invalidCase is a directive that cannot be relayed and the answer it gets.
type invalidCase struct {
	name    string
	sample  string                    // directive fixture; TurnOn when ""
	edit    func(d map[string]any)    // change to the decoded directive
	rawEdit func(event []byte) []byte // change to the encoded event, instead of edit
	want    wantError
	metric  string // InvalidDirective when ""
}

func invalidCases() []invalidCase {
	header := func(key string, value any) func(d map[string]any) {
		return func(d map[string]any) {
			if value == nil {
				delete(member(d, "header"), key)
				return
			}
			member(d, "header")[key] = value
		}
	}
	deep := strings.Repeat("[", 2000) + strings.Repeat("]", 2000)
	return []invalidCase{
		{name: "payloadVersion 2", edit: header("payloadVersion", "2"), want: wantError{"Alexa", "INVALID_DIRECTIVE", "payloadVersion"}},
		{name: "payloadVersion missing", edit: header("payloadVersion", nil), want: wantError{"Alexa", "INVALID_DIRECTIVE", "payloadVersion"}},
		{name: "payloadVersion a number", edit: header("payloadVersion", 3), want: wantError{"Alexa", "INVALID_DIRECTIVE", "payloadVersion"}},
		{name: "namespace missing", edit: header("namespace", nil), want: wantError{"Alexa", "INVALID_DIRECTIVE", "namespace"}},
		{name: "name missing", edit: header("name", nil), want: wantError{"Alexa", "INVALID_DIRECTIVE", "name"}},
		{name: "messageId missing", edit: header("messageId", nil), want: wantError{"Alexa", "INVALID_DIRECTIVE", "messageId"}},
		{name: "namespace of the wrong type", edit: header("namespace", 5), want: wantError{"Alexa", "INVALID_DIRECTIVE", "namespace"}},
		{name: "endpoint not an object", edit: func(d map[string]any) { d["endpoint"] = "kitchen-light" },
			want: wantError{"Alexa", "INVALID_DIRECTIVE", "endpoint"}},
		{name: "payload not an object", edit: func(d map[string]any) { d["payload"] = []any{} },
			want: wantError{"Alexa", "INVALID_DIRECTIVE", "payload"}},
		{name: "300 KiB directive", edit: func(d map[string]any) {
			member(d, "payload")["padding"] = strings.Repeat("x", 300<<10)
		}, want: wantError{"Alexa", "INVALID_DIRECTIVE", "exceeds"}},
		{name: "2000-deep payload", rawEdit: func(event []byte) []byte {
			return []byte(strings.Replace(string(event), `"payload":{}`, `"payload":{"deep":`+deep+`}`, 1))
		}, want: wantError{"Alexa", "INVALID_DIRECTIVE", "nesting"}},
		{name: "Discovery without name", sample: discoveryRequest, edit: header("name", nil),
			want: wantError{"Alexa", "INVALID_DIRECTIVE", "name"}},
		{name: "AcceptGrant payloadVersion 2", sample: grantRequest, edit: header("payloadVersion", "2"),
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}, metric: gateway.MetricAcceptGrantFailed},
	}
}
