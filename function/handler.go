package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/lee-engine/lee/gateway"
)

// handler answers every event Lambda delivers. It implements lambda.Handler
// on raw bytes so that Home Assistant's answer is returned byte for byte.
type handler struct {
	g *gateway.Gateway
	// builtAtInit is how many interfaces existed when init ended: zero unless
	// LEE_PRELOAD named some. The cold-start log line reports it.
	builtAtInit int
}

func newHandler(g *gateway.Gateway) *handler {
	return &handler{g: g, builtAtInit: g.Stats().Constructed}
}

// Invoke classifies the event and answers it. A panic anywhere below is
// turned into an error so that the process keeps serving.
func (h *handler) Invoke(ctx context.Context, payload []byte) (out []byte, err error) {
	requestID := ""
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		requestID = lc.AwsRequestID
	}
	if h.g.BeginInvocation(ctx, requestID) {
		snap := h.g.InitSnapshot()
		h.g.LogInfo(ctx, "cold start",
			slog.Int("interfacesBuiltAtInit", h.builtAtInit),
			slog.Float64("initMs", float64(snap.InitDuration.Microseconds())/1e3))
	}
	defer h.g.EndInvocation(ctx)
	defer func() {
		if r := recover(); r != nil {
			h.g.LogError(ctx, "invocation panicked", slog.String("panic", fmt.Sprint(r)), slog.String("stack", string(debug.Stack())))
			out, err = nil, errors.New("lee: internal error while handling the event (see the function's log)")
		}
	}()
	return h.dispatch(ctx, payload)
}

func (h *handler) dispatch(ctx context.Context, payload []byte) ([]byte, error) {
	if err := h.g.ValidateRequest(payload); err != nil {
		return h.rejected(ctx, payload, err)
	}
	kind, err := gateway.Classify(payload)
	if err != nil {
		return nil, h.eventError(ctx, fmt.Errorf("lee: event is not a JSON object: %w", err))
	}
	switch kind {
	case gateway.KindSmartHome:
		return h.smartHome(ctx, payload)
	case gateway.KindCustomSkill:
		return h.customSkill(ctx, payload)
	case gateway.KindHTTP:
		return h.http(ctx, payload)
	case gateway.KindWarmup:
		h.g.LogDebug(ctx, "warm-up event")
		return warmupAnswer, nil
	}
	return nil, h.eventError(ctx, errors.New("lee: unrecognised event: expected an Alexa directive, an Alexa skill request, a function URL request or a scheduled warm-up event"))
}

// warmupAnswer is the whole answer to a scheduled warm-up event.
var warmupAnswer = []byte(`{"warmup":"ok","version":"` + Version + `"}`)

// rejected answers an event that failed validation (too large, too deep,
// not JSON): INVALID_DIRECTIVE when a directive header can still be read,
// a Lambda error otherwise. Only the header and the endpoint's id and
// cookie are read: the event may be megabytes, and the answer repeats
// nothing else of it.
func (h *handler) rejected(ctx context.Context, payload []byte, cause error) ([]byte, error) {
	if d := gateway.ReadDirectiveHead(payload); d != nil {
		h.g.RecordMetric(gateway.MetricDirectives, 1)
		return h.invalidDirective(ctx, d, "the directive was refused: "+cause.Error())
	}
	return nil, h.eventError(ctx, fmt.Errorf("lee: event refused: %w", cause))
}

// eventError logs an event that gets no Alexa answer and returns err.
func (h *handler) eventError(ctx context.Context, err error) error {
	h.g.LogWarn(ctx, "event refused", slog.String("error", err.Error()))
	return err
}

func marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("lee: encode answer: %w", err)
	}
	return b, nil
}
