package gateway

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// The project's own directives, written for these tests (Amazon's samples
// are a conformance layer elsewhere). Each carries its token where Alexa
// puts it for its kind: endpoint scope, Discovery's payload scope,
// AcceptGrant's grantee.
const (
	directiveToken = "directive-token-0b7e41f2"

	turnOnDirective = `{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOn",` +
		`"payloadVersion":"3","messageId":"msg-turnon-1","correlationToken":"corr-turnon-1"},` +
		`"endpoint":{"scope":{"type":"BearerToken","token":"` + directiveToken + `"},` +
		`"endpointId":"light#kitchen","cookie":{"entity":"light.kitchen"}},"payload":{}}}`

	discoveryDirective = `{"directive":{"header":{"namespace":"Alexa.Discovery","name":"Discover",` +
		`"payloadVersion":"3","messageId":"msg-discover-1"},` +
		`"payload":{"scope":{"type":"BearerToken","token":"` + directiveToken + `"}}}}`

	acceptGrantDirective = `{"directive":{"header":{"namespace":"Alexa.Authorization","name":"AcceptGrant",` +
		`"payloadVersion":"3","messageId":"msg-grant-1"},"payload":{"grant":{"type":"OAuth2.AuthorizationCode",` +
		`"code":"grant-code"},"grantee":{"type":"BearerToken","token":"` + directiveToken + `"}}}}`

	turnOnAnswer = `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3",` +
		`"messageId":"msg-answer-1","correlationToken":"corr-turnon-1"},"endpoint":{"endpointId":"light#kitchen"},` +
		`"payload":{}}}`
)

// directiveWith returns turnOnDirective with its token, messageId and
// correlationToken replaced, for tests that need many distinct directives.
func directiveWith(token, messageID, correlation string) string {
	return strings.NewReplacer(directiveToken, token, "msg-turnon-1", messageID, "corr-turnon-1", correlation).Replace(turnOnDirective)
}

// seen is what a fake Home Assistant received.
type seen struct {
	path, auth string
	body       []byte
}

// fakeHA is a Home Assistant on 127.0.0.1 that answers every request with
// answer and records what it received.
type fakeHA struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

func startFakeHA(t *testing.T, status int, answer string) *fakeHA {
	t.Helper()
	f := &fakeHA{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.reqs = append(f.reqs, seen{r.URL.Path, r.Header.Get("Authorization"), body})
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeHA) received() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

// relayTable is a table whose rows relay every event's raw bytes to Home
// Assistant with the token Token chooses, as the function does, and answer
// with Home Assistant's body; rows name the rows in the answer's place for
// the events the tests do not relay.
func relayTable(t testing.TB, g *Gateway) *Table {
	t.Helper()
	relay := func(ctx context.Context, req *Request) ([]byte, error) {
		if req.Err != nil {
			return []byte(`{"refused":"` + req.Row() + `"}`), nil
		}
		tok, err := g.Token(ctx, req)
		if err != nil {
			return nil, err
		}
		path := SmartHomePath
		if req.Kind == KindCustomSkill {
			path = CustomSkillPath
		}
		res, err := g.CallHomeAssistant(ctx, path, tok, req.Raw)
		if err != nil {
			return nil, err
		}
		return res.Body, nil
	}
	named := func(name string) Handler {
		return func(context.Context, *Request) ([]byte, error) { return []byte(`{"row":"` + name + `"}`), nil }
	}
	tbl, err := NewTable(
		Row{Name: "warm-up", Kind: KindWarmup, Handle: named("warm-up")},
		Row{Name: "healthz", Kind: KindHTTP, Handle: named("healthz")},
		Row{Name: "custom-skill", Kind: KindCustomSkill, Token: TokenSkillUser, Handle: relay},
		Row{Name: "relay", Kind: KindSmartHome, Token: TokenEndpointScope, Handle: relay},
		Row{Name: "discovery", Kind: KindSmartHome, Namespace: NamespaceDiscovery, Token: TokenPayloadScope, Handle: relay},
		Row{Name: "accept-grant", Kind: KindSmartHome, Namespace: NamespaceAuthorization, Token: TokenGrantee, Handle: relay},
	)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}
