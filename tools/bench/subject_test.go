package bench

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
)

func TestCheckAnswer(t *testing.T) {
	s := subject{name: "ours", wantName: "Response"}
	tests := []struct {
		name    string
		res     harness.Result
		wantErr string
	}{
		{"a relayed Response", harness.Result{Payload: []byte(`{"event":{"header":{"namespace":"Alexa","name":"Response"}}}`)}, ""},
		{"a function error", harness.Result{Error: &harness.FunctionError{Type: "Runtime.ExitError", Message: "boom"}}, "reported an error: Runtime.ExitError"},
		{"not JSON", harness.Result{Payload: []byte(`<html>`)}, "not JSON"},
		{
			"an ErrorResponse names its type and message",
			harness.Result{Payload: []byte(`{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse"},"payload":{"type":"BRIDGE_UNREACHABLE","message":"down"}}}`)},
			"answered Alexa.ErrorResponse (BRIDGE_UNREACHABLE: down), want Response",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.checkAnswer(&tt.res)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatal(err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestCheckAnswerHidesTheAnswer: the error never quotes the body, which can
// echo a token.
func TestCheckAnswerHidesTheAnswer(t *testing.T) {
	res := harness.Result{Payload: []byte(`{"event":{"header":{"name":"Other"},"endpoint":{"scope":{"token":"` + benchToken + `"}}}}`)}
	err := subject{name: "ours", wantName: "Response"}.checkAnswer(&res)
	if err == nil || strings.Contains(err.Error(), benchToken) {
		t.Fatalf("error %v", err)
	}
}

func TestTurnOnEvent(t *testing.T) {
	tests := []struct {
		name, token string
	}{
		{"with a token", benchToken},
		{"without a token", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := turnOnEvent(tt.token)
			if err != nil {
				t.Fatal(err)
			}
			var d struct {
				Directive struct {
					Header struct {
						Namespace, Name, PayloadVersion string
					}
					Endpoint struct {
						EndpointID string `json:"endpointId"`
						Scope      *struct{ Type, Token string }
					}
				}
			}
			if err := json.Unmarshal(b, &d); err != nil {
				t.Fatal(err)
			}
			h := d.Directive.Header
			if h.Namespace != "Alexa.PowerController" || h.Name != "TurnOn" || h.PayloadVersion != "3" || d.Directive.Endpoint.EndpointID != benchEndpoint {
				t.Errorf("directive = %s", b)
			}
			if tt.token == "" && d.Directive.Endpoint.Scope != nil {
				t.Errorf("a tokenless directive carries a scope: %s", b)
			}
			if tt.token != "" && (d.Directive.Endpoint.Scope == nil || d.Directive.Endpoint.Scope.Token != tt.token) {
				t.Errorf("scope missing: %s", b)
			}
		})
	}
}

// TestArchNames checks the names the report gives Go's architectures;
// harness's TestLambdaArch checks the names a build accepts.
func TestArchNames(t *testing.T) {
	tests := []struct {
		goarch, lambda string
	}{
		{goarch: "amd64", lambda: "x86_64"},
		{goarch: "arm64", lambda: "arm64"},
	}
	for _, tt := range tests {
		t.Run(tt.goarch, func(t *testing.T) {
			if got := lambdaArch(tt.goarch); got != tt.lambda {
				t.Errorf("lambdaArch(%q) = %q, want %q", tt.goarch, got, tt.lambda)
			}
		})
	}
}

func TestSettingsDefaults(t *testing.T) {
	s, err := Settings{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if s.N != DefaultN || s.Warm != DefaultWarm || s.MemoryMB != 128 {
		t.Errorf("defaults = %+v", s)
	}
	if !strings.HasSuffix(s.Binary, "/dist/bootstrap") || !strings.HasPrefix(s.Binary, s.Root) {
		t.Errorf("binary %q, root %q", s.Binary, s.Root)
	}
	s, err = Settings{Root: "/r", Binary: "b", N: 2, Warm: 5, MemoryMB: 256}.withDefaults()
	if err != nil || s.Root != "/r" || !strings.HasSuffix(s.Binary, "/b") || s.N != 2 || s.Warm != 5 || s.MemoryMB != 256 {
		t.Errorf("explicit settings = %+v, %v", s, err)
	}
}
