package lambdaiface_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// addSeeds seeds a fuzz target with every project fixture and every file
// of testdata/, through add. (tools/conformance fuzzes NewErrorResponse
// from Amazon's samples, against Amazon's schema.)
func addSeeds(f *testing.F, add func(body []byte)) {
	f.Helper()
	for _, s := range loadFixtures(f) {
		add(s.data)
	}
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) == 0 {
		f.Fatalf("no testdata seeds: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(b)
	}
	for _, body := range []string{``, `null`, `[]`, `{}`, `{"directive":{"header":"x"}}`, `{"warmup":true}`} {
		add([]byte(body))
	}
}

// FuzzDecode checks that Decode never panics; that it refuses exactly the
// bodies that are not a JSON object, which IsAlexaMessage never accepts
// either; that an accepted directive obeys the rules and survives a round
// trip; and that a refused one comes as a *DirectiveError with what could
// be read.
func FuzzDecode(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, body []byte) {
		in, err := lambdaiface.Decode(body)
		isObject := json.Valid(body) && strings.HasPrefix(strings.TrimLeft(string(body), " \t\r\n"), "{")
		if (in != nil) != isObject || in == nil && !errors.Is(err, lambdaiface.ErrNotObject) {
			t.Fatalf("Decode = %+v, %v for a body that is an object: %v", in, err, isObject)
		}
		if lambdaiface.IsAlexaMessage(body) && !isObject {
			t.Fatalf("IsAlexaMessage accepted a body that is not a JSON object: %q", body)
		}
		if in == nil || in.Kind != lambdaiface.KindSmartHome {
			return
		}
		if err != nil {
			var de *lambdaiface.DirectiveError
			if !errors.As(err, &de) || (in.Directive != nil) != (de.Header != nil) {
				t.Fatalf("Decode = %+v, %v; want a *DirectiveError and the header when readable", in.Directive, err)
			}
			return
		}
		d := in.Directive
		h := d.Header
		if h.Namespace == "" || h.Name == "" || h.MessageID == "" || h.PayloadVersion != "3" {
			t.Fatalf("accepted header %+v", h)
		}
		again, err := decodeDirective(mustMarshal(t, map[string]any{"directive": d}))
		if err != nil {
			t.Fatalf("re-encoded directive refused: %v", err)
		}
		tok1, src1 := tokenOf(d)
		tok2, src2 := tokenOf(again)
		if again.Header != h || tok1 != tok2 || src1 != src2 {
			t.Fatalf("round trip changed the directive: %+v → %+v", d, again)
		}
	})
}

// FuzzErrorResponse checks that the answer built for any decodable
// directive, or for the readable header of a refused one, keeps the
// project's ErrorResponse rules, stays under its size bound and never
// carries the directive's token.
func FuzzErrorResponse(f *testing.F) {
	var i uint8
	addSeeds(f, func(b []byte) {
		i++
		f.Add(b, i, "Home Assistant returned 404")
	})
	f.Add([]byte(`{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":"[r"}}}}`), uint8(1), "[r[r")
	f.Fuzz(func(t *testing.T, body []byte, typ uint8, message string) {
		var d *lambdaiface.Directive
		if in, _ := lambdaiface.Decode(body); in != nil {
			d = in.Directive
		}
		types := slices.Concat(allErrorTypes, []lambdaiface.ErrorType{"UNKNOWN"})
		r := lambdaiface.NewErrorResponse(d, types[int(typ)%len(types)], message)
		out := mustMarshal(t, r)
		if err := checkErrorShape(out); err != nil {
			t.Fatalf("answer is not a valid ErrorResponse: %v\n%s", err, out)
		}
		if r.Event.Endpoint != nil && r.Event.Endpoint.Scope != nil {
			t.Fatalf("answer echoes the scope: %s", out)
		}
		if len(out) >= answerLimit {
			t.Fatalf("answer of %d bytes, over the %d bound", len(out), answerLimit)
		}
		var p struct{ Message string }
		if err := json.Unmarshal(r.Event.Payload, &p); err != nil {
			t.Fatal(err)
		}
		if tok, _ := tokenOf(d); tok != "" && strings.Contains(p.Message, tok) {
			t.Fatalf("message carries the token: %q", p.Message)
		}
	})
}
