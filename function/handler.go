package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/lee-engine/lee/gateway"
)

// handler answers every event Lambda delivers, through the gateway's
// dispatch table. It implements lambda.Handler on raw bytes so that Home
// Assistant's answer is returned byte for byte.
type handler struct {
	g     *gateway.Gateway
	table *gateway.Table
}

// newHandler builds the function's dispatch table over g.
func newHandler(g *gateway.Gateway) (*handler, error) {
	h := &handler{g: g}
	t, err := gateway.NewTable(h.rows()...)
	if err != nil {
		return nil, err
	}
	h.table = t
	return h, nil
}

// rows is LEE's dispatch table: one row per event kind, and one per Smart
// Home namespace with rules of its own. Each row says where its events
// carry the user's token; gateway.Token reads it from there.
func (h *handler) rows() []gateway.Row {
	return []gateway.Row{
		{Name: "warm-up", Kind: gateway.KindWarmup, Handle: h.warmup},
		{Name: "healthz", Kind: gateway.KindHTTP, Handle: h.http},
		{Name: "custom-skill", Kind: gateway.KindCustomSkill, Token: gateway.TokenSkillUser, Handle: h.customSkill},
		{Name: "relay", Kind: gateway.KindSmartHome, Token: gateway.TokenEndpointScope, Handle: h.relay},
		{Name: "discovery", Kind: gateway.KindSmartHome, Namespace: gateway.NamespaceDiscovery, Token: gateway.TokenPayloadScope, Handle: h.relay},
		{Name: "accept-grant", Kind: gateway.KindSmartHome, Namespace: gateway.NamespaceAuthorization, Token: gateway.TokenGrantee, Handle: h.acceptGrant},
	}
}

// Invoke answers one event.
func (h *handler) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return h.g.Invoke(ctx, h.table, payload)
}

// warmupAnswer is the whole answer to a scheduled warm-up event.
var warmupAnswer = []byte(`{"warmup":"ok","version":"` + Version + `"}`)

// warmup answers a scheduled warm-up event at once: its only purpose is to
// keep a sandbox warm.
func (h *handler) warmup(ctx context.Context, _ *gateway.Request) ([]byte, error) {
	h.g.LogDebug(ctx, "warm-up event")
	return warmupAnswer, nil
}

func marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("lee: encode answer: %w", err)
	}
	return b, nil
}
