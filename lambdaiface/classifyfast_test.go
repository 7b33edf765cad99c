package lambdaiface

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// checkEventKeys fails unless the scanner finds, whenever it answers, the
// same top-level members as encoding/json, and Classify agrees with
// classifying encoding/json's members.
func checkEventKeys(t *testing.T, body []byte) (fast bool) {
	t.Helper()
	want, wantErr := eventKeysChecked(body)
	got, ok := eventKeysFast(body)
	if ok {
		same := wantErr == nil
		for i, pair := range [][2][]byte{
			{got.Directive, want.Directive}, {got.Request, want.Request}, {got.Version, want.Version},
			{got.RequestContext, want.RequestContext}, {got.Source, want.Source},
			{got.DetailType, want.DetailType}, {got.Warmup, want.Warmup},
		} {
			if !bytes.Equal(pair[0], pair[1]) {
				t.Errorf("member %s: scanner %q, encoding/json %q", eventFields[i], pair[0], pair[1])
				same = false
			}
		}
		if !same {
			t.Fatalf("scanner and encoding/json disagree on %q (encoding/json error: %v)", body, wantErr)
		}
	}
	kind, err := Classify(body)
	wantKind := KindUnknown
	if wantErr == nil {
		wantKind = kindOf(&want)
	}
	if kind != wantKind || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("Classify(%q) = %v, %v; want %v, %v", body, kind, err, wantKind, wantErr)
	}
	return ok
}

// oddEvents are events where the scanner and encoding/json could disagree;
// fast says whether the scanner may answer.
var oddEvents = []struct {
	name, body string
	fast       bool
}{
	{"directive", `{"directive":{}}`, true},
	{"letter case", `{"Directive":{},"VERSION":"2.0","RequestContext":{"http":{}},"Detail-Type":"x"}`, true},
	{"null members", `{"directive":null,"request":null,"warmup":null}`, true},
	{"warm-up", ` { "warmup" : true } `, true},
	{"scheduled", `{"source":"aws.events","detail-type":"Scheduled Event"}`, true},
	{"escaped value", `{"source":"aws.ev\u0065nts","detail-type":"Scheduled Event"}`, true},
	{"custom skill", `{"version":"1.0","request":{"type":"LaunchRequest"}}`, true},
	{"repeated member", `{"directive":{},"directive":null}`, false},
	{"repeated in another case", `{"warmup":true,"WARMUP":false}`, false},
	{"escaped name", `{"\u0064irective":{}}`, false},
	{"long s folds to s", `{"ſource":"aws.events","detail-type":"Scheduled Event"}`, false},
	{"non-ASCII unknown name", `{"é":1,"directive":{}}`, false},
	{"not an object", `[{"directive":{}}]`, false},
	{"null", `null`, false},
	{"invalid", `{"directive":{}`, false},
	{"trailing garbage", `{"directive":{}} {}`, false},
	{"empty", ``, false},
}

// TestEventKeysAgree checks the events where the two readings could
// disagree, and which of them the scanner answers.
func TestEventKeysAgree(t *testing.T) {
	for _, tt := range oddEvents {
		t.Run(tt.name, func(t *testing.T) {
			if fast := checkEventKeys(t, []byte(tt.body)); fast != tt.fast {
				t.Errorf("scanner answered = %v; want %v", fast, tt.fast)
			}
		})
	}
}

// FuzzEventKeys checks that the scanner never finds other top-level
// members than encoding/json.
func FuzzEventKeys(f *testing.F) {
	for _, tt := range oddEvents {
		f.Add([]byte(tt.body))
	}
	for _, body := range seedDirectives(f) {
		f.Add(body)
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
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkEventKeys(t, body)
	})
}
