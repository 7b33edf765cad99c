package discoverylint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Errors for inputs that cannot be linted at all.
var (
	ErrNotJSON      = errors.New("input is not valid JSON")
	ErrUnrecognised = errors.New(`input is neither a Discover.Response ({"event": ...}), a payload ({"endpoints": [...]}) nor an endpoints array`)
)

// wrapperHeader is the header a bare endpoints array is given so that the
// schema's Discover.Response branch can validate it.
const wrapperHeader = `{"namespace":"Alexa.Discovery","name":"Discover.Response","payloadVersion":"3","messageId":"00000000-0000-0000-0000-000000000000"}`

// input is a document ready for the checks.
type input struct {
	// message is the whole Discover.Response as JSON, synthesised around a
	// bare array or payload, for schema validation.
	message []byte
	// endpoints are the raw endpoint objects; nil when there are none.
	endpoints []json.RawMessage
	// findings are the message-level problems found while reading.
	findings []Finding
}

// readInput recognises the three accepted shapes.
func readInput(data []byte) (input, error) {
	data = bytes.TrimSpace(data)
	if !json.Valid(data) {
		return input{}, ErrNotJSON
	}
	if len(data) > 0 && data[0] == '[' {
		return fromEndpoints(data, wrap(`{"endpoints":`+string(data)+`}`))
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return input{}, ErrUnrecognised
	}
	if event, ok := top["event"]; ok {
		return fromEvent(data, event)
	}
	if eps, ok := top["endpoints"]; ok {
		return fromEndpoints(eps, wrap(string(data)))
	}
	return input{}, ErrUnrecognised
}

// wrap puts a payload into a Discover.Response.
func wrap(payload string) []byte {
	return []byte(`{"event":{"header":` + wrapperHeader + `,"payload":` + payload + `}}`)
}

// fromEndpoints reads a JSON array of endpoints. An empty one is valid (a
// home without devices) but is almost always a mistake, so it is a warning.
func fromEndpoints(raw json.RawMessage, message []byte) (input, error) {
	in := input{message: message}
	if err := json.Unmarshal(raw, &in.endpoints); err != nil {
		in.findings = append(in.findings, messageFinding("payload.endpoints is not an array: Alexa discovers nothing; send \"endpoints\": [ ... ]"))
		return in, nil
	}
	if len(in.endpoints) == 0 {
		in.findings = append(in.findings, Finding{Severity: SeverityWarning, Index: -1, Message: noEndpoints})
	}
	return in, nil
}

// noEndpoints is the warning for an empty endpoints array.
const noEndpoints = "no endpoints: Alexa discovers no device; expose entities to Alexa in Home Assistant " +
	"(the filter under alexa: smart_home: in configuration.yaml: include_domains, include_entities)"

// fromEvent reads a full message and checks that it is a Discover.Response.
func fromEvent(message []byte, event json.RawMessage) (input, error) {
	var ev struct {
		Header struct {
			Namespace string `json:"namespace"`
			Name      string `json:"name"`
		} `json:"header"`
		Payload map[string]json.RawMessage `json:"payload"`
	}
	in := input{message: message}
	if err := json.Unmarshal(event, &ev); err != nil {
		in.findings = append(in.findings, messageFinding(fmt.Sprintf("event is malformed (%v): send an object with header and payload", err)))
		return in, nil
	}
	if ev.Header.Namespace != "Alexa.Discovery" || ev.Header.Name != "Discover.Response" {
		in.findings = append(in.findings, messageFinding(fmt.Sprintf(
			"header is %q/%q: a discovery answer must be namespace \"Alexa.Discovery\", name \"Discover.Response\"",
			ev.Header.Namespace, ev.Header.Name)))
	}
	eps, ok := ev.Payload["endpoints"]
	if !ok {
		in.findings = append(in.findings, messageFinding("payload has no endpoints: Alexa discovers nothing; send \"endpoints\": [ ... ] (an empty array when there are no devices)"))
		return in, nil
	}
	got, err := fromEndpoints(eps, message)
	got.findings = append(in.findings, got.findings...)
	return got, err
}

// messageFinding is an error about the message as a whole.
func messageFinding(msg string) Finding {
	return Finding{Severity: SeverityError, Index: -1, Message: msg}
}
