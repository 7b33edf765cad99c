package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
)

// message is the part of an Alexa directive or event the tests look at.
type message struct {
	Header struct {
		Namespace        string `json:"namespace"`
		Name             string `json:"name"`
		MessageID        string `json:"messageId"`
		PayloadVersion   string `json:"payloadVersion"`
		CorrelationToken string `json:"correlationToken"`
	} `json:"header"`
	Endpoint *endpoint `json:"endpoint"`
	Payload  struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"payload"`
}

// endpoint is the part of a directive's or event's endpoint the tests read.
type endpoint struct {
	EndpointID string `json:"endpointId"`
}

func (m message) endpointID() string {
	if m.Endpoint == nil {
		return ""
	}
	return m.Endpoint.EndpointID
}

// decodeDirective reads the header strings and endpointId of a request's
// directive. It is lenient on purpose: malformed directives have members of
// the wrong type, and what cannot be read as a string counts as absent.
func decodeDirective(t *testing.T, raw []byte) message {
	t.Helper()
	var env map[string]any
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatalf("directive is not JSON: %v", err)
	}
	d, _ := env["directive"].(map[string]any)
	header, _ := d["header"].(map[string]any)
	str := func(m map[string]any, key string) string {
		s, _ := m[key].(string)
		return s
	}
	var m message
	m.Header.Namespace = str(header, "namespace")
	m.Header.Name = str(header, "name")
	m.Header.MessageID = str(header, "messageId")
	m.Header.PayloadVersion = str(header, "payloadVersion")
	m.Header.CorrelationToken = str(header, "correlationToken")
	if ep, ok := d["endpoint"].(map[string]any); ok {
		m.Endpoint = &endpoint{EndpointID: str(ep, "endpointId")}
	}
	return m
}

// decodeEvent reads the event of an answer.
func decodeEvent(t *testing.T, raw []byte) message {
	t.Helper()
	var env struct {
		Event *message `json:"event"`
	}
	if err := json.Unmarshal(raw, &env); err != nil || env.Event == nil {
		t.Fatalf("answer is not an Alexa event (%v): %s", err, raw)
	}
	return *env.Event
}

// wantError checks an ErrorResponse to request: its namespace and type,
// valid against the schema, with the directive's correlationToken and
// endpointId, a new messageId, and a message free of secrets. It returns the
// answer's message for further checks.
func wantError(t *testing.T, request []byte, res *harness.Result, namespace, typ string) string {
	t.Helper()
	body := payload(t, res)
	validate(t, request, body)
	d, ev := decodeDirective(t, request), decodeEvent(t, body)
	if got := ev.Header.Namespace + "/" + ev.Header.Name + " " + ev.Payload.Type; got != namespace+"/ErrorResponse "+typ {
		t.Errorf("answer is %s, want %s/ErrorResponse %s: %s", got, namespace, typ, body)
	}
	if ev.Header.CorrelationToken != d.Header.CorrelationToken {
		t.Errorf("correlationToken %q, want the directive's %q", ev.Header.CorrelationToken, d.Header.CorrelationToken)
	}
	if ev.endpointID() != d.endpointID() {
		t.Errorf("endpointId %q, want the directive's %q", ev.endpointID(), d.endpointID())
	}
	if ev.Header.MessageID == "" || ev.Header.MessageID == d.Header.MessageID {
		t.Errorf("messageId %q is not new (directive's: %q)", ev.Header.MessageID, d.Header.MessageID)
	}
	if strings.TrimSpace(ev.Payload.Message) == "" {
		t.Errorf("the ErrorResponse has no message telling what to fix: %s", body)
	}
	if leaked := leakedSecrets(body); len(leaked) > 0 {
		t.Errorf("the ErrorResponse shows the secrets %q: %s", leaked, body)
	}
	return ev.Payload.Message
}

// wantAnswer checks a successful answer to request: its kind, valid against
// the schema, with the directive's correlationToken.
func wantAnswer(t *testing.T, request, body []byte, namespace, name string) message {
	t.Helper()
	validate(t, request, body)
	d, ev := decodeDirective(t, request), decodeEvent(t, body)
	if got := ev.Header.Namespace + "/" + ev.Header.Name; got != namespace+"/"+name {
		t.Errorf("answer is %s, want %s/%s: %s", got, namespace, name, body)
	}
	if ev.Header.CorrelationToken != d.Header.CorrelationToken {
		t.Errorf("correlationToken %q, want the directive's %q", ev.Header.CorrelationToken, d.Header.CorrelationToken)
	}
	return ev
}

// edit decodes a request, lets change modify its directive object, and
// encodes it again.
func edit(t *testing.T, raw []byte, change func(d map[string]any)) []byte {
	t.Helper()
	var ev map[string]any
	if err := json.Unmarshal(raw, &ev); err != nil {
		t.Fatal(err)
	}
	d, ok := ev["directive"].(map[string]any)
	if !ok {
		t.Fatal("request has no directive object")
	}
	change(d)
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// object returns the object at key of m, creating it when missing.
func object(m map[string]any, key string) map[string]any {
	o, ok := m[key].(map[string]any)
	if !ok {
		o = map[string]any{}
		m[key] = o
	}
	return o
}

// withoutToken removes every bearer scope from a directive.
func withoutToken(d map[string]any) {
	delete(object(d, "endpoint"), "scope")
	p := object(d, "payload")
	delete(p, "scope")
	delete(p, "grantee")
	if len(object(d, "endpoint")) == 0 {
		delete(d, "endpoint")
	}
}

// withToken puts tok in the directive's endpoint scope.
func withToken(tok string) func(d map[string]any) {
	return func(d map[string]any) {
		object(object(d, "endpoint"), "scope")["token"] = tok
	}
}
