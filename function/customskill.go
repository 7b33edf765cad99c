package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"unicode/utf8"

	"github.com/lee-engine/lee/gateway"
)

// Spoken apologies: short, and saying what the user can do.
const (
	sayUnreachable = "Sorry, I can't reach Home Assistant right now. Please try again in a moment."
	sayNotLinked   = "Sorry, your account isn't linked to Home Assistant. Please link it in the Alexa app."
	sayFailed      = "Sorry, Home Assistant couldn't handle that request."
)

// customSkill relays an Alexa custom-skill request to Home Assistant's
// /api/alexa and answers with a short spoken apology when that fails.
func (h *handler) customSkill(ctx context.Context, raw []byte) ([]byte, error) {
	h.g.RecordMetric(gateway.MetricCustomSkillRequests, 1)
	var req gateway.CustomSkillRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		// Alexa still needs an answer it can speak; the cause goes to the log.
		return h.speak(ctx, sayFailed, "the custom skill request could not be read: "+err.Error())
	}
	h.g.SetCorrelationID(req.Request.RequestID)
	bctx, cancel, ok, cut := budget(ctx, h.g.Config().Timeout)
	defer cancel()
	if !ok {
		return h.speak(ctx, sayUnreachable, "no time left before the Lambda deadline")
	}
	token := req.AccessToken()
	if token == "" {
		fallback, err := h.g.FallbackToken(bctx)
		if err != nil {
			h.g.LogWarn(ctx, "fallback token unavailable", slog.String("error", err.Error()))
		}
		token = fallback
	}
	if token == "" {
		return h.speak(ctx, sayNotLinked, "no access token in the request and no fallback token configured")
	}
	h.g.LogSecret(token)
	res, err := h.g.CallHomeAssistant(bctx, gateway.HARequest{Path: gateway.CustomSkillPath, Token: token, Body: raw, BudgetCut: cut})
	switch {
	case err != nil:
		return h.speak(ctx, sayUnreachable, err.Error())
	case res.Status == 401 || res.Status == 403:
		return h.speak(ctx, sayNotLinked, "Home Assistant refused the token")
	case res.Status != 200 || !isSkillResponse(res.Body):
		return h.speak(ctx, sayFailed, "Home Assistant's answer is not a skill response")
	}
	h.g.LogInfo(ctx, "custom skill request relayed",
		slog.String("type", req.Request.Type), slog.Int("status", res.Status),
		slog.Int64("latencyMs", res.Latency.Milliseconds()))
	return res.Body, nil
}

// speak answers with text and logs why.
func (h *handler) speak(ctx context.Context, text, reason string) ([]byte, error) {
	h.g.LogWarn(ctx, "custom skill request failed", slog.String("reason", reason))
	return marshal(gateway.NewSpeechResponse(text))
}

// isSkillResponse reports whether b is a JSON object with a "response"
// object, in valid UTF-8 (encoding/json would let other bytes through).
func isSkillResponse(b []byte) bool {
	var probe struct {
		Response json.RawMessage `json:"response"`
	}
	if !utf8.Valid(b) || json.Unmarshal(b, &probe) != nil {
		return false
	}
	return len(probe.Response) > 0 && probe.Response[0] == '{'
}
