package main

import (
	"context"
	"log/slog"

	"github.com/lee-engine/lee/gateway"
)

// relay serves an Alexa Smart Home directive: Home Assistant's answer
// unchanged, or an ErrorResponse that keeps the directive's
// correlationToken and endpoint when Home Assistant cannot answer.
func (h *handler) relay(ctx context.Context, req *gateway.Request) ([]byte, error) {
	return h.relayAs(ctx, req, func(f failure) failure { return f })
}

// acceptGrant serves Alexa.Authorization AcceptGrant, relayed like any
// directive. Alexa accepts only one error answer to it, ACCEPT_GRANT_FAILED
// in the Alexa.Authorization namespace, so every failure becomes that one,
// keeping its message.
func (h *handler) acceptGrant(ctx context.Context, req *gateway.Request) ([]byte, error) {
	return h.relayAs(ctx, req, func(f failure) failure { return failure{gateway.AcceptGrantFailed, f.message} })
}

// relayAs is the Smart Home relay; answerAs turns a failure into the one
// the row answers with.
func (h *handler) relayAs(ctx context.Context, req *gateway.Request, answerAs func(failure) failure) ([]byte, error) {
	h.g.Count(ctx, gateway.MetricDirectives, 1)
	d := req.Directive
	fail := func(f failure) ([]byte, error) { return h.fail(ctx, d, answerAs(f)) }
	if req.Err != nil {
		return fail(failure{gateway.InvalidDirective, req.Err.Error()})
	}
	// The budget covers the fallback token's SSM read too: a stalled
	// Parameter Store must not hold the answer past Alexa's limit.
	bctx, cancel, ok := h.g.Budget(ctx)
	defer cancel()
	if !ok {
		return fail(failure{gateway.BridgeUnreachable, "no time was left before the Lambda deadline to call Home Assistant: raise the function's timeout"})
	}
	token, err := h.g.Token(bctx, req)
	if err != nil {
		h.g.LogWarn(ctx, "fallback token unavailable", slog.String("error", err.Error()))
		return fail(tokenFailure(err))
	}
	if token == "" {
		return fail(failure{gateway.InvalidAuthorizationCredential, "the directive carries no bearer token and no HA_TOKEN or HA_TOKEN_PARAMETER is configured: link the skill's account to Home Assistant"})
	}
	res, err := h.g.CallHomeAssistant(bctx, gateway.SmartHomePath, token, req.Raw)
	if err != nil {
		if unprepared(err) {
			h.g.LogWarn(ctx, "request to Home Assistant not prepared", slog.String("error", err.Error()))
		}
		return fail(transportFailure(err))
	}
	if f, bad := answerFailure(res); bad {
		return fail(f)
	}
	h.g.LogInfo(ctx, "directive relayed",
		slog.String("namespace", d.Header.Namespace), slog.String("name", d.Header.Name),
		slog.Int("status", res.Status), slog.Int64("latencyMs", res.Latency.Milliseconds()))
	return res.Body, nil
}

// fail builds, logs and counts the ErrorResponse for f.
func (h *handler) fail(ctx context.Context, d *gateway.Directive, f failure) ([]byte, error) {
	resp := gateway.NewErrorResponse(d, f.typ, f.message)
	h.g.Count(ctx, metricFor(f.typ), 1)
	h.g.LogWarn(ctx, "answered Alexa with an error",
		slog.String("namespace", d.Header.Namespace), slog.String("name", d.Header.Name),
		slog.String("errorType", string(f.typ)), slog.String("reason", f.message))
	return marshal(resp)
}
