package hasim

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lee-engine/lee/tools/internal/uuid"
)

// errMalformed marks a request body Home Assistant's Alexa views cannot
// read at all (not JSON, no directive or header, payloadVersion other than
// "3"): Home Assistant fails with an unhandled exception, which aiohttp
// answers with a plain-text 500.
var errMalformed = errors.New("malformed Alexa message")

// directive is the part of an Alexa Smart Home directive Home Assistant
// reads. The endpoint is kept verbatim because every answer echoes it.
type directive struct {
	namespace        string
	name             string
	messageID        string
	correlationToken string
	endpoint         json.RawMessage
	endpointID       string
	hasEndpointID    bool
	payload          map[string]any
}

func parseDirective(body []byte) (*directive, error) {
	var env struct {
		Directive *struct {
			Header   map[string]any  `json:"header"`
			Endpoint json.RawMessage `json:"endpoint"`
			Payload  json.RawMessage `json:"payload"`
		} `json:"directive"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("parse directive: %w: %w", errMalformed, err)
	}
	raw := env.Directive
	if raw == nil || raw.Header == nil || raw.Payload == nil {
		return nil, fmt.Errorf("parse directive: %w: no directive, header or payload", errMalformed)
	}
	if v, _ := raw.Header["payloadVersion"].(string); v != "3" {
		return nil, fmt.Errorf("parse directive: %w: payloadVersion is not \"3\"", errMalformed)
	}
	d := &directive{}
	var ok1, ok2 bool
	d.namespace, ok1 = raw.Header["namespace"].(string)
	d.name, ok2 = raw.Header["name"].(string)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("parse directive: %w: no namespace or name", errMalformed)
	}
	d.messageID, _ = raw.Header["messageId"].(string)
	d.correlationToken, _ = raw.Header["correlationToken"].(string)
	_ = json.Unmarshal(raw.Payload, &d.payload)
	if raw.Endpoint != nil {
		var ep map[string]any
		if err := json.Unmarshal(raw.Endpoint, &ep); err != nil || ep == nil {
			return nil, fmt.Errorf("parse directive: %w: endpoint is not an object", errMalformed)
		}
		d.endpoint = raw.Endpoint
		d.endpointID, d.hasEndpointID = ep["endpointId"].(string)
	}
	return d, nil
}

// alexaError is an error Home Assistant turns into an Alexa ErrorResponse
// of its own type; any other error becomes INTERNAL_ERROR "Unknown error".
type alexaError struct {
	namespace string
	kind      string
	message   string
	extra     map[string]any
}

func (e *alexaError) Error() string { return e.kind + ": " + e.message }

// eventHeader is the header of every event, in Home Assistant's field order.
type eventHeader struct {
	Namespace        string `json:"namespace"`
	Name             string `json:"name"`
	MessageID        string `json:"messageId"`
	PayloadVersion   string `json:"payloadVersion"`
	CorrelationToken string `json:"correlationToken,omitempty"`
}

type event struct {
	Header   eventHeader     `json:"header"`
	Endpoint json.RawMessage `json:"endpoint,omitempty"`
	Payload  any             `json:"payload"`
}

type alexaContext struct {
	Properties []property `json:"properties"`
}

// message is an Alexa event as Home Assistant sends it back to the skill.
type message struct {
	Event   event         `json:"event"`
	Context *alexaContext `json:"context,omitempty"`
}

// property is one reported state in a message's context.
type property struct {
	Name                      string `json:"name"`
	Namespace                 string `json:"namespace"`
	Value                     any    `json:"value"`
	TimeOfSample              string `json:"timeOfSample"`
	UncertaintyInMilliseconds int    `json:"uncertaintyInMilliseconds"`
}

// sampleTime formats t as Home Assistant's DATE_FORMAT
// ("%Y-%m-%dT%H:%M:%S.0Z"), used for timeOfSample and scene timestamps.
func sampleTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") + ".0Z" }

// response builds an event answering d, echoing its correlation token and
// endpoint as Home Assistant's AlexaDirective.response does.
func (d *directive) response(namespace, name string, payload any) *message {
	if payload == nil {
		payload = map[string]any{}
	}
	return &message{Event: event{
		Header: eventHeader{
			Namespace:        namespace,
			Name:             name,
			MessageID:        uuid.New(),
			PayloadVersion:   "3",
			CorrelationToken: d.correlationToken,
		},
		Endpoint: d.endpoint,
		Payload:  payload,
	}}
}

// errorResponse turns err into an ErrorResponse. Home Assistant always uses
// the Alexa namespace; an alexaError may name another one where the schema
// requires it.
func (d *directive) errorResponse(err error) *message {
	ae, ok := errors.AsType[*alexaError](err)
	if !ok {
		ae = &alexaError{kind: "INTERNAL_ERROR", message: "Unknown error"}
	}
	payload := map[string]any{"type": ae.kind, "message": ae.message}
	for k, v := range ae.extra {
		payload[k] = v
	}
	ns := ae.namespace
	if ns == "" {
		ns = "Alexa"
	}
	return d.response(ns, "ErrorResponse", payload)
}
