package main

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/lee-engine/lee/gateway"
)

// health is the body of GET /healthz: enough to see that the function runs
// and which version, nothing about Home Assistant or its credentials.
type health struct {
	Status        string  `json:"status"`
	Version       string  `json:"version"`
	ColdStart     bool    `json:"coldStart"`
	Invocations   uint64  `json:"invocations"`
	UptimeSeconds float64 `json:"uptimeSeconds"`
}

// http answers a Lambda function URL or API Gateway HTTP API request.
func (h *handler) http(_ context.Context, in *gateway.Request) ([]byte, error) {
	req := in.HTTP
	path := req.RawPath
	if path == "" {
		path = req.RequestContext.HTTP.Path
	}
	if path != "/healthz" {
		return httpAnswer(http.StatusNotFound, `{"message":"not found"}`)
	}
	if m := req.RequestContext.HTTP.Method; m != http.MethodGet && m != http.MethodHead {
		return httpAnswer(http.StatusMethodNotAllowed, `{"message":"method not allowed"}`)
	}
	snap := h.g.InitSnapshot()
	body, err := json.Marshal(health{
		Status:        "ok",
		Version:       Version,
		ColdStart:     snap.ColdStart,
		Invocations:   snap.Invocations,
		UptimeSeconds: snap.Uptime.Seconds(),
	})
	if err != nil {
		return nil, err
	}
	return httpAnswer(http.StatusOK, string(body))
}

func httpAnswer(status int, body string) ([]byte, error) {
	return marshal(gateway.HTTPResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"},
		Body:       body,
	})
}
