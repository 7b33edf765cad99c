package doctor

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/lee-engine/lee/tools/discoverylint"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/uuid"
)

// smartHomePath is where LEE posts every Smart Home directive.
const smartHomePath = "/api/alexa/smart_home"

// maxDetails bounds the discovery problems listed; the rest are counted.
const maxDetails = 10

// checkAlexa sends a real Discovery through Home Assistant's Alexa API, as
// Alexa does when the user asks it to discover devices, then lints and
// times the answer.
func (r *run) checkAlexa(ctx context.Context) bool {
	const what = "POST " + smartHomePath
	a, err := r.do(ctx, http.MethodPost, smartHomePath, discoverDirective(r.s.Token))
	if err != nil {
		r.transportFailure("alexa", what, err)
		return false
	}
	if a.status == http.StatusNotFound && !looksHTML(a) {
		r.add("alexa", Fail, what+" answered 404: Home Assistant's Alexa Smart Home API is not enabled",
			"add `alexa:` with `smart_home:` under it to configuration.yaml and restart Home Assistant (LEE answers INTERNAL_ERROR until then)")
		return false
	}
	if r.refused("alexa", what, a) {
		return false
	}
	var msg alexa.Message
	if truncatedJSON(a.body) {
		r.add("alexa", Fail, fmt.Sprintf("%s answered %d with a truncated body: its JSON stops after %d bytes, mid-message", what, a.status, len(a.body)),
			truncatedFix)
		return false
	}
	if json.Unmarshal(a.body, &msg) != nil || msg.Event.Header.Name == "" {
		r.add("alexa", Fail, what+" answered 200 with a body that is not an Alexa message",
			"something other than Home Assistant's Alexa integration answers this path: check the proxy's routing of "+smartHomePath)
		return false
	}
	if h := msg.Event.Header; h.Name != "Discover.Response" {
		r.alexaError(what, msg)
		return false
	}
	r.pass("alexa", what+" answered a Discover.Response")
	r.lintDiscovery(a.body)
	r.grade(a.latency)
	return true
}

// truncatedFix is the advice for an answer cut short on the way.
const truncatedFix = "something cuts Home Assistant's answer short: a proxy's response size, buffer or timeout limit, " +
	"or Home Assistant restarting mid-answer; LEE answers Alexa with an error instead of the devices meanwhile"

// truncatedJSON reports whether body is the start of a JSON value that
// ends too early, as opposed to something that is not JSON at all.
func truncatedJSON(body []byte) bool {
	var v any
	return len(bytes.TrimSpace(body)) > 0 && errors.Is(json.NewDecoder(bytes.NewReader(body)).Decode(&v), io.ErrUnexpectedEOF)
}

// alexaError records an Alexa answer that is not a Discover.Response,
// usually an ErrorResponse from Home Assistant.
func (r *run) alexaError(what string, msg alexa.Message) {
	h, p := msg.Event.Header, msg.Event.Payload
	if h.Name != "ErrorResponse" {
		r.add("alexa", Fail, fmt.Sprintf("%s answered %s.%s instead of Discover.Response", what, quoteRemote(h.Namespace, 60), quoteRemote(h.Name, 60)),
			"check that the URL leads to Home Assistant's own Alexa integration")
		return
	}
	fix := "see Home Assistant's log for the cause"
	if p.Type == "INVALID_AUTHORIZATION_CREDENTIAL" || p.Type == "EXPIRED_AUTHORIZATION_CREDENTIAL" {
		fix = "the token is not accepted: create a new long-lived access token, or re-link the skill in the Alexa app"
	}
	r.add("alexa", Fail, fmt.Sprintf("Home Assistant answered an ErrorResponse %s: %s", quoteRemote(p.Type, 60), quoteRemote(p.Message, 200)), fix)
}

// lintDiscovery grades the endpoints with discoverylint's rules: no
// endpoint, or any error, is a failure; warnings are warnings.
func (r *run) lintDiscovery(body []byte) {
	linter, err := discoverylint.New(discoverylint.Settings{SchemaPath: r.s.SchemaPath})
	if err != nil {
		r.add("discovery", Warn, "the Alexa schema could not be loaded, so only the structural checks ran: "+err.Error(),
			"give --schema the path of alexa_smart_home_message_schema.json")
		linter, _ = discoverylint.New(discoverylint.Settings{})
	}
	rep, err := linter.Lint(body)
	if err != nil {
		r.add("discovery", Fail, "the Discover.Response cannot be read: "+err.Error(), "see Home Assistant's log for the cause")
		return
	}
	errs, warns := rep.Count(discoverylint.SeverityError), rep.Count(discoverylint.SeverityWarning)
	var details []string
	for _, f := range rep.Findings {
		if len(details) == maxDetails {
			details = append(details, fmt.Sprintf("… and %d more", len(rep.Findings)-maxDetails))
			break
		}
		details = append(details, quoteRemote(f.String(), 300))
	}
	summary := fmt.Sprintf("%d endpoints (Alexa takes at most %d)", rep.Endpoints, discoverylint.MaxEndpoints)
	checked := "structural checks only, no Alexa schema given"
	if rep.SchemaChecked {
		checked = "checked against Alexa's schema"
	}
	switch {
	case rep.Endpoints == 0:
		r.add("discovery", Fail, "Home Assistant exposes no endpoint: Alexa will find no device",
			"expose entities to Alexa: check the filter under alexa: smart_home: in configuration.yaml (include_domains, include_entities)")
	case errs > 0:
		r.add("discovery", Fail, fmt.Sprintf("%s; %d problems make Alexa drop devices, %d warnings (%s)", summary, errs, warns, checked),
			"fix the entities named below in Home Assistant (names, entity_config under alexa: smart_home:, the filter), then discover again", details...)
	case warns > 0:
		r.add("discovery", Warn, fmt.Sprintf("%s; %d warnings (%s)", summary, warns, checked),
			"rename the entities named below so that each has a name Alexa can tell apart", details...)
	default:
		r.pass("discovery", summary+", no problem found ("+checked+")")
	}
}

// grade compares the Discovery's round trip with the latency budget.
func (r *run) grade(d time.Duration) {
	took := fmt.Sprintf("Discovery took %d ms", d.Milliseconds())
	switch {
	case d > r.s.FailLatency:
		r.add("latency", Fail, fmt.Sprintf("%s, over %v: LEE gives up at HA_TIMEOUT (7 s by default) and Alexa at 8 s", took, r.s.FailLatency),
			"find what slows Home Assistant or the path to it (its log, the proxy, a VPN, a slow add-on); Alexa reports \"device not responding\" meanwhile")
	case d > r.s.WarnLatency:
		r.add("latency", Warn, fmt.Sprintf("%s, over %v: with the function's own start-up Alexa's 8 s budget gets tight", took, r.s.WarnLatency),
			"find what slows Home Assistant or the path to it; a Discovery is the heaviest request Alexa sends")
	default:
		r.pass("latency", took+", well within Alexa's 8 s")
	}
}

// discoverDirective is an Alexa.Discovery Discover directive carrying the
// token in its scope, as Alexa sends it.
func discoverDirective(token string) []byte {
	d := map[string]any{"directive": map[string]any{
		"header": map[string]any{
			"namespace":      "Alexa.Discovery",
			"name":           "Discover",
			"payloadVersion": "3",
			"messageId":      uuid.New(),
		},
		"payload": map[string]any{"scope": map[string]any{"type": "BearerToken", "token": token}},
	}}
	b, _ := json.Marshal(d)
	return b
}
