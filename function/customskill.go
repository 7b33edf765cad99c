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
func (h *handler) customSkill(ctx context.Context, req *gateway.Request) ([]byte, error) {
	h.g.Count(ctx, gateway.MetricCustomSkillRequests, 1)
	if req.Err != nil {
		// Alexa still needs an answer it can speak; the cause goes to the log.
		return h.speak(ctx, sayFailed, "the custom skill request could not be read: "+req.Err.Error())
	}
	bctx, cancel, ok := h.g.Budget(ctx)
	defer cancel()
	if !ok {
		return h.speak(ctx, sayUnreachable, "no time left before the Lambda deadline")
	}
	token, err := h.g.Token(bctx, req)
	if err != nil {
		// As for a directive: the fallback token could not be read, and
		// what the answer says follows the same mapping.
		h.g.LogWarn(ctx, "fallback token unavailable", slog.String("error", err.Error()))
		f := tokenFailure(err)
		if f.typ == gateway.BridgeUnreachable {
			return h.speak(ctx, sayUnreachable, f.message)
		}
		return h.speak(ctx, sayFailed, f.message)
	}
	if token == "" {
		return h.speak(ctx, sayNotLinked, "no access token in the request and no fallback token configured")
	}
	res, err := h.g.CallHomeAssistant(bctx, gateway.CustomSkillPath, token, req.Raw)
	switch {
	case err != nil:
		return h.speak(ctx, sayUnreachable, err.Error())
	case res.Status == 401 || res.Status == 403:
		return h.speak(ctx, sayNotLinked, "Home Assistant refused the token")
	case res.Status != 200 || !isSkillResponse(res.Body):
		return h.speak(ctx, sayFailed, "Home Assistant's answer is not a skill response")
	}
	h.g.LogInfo(ctx, "custom skill request relayed",
		slog.String("type", req.Skill.Request.Type), slog.Int("status", res.Status),
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
	return gateway.LeadingByte(probe.Response) == '{'
}
