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

// addSeeds seeds a fuzz target with every project fixture, every sample
// message of Amazon's when at hand and every file of testdata/, through add.
func addSeeds(f *testing.F, add func(body []byte)) {
	f.Helper()
	for _, s := range seedMessages(f) {
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

// FuzzClassify checks that Classify never panics and fails exactly on
// bodies that are not a JSON object, which IsAlexaMessage never accepts.
func FuzzClassify(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, body []byte) {
		kind, err := lambdaiface.Classify(body)
		isObject := json.Valid(body) && strings.HasPrefix(strings.TrimLeft(string(body), " \t\r\n"), "{")
		if (err == nil) != isObject {
			t.Fatalf("Classify = %v, %v for a body that is an object: %v", kind, err, isObject)
		}
		if err != nil && kind != lambdaiface.KindUnknown {
			t.Fatalf("Classify returned kind %v with error %v", kind, err)
		}
		if lambdaiface.IsAlexaMessage(body) && !isObject {
			t.Fatalf("IsAlexaMessage accepted a body that is not a JSON object: %q", body)
		}
	})
}

// FuzzDecodeDirective checks that DecodeDirective never panics, that what
// it accepts obeys its rules and survives a round trip, and that what it
// refuses comes as a *DirectiveError.
func FuzzDecodeDirective(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := lambdaiface.DecodeDirective(body)
		if err != nil {
			var de *lambdaiface.DirectiveError
			if !errors.As(err, &de) || d != nil {
				t.Fatalf("DecodeDirective = %v, %v; want nil and a *DirectiveError", d, err)
			}
			return
		}
		h := d.Header
		if h.Namespace == "" || h.Name == "" || h.MessageID == "" || h.PayloadVersion != "3" {
			t.Fatalf("accepted header %+v", h)
		}
		if kind, err := lambdaiface.Classify(body); kind != lambdaiface.KindSmartHome || err != nil {
			t.Fatalf("accepted directive classifies as %v, %v", kind, err)
		}
		again, err := lambdaiface.DecodeDirective(mustMarshal(t, lambdaiface.Envelope{Directive: d}))
		if err != nil {
			t.Fatalf("re-encoded directive refused: %v", err)
		}
		tok1, src1 := d.Token()
		tok2, src2 := again.Token()
		if again.Header != h || tok1 != tok2 || src1 != src2 {
			t.Fatalf("round trip changed the directive: %+v → %+v", d, again)
		}
	})
}

// FuzzErrorResponse checks that the answer built for any decodable
// directive, or for the readable header of a refused one, keeps the
// project's ErrorResponse rules (and Amazon's schema, when at hand), stays
// under its size bound and never carries the directive's token.
func FuzzErrorResponse(f *testing.F) {
	sch := optionalSchema(f)
	var i uint8
	addSeeds(f, func(b []byte) {
		i++
		f.Add(b, i, "5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4", "Home Assistant returned 404")
	})
	f.Add([]byte(`{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":"[r"}}}}`), uint8(1), "", "[r[r")
	f.Fuzz(func(t *testing.T, body []byte, typ uint8, messageID, message string) {
		d, err := lambdaiface.DecodeDirective(body)
		var de *lambdaiface.DirectiveError
		if errors.As(err, &de) && de.Header != nil {
			d = &lambdaiface.Directive{Header: *de.Header}
		}
		types := slices.Concat(allErrorTypes, []lambdaiface.ErrorType{"UNKNOWN"})
		r := lambdaiface.NewErrorResponse(d, messageID, types[int(typ)%len(types)], message)
		out := mustMarshal(t, r)
		if err := checkErrorMessageWith(sch, out); err != nil {
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
		if tok, _ := d.Token(); tok != "" && strings.Contains(p.Message, tok) {
			t.Fatalf("message carries the token: %q", p.Message)
		}
	})
}
