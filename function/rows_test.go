package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// TestTableIsThePath: every invocation goes through the dispatch table.
// A row added for one namespace, as the gateway README's worked example
// does, is reached by that namespace's directives; every other directive
// keeps the relay row, and every row counts what it served.
func TestTableIsThePath(t *testing.T) {
	ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
	f := newFixture(t, baseConfig(ha.URL()))
	var scenes []string
	rows := append(f.h.rows(), gateway.Row{Name: "scenes", Kind: gateway.KindSmartHome, Namespace: "Alexa.SceneController",
		Token: gateway.TokenEndpointScope, Handle: func(ctx context.Context, req *gateway.Request) ([]byte, error) {
			tok, err := f.g.Token(ctx, req)
			scenes = append(scenes, req.Directive.Header.Name+" "+tok)
			return []byte(`{"scene":"served"}`), err
		}})
	table, err := gateway.NewTable(rows...)
	if err != nil {
		t.Fatal(err)
	}
	f.h.table = table
	scene := editDirective(t, turnOnRequest, func(d map[string]any) {
		member(d, "header")["namespace"] = "Alexa.SceneController"
		member(d, "header")["name"] = "Activate"
	})
	if got := f.mustInvoke(t, scene); string(got) != `{"scene":"served"}` {
		t.Fatalf("scene answer %s; want the new row's", got)
	}
	if got := f.mustInvoke(t, fixtureFile(t, turnOnRequest)); !json.Valid(got) || strings.Contains(string(got), "scene") {
		t.Fatalf("TurnOn answer %s; want the relay's", got)
	}
	if want := []string{"Activate " + fixtureToken}; fmt.Sprint(scenes) != fmt.Sprint(want) {
		t.Errorf("the new row served %v, want %v", scenes, want)
	}
	calls := map[string]uint64{}
	for _, r := range table.Routes() {
		calls[r.Name] = r.Calls
	}
	if calls["scenes"] != 1 || calls["relay"] != 1 || len(ha.requests()) != 1 {
		t.Errorf("rows served %v and Home Assistant %d requests; want one each", calls, len(ha.requests()))
	}
}

// TestRowsBuild: the function's table is a valid one, with a row for each
// event kind it answers and the namespaces with rules of their own.
func TestRowsBuild(t *testing.T) {
	f := newFixture(t, baseConfig("http://127.0.0.1:8123"))
	names := map[string]bool{}
	for _, r := range f.h.table.Routes() {
		names[r.Name] = true
	}
	for _, want := range []string{"warm-up", "healthz", "custom-skill", "relay", "discovery", "accept-grant"} {
		if !names[want] {
			t.Errorf("no row %q in %v", want, names)
		}
	}
	if _, err := gateway.NewTable(append(f.h.rows(), f.h.rows()[0])...); err == nil {
		t.Error("a table with a row twice was accepted")
	}
}

// TestSkillFallbackFailure: a custom skill request without a linked token,
// whose fallback token cannot be read from Parameter Store, is answered as
// a directive would be, by the same mapping: a stall is "can't reach", any
// other failure the general apology; Home Assistant is not called.
func TestSkillFallbackFailure(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"stalls", nil, sayUnreachable},
		{"access denied", fmt.Errorf("role: %w", gateway.ErrAccessDenied), sayFailed},
		{"other", errors.New("boom"), sayFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", skillAnswer))
			cfg := baseConfig(ha.URL())
			cfg.Token = ""
			cfg.TokenParameter = "/lee/ha-token"
			cfg.Timeout = 200 * time.Millisecond
			f := newFixture(t, cfg, func(o *gateway.Options) {
				o.NewParameterClient = func(context.Context) (gateway.ParameterClient, error) { return paramClient{tc.err}, nil }
			})
			got := f.mustInvoke(t, skillEvent(t, "", ""))
			var answer struct {
				Response struct {
					OutputSpeech struct{ Text string } `json:"outputSpeech"`
				} `json:"response"`
			}
			if err := json.Unmarshal(got, &answer); err != nil || answer.Response.OutputSpeech.Text != tc.want {
				t.Errorf("answer %s; want it to say %q", got, tc.want)
			}
			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests; want none", n)
			}
		})
	}
}
