package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// TestTokenLookup: the bearer token Home Assistant receives comes from the
// directive (endpoint scope, payload scope for Discovery, grantee for
// AcceptGrant), and the configured fallback only when the directive has
// none.
func TestTokenLookup(t *testing.T) {
	answer := fixtureFile(t, turnOnResponse)
	for _, tc := range tokenCases() {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", answer))
			cfg := baseConfig(ha.URL())
			cfg.Token = tc.fallback
			f := newFixture(t, cfg)
			event := editDirective(t, tc.sample, tc.edit)

			got := f.mustInvoke(t, event)

			if !bytes.Equal(got, answer) {
				t.Errorf("answer %s; want Home Assistant's answer unchanged", got)
			}
			reqs := ha.requests()
			if len(reqs) != 1 {
				t.Fatalf("Home Assistant received %d requests; want 1", len(reqs))
			}
			if reqs[0].auth != "Bearer "+tc.wantAuth {
				t.Errorf("Authorization %q; want %q", reqs[0].auth, "Bearer "+tc.wantAuth)
			}
			if !bytes.Equal(reqs[0].body, event) {
				t.Errorf("Home Assistant received %s; want the directive unchanged", reqs[0].body)
			}
		})
	}
}

// tokenCase is a directive and the token Home Assistant must receive for it.
type tokenCase struct {
	name     string
	sample   string
	edit     func(d map[string]any)
	fallback string // HA_TOKEN; "" for none
	wantAuth string
}

func tokenCases() []tokenCase {
	const (
		endpointTok = "endpoint-scope-token-1111"
		payloadTok  = "payload-scope-token-2222"
		granteeTok  = "grantee-token-3333"
	)
	setScope := func(obj map[string]any, typ, tok string) {
		obj["scope"] = map[string]any{"type": typ, "token": tok}
	}
	return []tokenCase{
		{name: "endpoint scope", sample: turnOnRequest, fallback: fallbackToken, wantAuth: endpointTok,
			edit: func(d map[string]any) { setScope(member(d, "endpoint"), "BearerToken", endpointTok) }},
		{name: "endpoint scope with partition", sample: turnOnRequest, fallback: fallbackToken, wantAuth: endpointTok,
			edit: func(d map[string]any) { setScope(member(d, "endpoint"), "BearerTokenWithPartition", endpointTok) }},
		{name: "endpoint scope wins over payload scope", sample: turnOnRequest, wantAuth: endpointTok,
			edit: func(d map[string]any) {
				setScope(member(d, "endpoint"), "BearerToken", endpointTok)
				setScope(member(d, "payload"), "BearerToken", payloadTok)
			}},
		{name: "payload scope of Discovery", sample: discoveryRequest, fallback: fallbackToken, wantAuth: payloadTok,
			edit: func(d map[string]any) { setScope(member(d, "payload"), "BearerToken", payloadTok) }},
		{name: "grantee of AcceptGrant", sample: grantRequest, fallback: fallbackToken, wantAuth: granteeTok,
			edit: func(d map[string]any) {
				member(d, "payload")["grantee"] = map[string]any{"type": "BearerToken", "token": granteeTok}
			}},
		{name: "no scope, fallback configured", sample: turnOnRequest, fallback: fallbackToken, wantAuth: fallbackToken,
			edit: func(d map[string]any) { delete(member(d, "endpoint"), "scope") }},
		{name: "empty scope token, fallback configured", sample: turnOnRequest, fallback: fallbackToken, wantAuth: fallbackToken,
			edit: func(d map[string]any) { setScope(member(d, "endpoint"), "BearerToken", "") }},
		{name: "scope of another type, fallback configured", sample: turnOnRequest, fallback: fallbackToken, wantAuth: fallbackToken,
			edit: func(d map[string]any) { setScope(member(d, "endpoint"), "ApiKey", endpointTok) }},
		{name: "Discovery without scope, fallback configured", sample: discoveryRequest, fallback: fallbackToken, wantAuth: fallbackToken,
			edit: func(d map[string]any) { delete(member(d, "payload"), "scope") }},
		{name: "AcceptGrant without grantee, fallback configured", sample: grantRequest, fallback: fallbackToken, wantAuth: fallbackToken,
			edit: func(d map[string]any) { delete(member(d, "payload"), "grantee") }},
	}
}

// TestTokenMissing: a directive without a token, with no fallback
// configured, is answered INVALID_AUTHORIZATION_CREDENTIAL (or, for an
// AcceptGrant, ACCEPT_GRANT_FAILED) without calling Home Assistant.
func TestTokenMissing(t *testing.T) {
	tests := []struct {
		name   string
		sample string
		edit   func(d map[string]any)
		want   wantError
	}{
		{name: "device directive", sample: turnOnRequest,
			edit: func(d map[string]any) { delete(member(d, "endpoint"), "scope") },
			want: wantError{"Alexa", "INVALID_AUTHORIZATION_CREDENTIAL", "HA_TOKEN"}},
		{name: "Discovery", sample: discoveryRequest,
			edit: func(d map[string]any) { delete(member(d, "payload"), "scope") },
			want: wantError{"Alexa", "INVALID_AUTHORIZATION_CREDENTIAL", "HA_TOKEN"}},
		{name: "AcceptGrant", sample: grantRequest,
			edit: func(d map[string]any) { delete(member(d, "payload"), "grantee") },
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
			cfg := baseConfig(ha.URL())
			cfg.Token = ""
			f := newFixture(t, cfg)
			event := editDirective(t, tc.sample, tc.edit)

			checkErrorAnswer(t, event, f.mustInvoke(t, event), tc.want)
			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests; want none without a token", n)
			}
		})
	}
}

// TestTokenParameterUnreadable: with HA_TOKEN_PARAMETER set and Parameter
// Store unreachable, a directive without a token falls back to HA_TOKEN
// when it is set, and is otherwise answered INTERNAL_ERROR naming
// HA_TOKEN_PARAMETER, without calling Home Assistant. A directive that
// carries its own token never needs Parameter Store.
func TestTokenParameterUnreadable(t *testing.T) {
	noScope := func(d map[string]any) { delete(member(d, "endpoint"), "scope") }
	keep := func(map[string]any) {}
	tests := []struct {
		name     string
		edit     func(d map[string]any)
		fallback string
		wantAuth string // "" when Home Assistant must not be called
	}{
		{"HA_TOKEN stands in", noScope, fallbackToken, fallbackToken},
		{"no HA_TOKEN", noScope, "", ""},
		{"directive token", keep, "", fixtureToken},
	}
	answer := fixtureFile(t, turnOnResponse)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", answer))
			cfg := baseConfig(ha.URL())
			cfg.Token = tc.fallback
			cfg.TokenParameter = "/lee/ha-token"
			unreachable := func(o *gateway.Options) {
				o.NewParameterClient = func(context.Context) (gateway.ParameterClient, error) {
					return nil, errors.New("test: no AWS credentials")
				}
			}
			f := newFixture(t, cfg, unreachable)
			event := editDirective(t, turnOnRequest, tc.edit)

			got := f.mustInvoke(t, event)

			reqs := ha.requests()
			if tc.wantAuth == "" {
				checkErrorAnswer(t, event, got, wantError{"Alexa", internal, "HA_TOKEN_PARAMETER"})
				if len(reqs) != 0 {
					t.Errorf("Home Assistant received %d requests; want none", len(reqs))
				}
				return
			}
			if !bytes.Equal(got, answer) || len(reqs) != 1 || reqs[0].auth != "Bearer "+tc.wantAuth {
				t.Errorf("answer %s after %d requests; want Home Assistant's answer to one request with %q", got, len(reqs), tc.wantAuth)
			}
		})
	}
}

// paramClient is a fake SSM client: it fails with err, or, when err is nil,
// blocks until the request's context ends.
type paramClient struct{ err error }

func (p paramClient) GetParameter(ctx context.Context, _ string) (string, error) {
	if p.err != nil {
		return "", p.err
	}
	<-ctx.Done()
	return "", fmt.Errorf("test SSM: %w", ctx.Err())
}

// TestTokenParameterFailures: each way the SSM read of the fallback token
// fails gets the Alexa error and the fix it calls for; a stall ends within
// the relay budget as BRIDGE_UNREACHABLE, and the SDK's text (here an ARN)
// stays out of the answer.
func TestTokenParameterFailures(t *testing.T) {
	const arn = "arn:aws:iam::123456789012:role/lee"
	tests := []struct {
		name string
		err  error
		want wantError
	}{
		{"stalls", nil, wantError{"Alexa", bridge, "time budget"}},
		{"not found", fmt.Errorf("%s: %w", arn, gateway.ErrParameterNotFound), wantError{"Alexa", internal, "does not exist"}},
		{"access denied", fmt.Errorf("%s: %w", arn, gateway.ErrAccessDenied), wantError{"Alexa", internal, "ssm:GetParameter"}},
		{"throttled", fmt.Errorf("%s: %w", arn, gateway.ErrThrottled), wantError{"Alexa", internal, "throttled"}},
		{"other", errors.New(arn + ": boom"), wantError{"Alexa", internal, "HA_TOKEN_PARAMETER"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", []byte(`{}`)))
			cfg := baseConfig(ha.URL())
			cfg.Token = ""
			cfg.TokenParameter = "/lee/ha-token"
			cfg.Timeout = 200 * time.Millisecond
			f := newFixture(t, cfg, func(o *gateway.Options) {
				o.NewParameterClient = func(context.Context) (gateway.ParameterClient, error) {
					return paramClient{tc.err}, nil
				}
			})
			event := editDirective(t, turnOnRequest, func(d map[string]any) { delete(member(d, "endpoint"), "scope") })
			got := f.mustInvoke(t, event)
			checkErrorAnswer(t, event, got, tc.want)
			if strings.Contains(string(got), arn) {
				t.Errorf("answer %s quotes the SDK's error text", got)
			}
			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests; want none", n)
			}
		})
	}
}
