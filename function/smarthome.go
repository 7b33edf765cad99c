package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// deadlineMargin is kept free before the Lambda deadline for what runs
// after Home Assistant's last byte: checking the answer (json.Valid and
// utf8.Valid over up to 6 MB) and handing it to the Runtime API. For a
// 6 MiB answer that is about 30 ms of CPU, about 0.4 s at the CPU share of
// a 128 MB function (7.2% of a vCPU); the margin is 2.5 times that, for a
// slower core and garbage collection.
// docs/RELIABILITY.md has the measurement.
const deadlineMargin = time.Second

// smartHome relays one Alexa Smart Home directive to Home Assistant and
// returns Home Assistant's answer unchanged, or an ErrorResponse that keeps
// the directive's correlationToken and endpoint when it cannot.
func (h *handler) smartHome(ctx context.Context, raw []byte) ([]byte, error) {
	h.g.RecordMetric(gateway.MetricDirectives, 1)
	d, err := gateway.DecodeDirective(raw)
	if err != nil {
		var de *gateway.DirectiveError
		if errors.As(err, &de) && de.Directive() != nil {
			return h.invalidDirective(ctx, de.Directive(), err.Error())
		}
		return nil, h.eventError(ctx, err)
	}
	h.g.SetCorrelationID(d.Header.MessageID)
	// The budget covers the fallback token's SSM read too: a stalled
	// Parameter Store must not hold the answer past Alexa's limit.
	bctx, cancel, ok, cut := budget(ctx, h.g.Config().Timeout)
	defer cancel()
	if !ok {
		return h.fail(ctx, d, failure{gateway.ErrBridgeUnreachable, "no time was left before the Lambda deadline to call Home Assistant: raise the function's timeout"})
	}
	token, err := h.token(bctx, d)
	if err != nil {
		h.g.LogWarn(ctx, "fallback token unavailable", slog.String("error", err.Error()))
		return h.fail(ctx, d, tokenFailure(err))
	}
	if token == "" {
		return h.fail(ctx, d, failure{gateway.ErrInvalidAuthorization, "the directive carries no bearer token and no HA_TOKEN or HA_TOKEN_PARAMETER is configured: link the skill's account to Home Assistant"})
	}
	res, err := h.g.CallHomeAssistant(bctx, gateway.HARequest{Path: gateway.SmartHomePath, Token: token, Body: raw, BudgetCut: cut})
	if err != nil {
		if unprepared(err) {
			h.g.LogWarn(ctx, "request to Home Assistant not prepared", slog.String("error", err.Error()))
		}
		return h.fail(ctx, d, transportFailure(err))
	}
	if f, bad := answerFailure(res); bad {
		return h.fail(ctx, d, f)
	}
	h.g.LogInfo(ctx, "directive relayed",
		slog.String("namespace", d.Header.Namespace), slog.String("name", d.Header.Name),
		slog.Int("status", res.Status), slog.Int64("latencyMs", res.Latency.Milliseconds()))
	return res.Body, nil
}

// token is the bearer token for d: the directive's own, else the configured
// fallback. The token is registered with the logger so no line can show it.
func (h *handler) token(ctx context.Context, d *gateway.Directive) (string, error) {
	tok, src := d.Token()
	if src == gateway.TokenNone || tok == "" {
		var err error
		if tok, err = h.g.FallbackToken(ctx); err != nil {
			return "", err
		}
	}
	h.g.LogSecret(tok)
	return tok, nil
}

// budget derives the relay's context: it ends at the earlier of the Lambda
// deadline less deadlineMargin and now + limit (HA_TIMEOUT). ok is false when
// that leaves no time at all; cut is true when the Lambda deadline, not
// limit, ends it, so that running out of it is not Home Assistant's fault
// (gateway.HARequest.BudgetCut).
func budget(ctx context.Context, limit time.Duration) (c context.Context, cancel context.CancelFunc, ok, cut bool) {
	end := time.Now().Add(limit)
	if dl, has := ctx.Deadline(); has && dl.Add(-deadlineMargin).Before(end) {
		end, cut = dl.Add(-deadlineMargin), true
	}
	c, cancel = context.WithDeadline(ctx, end)
	return c, cancel, time.Until(end) > 0, cut
}

// invalidDirective answers a directive that cannot be relayed; d holds
// what could be read of it (at least its header).
func (h *handler) invalidDirective(ctx context.Context, d *gateway.Directive, msg string) ([]byte, error) {
	h.g.SetCorrelationID(d.Header.MessageID)
	return h.fail(ctx, d, failure{gateway.ErrInvalidDirective, msg})
}

// fail builds, logs and counts the ErrorResponse for f.
func (h *handler) fail(ctx context.Context, d *gateway.Directive, f failure) ([]byte, error) {
	resp := h.g.ErrorResponse(d, f.typ, f.message)
	typ := string(f.typ)
	if d.IsAcceptGrant() {
		typ = string(gateway.ErrAcceptGrantFailed)
	}
	h.g.RecordMetric(metricFor(d, f.typ), 1)
	h.g.LogWarn(ctx, "answered Alexa with an error",
		slog.String("namespace", d.Header.Namespace), slog.String("name", d.Header.Name),
		slog.String("errorType", typ), slog.String("reason", f.message))
	return marshal(resp)
}
