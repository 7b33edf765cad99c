package demo

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// builtin holds the directives used when Amazon's samples are not at hand.
//
//go:embed events/*.json
var builtin embed.FS

// Token is the bearer token the demo home accepts and the demo's directives
// carry. It protects nothing; it only lets the demo show the token path.
const Token = "lee-demo-token"

// kitchen is the demo home's kitchen light, as Home Assistant names
// endpoints ("<domain>#<object id>").
const kitchen = "light#kitchen"

// step is one directive of the demo and the answer it must get.
type step struct {
	title    string
	sample   string // path under sample_messages
	builtin  string // file under events/
	endpoint string // endpointId to point the directive at; "" for none
	want     string // "<namespace>/<name>" of the expected answer
}

// steps are the demo's directives in the order they are sent.
var steps = []step{
	{title: "Discovery", sample: "Discovery/Discovery.request.json", builtin: "events/discovery.json",
		want: "Alexa.Discovery/Discover.Response"},
	{title: "TurnOn (kitchen light)", sample: "PowerController/PowerController.TurnOn.request.json", builtin: "events/turnon.json",
		endpoint: kitchen, want: "Alexa/Response"},
	{title: "ReportState (kitchen light)", sample: "StateReport/ReportState.json", builtin: "events/reportstate.json",
		endpoint: kitchen, want: "Alexa/StateReport"},
}

// load reads the step's directive, from samplesDir when it is not empty,
// else from the built-in copy, and points it at the demo home.
func (s step) load(samplesDir string) ([]byte, error) {
	var raw []byte
	var err error
	if samplesDir != "" {
		raw, err = os.ReadFile(filepath.Join(samplesDir, filepath.FromSlash(s.sample)))
	} else {
		raw, err = builtin.ReadFile(s.builtin)
	}
	if err != nil {
		return nil, fmt.Errorf("demo: %s: %w", s.title, err)
	}
	ev, err := retarget(raw, s.endpoint)
	if err != nil {
		return nil, fmt.Errorf("demo: %s: %w", s.title, err)
	}
	return ev, nil
}

// retarget sets the directive's endpointId (when endpoint is not empty) and
// puts Token in every bearer scope it carries: the endpoint's, and the
// payload's scope or grantee.
func retarget(raw []byte, endpoint string) ([]byte, error) {
	var ev map[string]any
	if err := json.Unmarshal(raw, &ev); err != nil {
		return nil, fmt.Errorf("directive is not JSON: %w", err)
	}
	d, ok := ev["directive"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("no directive object")
	}
	if ep, ok := d["endpoint"].(map[string]any); ok {
		if endpoint != "" {
			ep["endpointId"] = endpoint
		}
		setToken(ep["scope"])
	}
	if p, ok := d["payload"].(map[string]any); ok {
		setToken(p["scope"])
		setToken(p["grantee"])
	}
	return json.Marshal(ev)
}

func setToken(scope any) {
	if m, ok := scope.(map[string]any); ok {
		m["token"] = Token
	}
}
