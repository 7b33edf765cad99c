package alexa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"
)

// ErrShape is wrapped by every error of CheckShape and CheckAnswer.
var ErrShape = errors.New("not a well-formed Alexa event")

// The rules below are the project's own reading of Alexa's Smart Home API
// (payload version 3), written so that every answer can be judged without
// Amazon's schema: a fresh clone has no schema, and where it is at hand it
// is checked as well.
var (
	// messageIDForm is what Alexa accepts as a messageId.
	messageIDForm = regexp.MustCompile(`^[A-Za-z0-9-]{1,127}$`)
	// endpointIDForm is what Alexa accepts as an endpointId.
	endpointIDForm = regexp.MustCompile(`^[A-Za-z0-9_\-=#;:?@&]{1,256}$`)
)

// errorTypes lists the ErrorResponse types Alexa documents, per namespace;
// a namespace not listed here may use any non-empty type.
var errorTypes = map[string][]string{
	"Alexa": {
		"ALREADY_IN_OPERATION", "BRIDGE_UNREACHABLE", "CLOUD_CONTROL_DISABLED", "ENDPOINT_BUSY",
		"ENDPOINT_LOW_POWER", "ENDPOINT_UNREACHABLE", "EXPIRED_AUTHORIZATION_CREDENTIAL",
		"FIRMWARE_OUT_OF_DATE", "HARDWARE_MALFUNCTION", "INSUFFICIENT_PERMISSIONS", "INTERNAL_ERROR",
		"INVALID_AUTHORIZATION_CREDENTIAL", "INVALID_DIRECTIVE", "INVALID_VALUE", "NO_SUCH_ENDPOINT",
		"NOT_CALIBRATED", "NOT_SUPPORTED_IN_CURRENT_MODE", "NOT_IN_OPERATION", "POWER_LEVEL_NOT_SUPPORTED",
		"RATE_LIMIT_EXCEEDED", "TEMPERATURE_VALUE_OUT_OF_RANGE", "TOO_MANY_FAILED_ATTEMPTS", "VALUE_OUT_OF_RANGE",
	},
	"Alexa.Authorization": {"ACCEPT_GRANT_FAILED"},
	"Alexa.ThermostatController": {
		"REQUESTED_SETPOINTS_TOO_CLOSE", "THERMOSTAT_IS_OFF", "UNSUPPORTED_THERMOSTAT_MODE",
		"DUAL_SETPOINTS_UNSUPPORTED", "TRIPLE_SETPOINTS_UNSUPPORTED", "UNWILLING_TO_SET_SCHEDULE", "UNWILLING_TO_SET_VALUE",
	},
}

// shapeEvent is an Alexa event read strictly enough to judge it: a member
// of the wrong JSON type fails the decoding.
type shapeEvent struct {
	Event *struct {
		Header   *shapeHeader    `json:"header"`
		Endpoint *shapeEndpoint  `json:"endpoint"`
		Payload  json.RawMessage `json:"payload"`
	} `json:"event"`
	Context *struct {
		Properties []shapeProperty `json:"properties"`
	} `json:"context"`
}

type shapeHeader struct {
	Namespace        string `json:"namespace"`
	Name             string `json:"name"`
	PayloadVersion   string `json:"payloadVersion"`
	MessageID        string `json:"messageId"`
	CorrelationToken string `json:"correlationToken"`
}

type shapeEndpoint struct {
	EndpointID string            `json:"endpointId"`
	Cookie     map[string]string `json:"cookie"`
	Scope      *struct {
		Type  string `json:"type"`
		Token string `json:"token"`
	} `json:"scope"`
}

type shapeProperty struct {
	Namespace    string          `json:"namespace"`
	Name         string          `json:"name"`
	Value        json.RawMessage `json:"value"`
	TimeOfSample string          `json:"timeOfSample"`
	Uncertainty  *float64        `json:"uncertaintyInMilliseconds"`
}

// CheckShape reports the first rule of a Smart Home event msg breaks, nil
// when it keeps them all: an "event" with a header (namespace, name,
// payloadVersion "3", a valid messageId), an object payload, a valid
// endpoint when there is one, well-formed context properties, and the
// payload each kind of event needs (an ErrorResponse's type among Alexa's
// documented ones for its namespace, a Discover.Response's endpoints, a
// scene's cause and timestamp, an empty AcceptGrant.Response).
func CheckShape(msg []byte) error {
	ev, err := decodeShape(msg)
	if err != nil {
		return err
	}
	h := ev.Event.Header
	for _, check := range []func() error{
		func() error { return checkHeader(h) },
		func() error { return checkEndpoint(ev.Event.Endpoint) },
		func() error { return checkContext(ev, h) },
		func() error { return checkPayload(h, ev.Event.Payload, ev.Event.Endpoint != nil) },
	} {
		if err := check(); err != nil {
			return fmt.Errorf("%w: %s.%s: %w", ErrShape, h.Namespace, h.Name, err)
		}
	}
	return nil
}

func decodeShape(msg []byte) (*shapeEvent, error) {
	var ev shapeEvent
	dec := json.NewDecoder(bytes.NewReader(msg))
	if err := dec.Decode(&ev); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrShape, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the event object", ErrShape)
	}
	if ev.Event == nil || ev.Event.Header == nil {
		return nil, fmt.Errorf("%w: no event header", ErrShape)
	}
	return &ev, nil
}

func checkHeader(h *shapeHeader) error {
	switch {
	case h.Namespace == "" || h.Name == "":
		return errors.New("header without namespace or name")
	case h.PayloadVersion != "3":
		return fmt.Errorf("payloadVersion %q, want \"3\"", h.PayloadVersion)
	case !messageIDForm.MatchString(h.MessageID):
		return fmt.Errorf("messageId %q is not 1 to 127 letters, digits or '-'", h.MessageID)
	}
	return nil
}

func checkEndpoint(ep *shapeEndpoint) error {
	switch {
	case ep == nil:
		return nil
	case !endpointIDForm.MatchString(ep.EndpointID):
		return fmt.Errorf("endpointId %q is not a valid endpoint id", ep.EndpointID)
	case ep.Scope != nil && (ep.Scope.Type != "BearerToken" || ep.Scope.Token == ""):
		return errors.New("endpoint scope is not a BearerToken with a token")
	}
	return nil
}

func checkContext(ev *shapeEvent, h *shapeHeader) error {
	if ev.Context == nil {
		return nil
	}
	if h.Name == "ErrorResponse" {
		return errors.New("an ErrorResponse carries no context")
	}
	for i, p := range ev.Context.Properties {
		if p.Namespace == "" || p.Name == "" || len(p.Value) == 0 || string(p.Value) == "null" {
			return fmt.Errorf("context property %d lacks a namespace, name or value", i)
		}
		if _, err := time.Parse(time.RFC3339, p.TimeOfSample); err != nil {
			return fmt.Errorf("context property %s.%s: timeOfSample: %w", p.Namespace, p.Name, err)
		}
		if p.Uncertainty == nil || *p.Uncertainty < 0 {
			return fmt.Errorf("context property %s.%s: no uncertaintyInMilliseconds", p.Namespace, p.Name)
		}
	}
	return nil
}

// checkPayload checks the payload the kind of event h names needs.
func checkPayload(h *shapeHeader, raw json.RawMessage, hasEndpoint bool) error {
	var payload map[string]json.RawMessage
	if err := json.Unmarshal(raw, &payload); err != nil || payload == nil {
		return errors.New("payload is not an object")
	}
	switch {
	case h.Name == "ErrorResponse":
		return checkErrorPayload(h.Namespace, raw, hasEndpoint)
	case h.Namespace == "Alexa.Discovery" && h.Name == "Discover.Response":
		return checkDiscovery(raw, hasEndpoint)
	case h.Namespace == "Alexa.Authorization" && h.Name == "AcceptGrant.Response":
		if len(payload) != 0 || hasEndpoint {
			return errors.New("an AcceptGrant.Response has an empty payload and no endpoint")
		}
	case h.Namespace == "Alexa.SceneController":
		var p struct {
			Cause     struct{ Type string } `json:"cause"`
			Timestamp string                `json:"timestamp"`
		}
		if err := json.Unmarshal(raw, &p); err != nil || p.Cause.Type == "" {
			return errors.New("a scene answer needs a cause type")
		}
		if _, err := time.Parse(time.RFC3339, p.Timestamp); err != nil {
			return fmt.Errorf("timestamp: %w", err)
		}
	}
	return nil
}

func checkErrorPayload(namespace string, raw json.RawMessage, hasEndpoint bool) error {
	var p struct {
		Type    string  `json:"type"`
		Message *string `json:"message"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("error payload: %w", err)
	}
	allowed, known := errorTypes[namespace]
	switch {
	case p.Type == "":
		return errors.New("error payload without a type")
	case known && !slices.Contains(allowed, p.Type):
		return fmt.Errorf("error type %q is not one of %s's", p.Type, namespace)
	case p.Message == nil && namespace != "Alexa.ThermostatController":
		return errors.New("error payload without a message")
	case namespace == "Alexa.Authorization" && hasEndpoint:
		return errors.New("an AcceptGrant error has no endpoint")
	}
	return nil
}

// checkDiscovery checks each discovered endpoint has what Alexa shows and
// needs to control it.
func checkDiscovery(raw json.RawMessage, hasEndpoint bool) error {
	var p struct {
		Endpoints *[]struct {
			EndpointID        string   `json:"endpointId"`
			FriendlyName      string   `json:"friendlyName"`
			Description       string   `json:"description"`
			ManufacturerName  string   `json:"manufacturerName"`
			DisplayCategories []string `json:"displayCategories"`
			Capabilities      []struct {
				Type      string `json:"type"`
				Interface string `json:"interface"`
				Version   string `json:"version"`
			} `json:"capabilities"`
		} `json:"endpoints"`
	}
	if err := json.Unmarshal(raw, &p); err != nil || p.Endpoints == nil {
		return errors.New("a Discover.Response needs a list of endpoints")
	}
	if hasEndpoint {
		return errors.New("a Discover.Response has no event endpoint")
	}
	for _, ep := range *p.Endpoints {
		switch {
		case !endpointIDForm.MatchString(ep.EndpointID):
			return fmt.Errorf("discovered endpointId %q is not valid", ep.EndpointID)
		case ep.FriendlyName == "" || ep.Description == "" || ep.ManufacturerName == "":
			return fmt.Errorf("endpoint %s lacks a friendlyName, description or manufacturerName", ep.EndpointID)
		case len(ep.DisplayCategories) == 0 || len(ep.Capabilities) == 0:
			return fmt.Errorf("endpoint %s has no display category or no capability", ep.EndpointID)
		}
		for _, c := range ep.Capabilities {
			if c.Type != "AlexaInterface" || c.Interface == "" || c.Version == "" {
				return fmt.Errorf("endpoint %s: capability %+v is not an AlexaInterface with an interface and version", ep.EndpointID, c)
			}
		}
	}
	return nil
}

// CheckAnswer checks answer as CheckShape does and as the answer to
// directive: the directive's correlationToken kept (none when it has none),
// and, when the answer names an endpoint, the directive's endpointId, with
// its cookie when it is an ErrorResponse. The directive is read leniently,
// as a malformed one may be answered too: a member of the wrong JSON type
// reads as absent.
func CheckAnswer(directive, answer []byte) error {
	if err := CheckShape(answer); err != nil {
		return err
	}
	var d map[string]any
	if err := json.Unmarshal(directive, &d); err != nil {
		return fmt.Errorf("check answer: directive: %w", err)
	}
	header, _ := dig(d, "directive", "header").(map[string]any)
	correlation, _ := header["correlationToken"].(string)
	endpoint, _ := dig(d, "directive", "endpoint").(map[string]any)
	ev, _ := decodeShape(answer)
	h, ep := ev.Event.Header, ev.Event.Endpoint
	switch {
	case h.CorrelationToken != correlation:
		return fmt.Errorf("%w: correlationToken %q, want the directive's %q", ErrShape, h.CorrelationToken, correlation)
	case ep == nil:
		return nil
	case endpoint == nil || ep.EndpointID != endpoint["endpointId"]:
		return fmt.Errorf("%w: endpoint %q is not the directive's", ErrShape, ep.EndpointID)
	case h.Name == "ErrorResponse" && !sameCookie(ep.Cookie, endpoint["cookie"]):
		return fmt.Errorf("%w: the ErrorResponse's cookie %v is not the directive's %v", ErrShape, ep.Cookie, endpoint["cookie"])
	}
	return nil
}

// dig walks a decoded JSON value along object keys; nil when a step is
// missing or not an object.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// sameCookie reports whether an answer's cookie is the directive's (as
// decoded JSON; none and empty are the same).
func sameCookie(got map[string]string, want any) bool {
	w, _ := want.(map[string]any)
	if len(got) != len(w) {
		return false
	}
	for k, v := range got {
		if w[k] != v {
			return false
		}
	}
	return true
}
