package bench

import (
	"encoding/json"
	"fmt"
)

// benchToken is the long-lived token the simulated Home Assistant accepts.
// It is a test value, never a real credential, but it is still kept out of
// every output.
const benchToken = "lee-bench-token"

// benchEndpoint is a light of the simulator's demo home.
const benchEndpoint = "light#kitchen"

// turnOnEvent is an Alexa PowerController.TurnOn directive for the demo
// kitchen light, carrying token in endpoint.scope; with token "" it carries
// no scope, so the function must use its configured fallback token.
func turnOnEvent(token string) ([]byte, error) {
	endpoint := map[string]any{"endpointId": benchEndpoint, "cookie": map[string]any{}}
	if token != "" {
		endpoint["scope"] = map[string]any{"type": "BearerToken", "token": token}
	}
	d := map[string]any{"directive": map[string]any{
		"header": map[string]any{
			"namespace":        "Alexa.PowerController",
			"name":             "TurnOn",
			"payloadVersion":   "3",
			"messageId":        "5c1a7f8e-2b1e-4a57-9d0e-bench0000001",
			"correlationToken": "bench-correlation-token",
		},
		"endpoint": endpoint,
		"payload":  map[string]any{},
	}}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode TurnOn event: %w", err)
	}
	return b, nil
}
