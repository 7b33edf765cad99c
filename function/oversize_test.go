package main

import (
	"bytes"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// oversizeEvent is the largest event Lambda delivers (6 MiB); every '<' of
// it would grow to six bytes ("\u003c") if an answer repeated it.
const oversizeEvent = 6 << 20

// padTo replaces the placeholder pad in event by as many '<' as make the
// event oversizeEvent bytes long.
func padTo(tb testing.TB, event []byte, pad string) []byte {
	tb.Helper()
	n := oversizeEvent - len(event) + len(pad)
	out := bytes.Replace(event, []byte(pad), []byte(strings.Repeat("<", n)), 1)
	if len(out) != oversizeEvent {
		tb.Fatalf("padded event is %d bytes, want %d", len(out), oversizeEvent)
	}
	return out
}

// TestOversizeDirective: a directive of 6 MiB, refused by the size rule,
// is answered INVALID_DIRECTIVE with an answer that repeats nothing large
// of it (the cookie or the correlationToken are left out past their
// bounds) and is read without its payload being decoded.
func TestOversizeDirective(t *testing.T) {
	const pad = "LEE-PAD"
	tests := []struct {
		name string
		edit func(d map[string]any)
		// keepToken: the answer keeps the directive's correlationToken.
		keepToken bool
		// maxAlloc bounds the bytes the invocation may allocate: little
		// beyond the one member that must be decoded (the header, whose
		// correlationToken is 6 MiB in one case).
		maxAlloc uint64
	}{
		{name: "6 MiB cookie", keepToken: true, maxAlloc: 1 << 20, edit: func(d map[string]any) {
			member(d, "endpoint")["cookie"] = map[string]any{"padding": pad}
		}},
		{name: "6 MiB correlationToken", maxAlloc: oversizeEvent + 1<<20, edit: func(d map[string]any) {
			member(d, "header")["correlationToken"] = pad
		}},
		{name: "6 MiB payload", keepToken: true, maxAlloc: 1 << 20, edit: func(d map[string]any) {
			member(d, "payload")["padding"] = pad
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
			f := newFixture(t, baseConfig(ha.URL()))
			event := padTo(t, editDirective(t, turnOnRequest, tc.edit), pad)

			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			answer := f.mustInvoke(t, event)
			runtime.ReadMemStats(&after)

			if len(answer) >= 64<<10 {
				t.Fatalf("answer of %d bytes to a %d-byte directive, want under 64 KiB", len(answer), len(event))
			}
			got := checkErrorShape(t, answer)
			if got.Event.Payload.Type != "INVALID_DIRECTIVE" || got.Event.Payload.Message == nil || !strings.Contains(*got.Event.Payload.Message, "exceeds") {
				t.Errorf("answer %s, want INVALID_DIRECTIVE saying the size exceeds the limit", answer)
			}
			dh, endpointID := directiveIdentity(editDirective(t, turnOnRequest, func(map[string]any) {}))
			if tc.keepToken != (got.Event.Header.CorrelationToken == dh.CorrelationToken) {
				t.Errorf("answer correlationToken %.40q, kept: want %v", got.Event.Header.CorrelationToken, tc.keepToken)
			}
			if tc.name == "6 MiB cookie" {
				endpointID.Cookie = nil // past its bound, the cookie is left out
			}
			checkEndpointKept(t, got.Event.Endpoint, endpointID)
			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests", n)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > tc.maxAlloc {
				t.Errorf("the invocation allocated %d bytes for a %d-byte event, want at most %d", alloc, len(event), tc.maxAlloc)
			}
		})
	}
}
