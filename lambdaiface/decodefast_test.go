package lambdaiface

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// readDirectives reads every directive among the JSON files under root,
// keyed by path; fewer than least fails the test (the set would look
// incomplete).
func readDirectives(tb testing.TB, root string, least int) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(b, &top) == nil && top["directive"] != nil {
			out[path] = b
		}
		return nil
	})
	if err != nil || len(out) < least {
		tb.Fatalf("directives under %s: %d found, want %d: %v", root, len(out), least, err)
	}
	return out
}

// fixtureDirectives reads the project's own directives.
func fixtureDirectives(tb testing.TB) map[string][]byte {
	tb.Helper()
	return readDirectives(tb, filepath.Join("testdata", "smarthome"), 11)
}

// sampleDirectives reads every directive among Amazon's samples; the test
// skips without Amazon's data.
func sampleDirectives(tb testing.TB) map[string][]byte {
	tb.Helper()
	return readDirectives(tb, filepath.Join(needAmazonData(tb), "sample_messages"), 10)
}

// seedDirectives is every project directive and, when Amazon's data is at
// hand, every directive among its samples: the seeds of the fuzz targets.
func seedDirectives(tb testing.TB) map[string][]byte {
	tb.Helper()
	out := fixtureDirectives(tb)
	if dir := optionalAmazonData(tb); dir != "" {
		maps.Copy(out, readDirectives(tb, filepath.Join(dir, "sample_messages"), 10))
	}
	return out
}

// fataler is what checkAgainstChecked needs of *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// checkAgainstChecked fails unless DecodeDirective gives for body exactly
// what the encoding/json path gives, and the fast path, when it answers,
// gives the same directive.
func checkAgainstChecked(t fataler, body []byte) (fast bool) {
	t.Helper()
	want, wantErr := decodeChecked(body)
	got, ok := decodeFast(body)
	if ok && (wantErr != nil || !reflect.DeepEqual(got, want)) {
		t.Fatalf("fast decode of %q = %+v; the checked decode gives %+v, %v", body, got, want, wantErr)
	}
	d, err := DecodeDirective(body)
	if !reflect.DeepEqual(d, want) || (err == nil) != (wantErr == nil) {
		t.Fatalf("DecodeDirective(%q) = %+v, %v; want %+v, %v", body, d, err, want, wantErr)
	}
	if err != nil {
		var de, wantDE *DirectiveError
		if !errors.As(err, &de) || !errors.As(wantErr, &wantDE) || err.Error() != wantErr.Error() ||
			!reflect.DeepEqual(de.Header, wantDE.Header) || !reflect.DeepEqual(de.Endpoint, wantDE.Endpoint) {
			t.Fatalf("DecodeDirective(%q) error = %#v; want %#v", body, err, wantErr)
		}
	}
	return ok
}

// TestDecodeFastTakesFixtures checks that every directive of the project's
// fixtures takes the one-pass path and gives what encoding/json gives.
func TestDecodeFastTakesFixtures(t *testing.T) {
	checkFastPathTaken(t, fixtureDirectives(t))
}

// TestDecodeFastTakesSamples checks the same of Amazon's sample directives.
func TestDecodeFastTakesSamples(t *testing.T) {
	checkFastPathTaken(t, sampleDirectives(t))
}

func checkFastPathTaken(t *testing.T, directives map[string][]byte) {
	for name, body := range directives {
		t.Run(filepath.Base(name), func(t *testing.T) {
			if !checkAgainstChecked(t, body) {
				t.Errorf("%s took the encoding/json path", name)
			}
		})
	}
}

// oddDirectives are bodies where a naive scanner and encoding/json could
// disagree; fast says whether the one-pass path may answer.
var oddDirectives = []struct {
	name, body string
	fast       bool
}{
	{"plain", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"}}}`, true},
	{"spacing", " \n{ \"directive\" : { \"header\" : { \"namespace\" : \"A\" , \"name\" : \"B\" , \"payloadVersion\" : \"3\" , \"messageId\" : \"m\" } , \"payload\" : { } } }\t", true},
	{"letter case", `{"DIRECTIVE":{"Header":{"NameSpace":"A","NAME":"B","payloadversion":"3","MessageID":"m"},"ENDPOINT":{"EndpointId":"e","Scope":{"TYPE":"BearerToken","Token":"t"}}}}`, true},
	{"escaped strings", `{"directive":{"header":{"namespace":"A\"q","name":"caf\u00e9","payloadVersion":"\u0033","messageId":"a\/b","correlationToken":"x\\"}}}`, true},
	{"invalid UTF-8", "{\"directive\":{\"header\":{\"namespace\":\"A\xff\",\"name\":\"B\",\"payloadVersion\":\"3\",\"messageId\":\"m\"}}}", true},
	{"nulls", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m","correlationToken":null},"endpoint":{"endpointId":null,"scope":null,"cookie":null},"payload":null}}`, true},
	{"endpoint null", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":null}}`, true},
	{"cookie", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"endpointId":"e","cookie":{"k":"v","n":null,"k":"w","\u00e9":"x","":""}}}}`, true},
	{"empty cookie", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"endpointId":"e","cookie":{}}}}`, true},
	{"endpoint after payload", `{"directive":{"payload":{"a":[1,{"b":"}"}]},"endpoint":{"endpointId":"e"},"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"}}}`, true},
	{"unknown members", `{"x":{"directive":1},"directive":{"other":[],"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m","extra":{}}}}`, true},
	{"repeated header member", `{"directive":{"header":{"namespace":"A","namespace":"C","name":"B","payloadVersion":"3","messageId":"m"}}}`, false},
	{"repeated in another case", `{"directive":{"header":{"namespace":"A","Namespace":null,"name":"B","payloadVersion":"3","messageId":"m"}}}`, false},
	{"repeated scope", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"scope":{"type":"BearerToken","token":"a"},"scope":{"token":"b"}}}}`, false},
	{"repeated cookie", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"cookie":{"a":"1"},"cookie":{"b":"2"}}}}`, false},
	{"escaped member name", `{"directive":{"header":{"n\u0061mespace":"A","name":"B","payloadVersion":"3","messageId":"m"}}}`, false},
	{"long s folds to s", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"ſcope":{"type":"BearerToken","token":"t"}}}}`, false},
	{"kelvin sign folds to k", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"scope":{"type":"BearerToken","to\u212aen":"t"}}}}`, false},
	{"namespace a number", `{"directive":{"header":{"namespace":1,"name":"B","payloadVersion":"3","messageId":"m"}}}`, false},
	{"cookie value a number", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"cookie":{"a":1}}}}`, false},
	{"scope a string", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"endpoint":{"scope":"s"}}}`, false},
	{"payload an array", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"payload":[]}}`, false},
	{"payloadVersion 2", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"2","messageId":"m"},"endpoint":{"endpointId":"e"}}}`, false},
	{"no messageId", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3"}}}`, false},
	{"trailing garbage", `{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"}}} x`, false},
	{"not an object", `[{"directive":{}}]`, false},
}

// TestDecodeFastAgreesOnOddBodies checks the bodies where the two paths
// could disagree, and which of them the one-pass path may answer.
func TestDecodeFastAgreesOnOddBodies(t *testing.T) {
	for _, tt := range oddDirectives {
		t.Run(tt.name, func(t *testing.T) {
			if fast := checkAgainstChecked(t, []byte(tt.body)); fast != tt.fast {
				t.Errorf("one-pass path taken = %v; want %v", fast, tt.fast)
			}
		})
	}
}

// FuzzDecodeFast checks that the one-pass path never answers differently
// from encoding/json.
func FuzzDecodeFast(f *testing.F) {
	for _, body := range seedDirectives(f) {
		f.Add(body)
	}
	for _, tt := range oddDirectives {
		f.Add([]byte(tt.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkAgainstChecked(t, body)
	})
}

// oddGen draws the variations of genOddDirective from a seeded source, so
// that each is as rare as wanted (rapid's own draws favour small values);
// one in calm choices varies.
type oddGen struct {
	rng  *rand.Rand
	calm int
}

// rare reports whether this choice varies, and which of n variations.
func (g oddGen) rare(n int) (int, bool) {
	if g.rng.IntN(g.calm) != 0 {
		return 0, false
	}
	return g.rng.IntN(n), true
}

// key spells a member name the ways encoding/json accepts or may accept:
// as is, in other letter cases, with an escape, with the Unicode letters
// that fold to "s" and "k".
func (g oddGen) key(name string) string {
	v, ok := g.rare(4)
	switch {
	case !ok:
		return name
	case v == 0:
		return strings.ToUpper(name)
	case v == 1:
		return strings.ToUpper(name[:1]) + name[1:]
	case v == 2:
		return fmt.Sprintf(`\u%04x`, name[0]) + name[1:]
	}
	return strings.Replace(strings.Replace(name, "s", "ſ", 1), "k", "\u212a", 1)
}

// text draws a string field's value: usually usual, rarely escaped, empty,
// null, invalid UTF-8 or of another JSON type.
func (g oddGen) text(usual string) string {
	variants := [...]string{`null`, `""`, `7`, `{"a":"b"}`, `"esc\"aped\/\u00e9"`, "\"bad\xfe\"", `"\u0033"`, `"3"`}
	if v, ok := g.rare(len(variants)); ok {
		return variants[v]
	}
	b, _ := json.Marshal(usual)
	return string(b)
}

// object renders members (name, value; an empty value leaves the member
// out) in a shuffled order, rarely repeating one or adding an unknown one.
func (g oddGen) object(names, values []string) string {
	var members []string
	for i, name := range names {
		if values[i] == "" {
			continue
		}
		members = append(members, `"`+g.key(name)+`":`+values[i])
		if _, ok := g.rare(1); ok {
			members = append(members, `"`+g.key(name)+`":`+values[i])
		}
	}
	if _, ok := g.rare(1); ok {
		members = append(members, `"extra":[1,"}",{"header":{}}]`)
	}
	g.rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
	return "{" + strings.Join(members, ",") + "}"
}

// optional returns v, or rarely no member, null or a string instead.
func (g oddGen) optional(v string) string {
	variants := [...]string{"", "null", `"x"`}
	if i, ok := g.rare(len(variants)); ok {
		return variants[i]
	}
	return v
}

// genOddDirective draws a directive body with every member's spelling,
// order, repetition and type varied, more or less often, so that both
// paths are exercised.
func genOddDirective(t *rapid.T) []byte {
	g := oddGen{
		rng:  rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 0)),
		calm: rapid.SampledFrom([]int{3, 10, 40, 200}).Draw(t, "calm"),
	}
	header := g.object(headerFields[:], []string{
		g.text("Alexa.PowerController"), g.text("TurnOn"), g.text("3"), g.text("m-1"), g.text("c+/="),
	})
	scope := g.object(scopeFields[:], []string{g.text("BearerToken"), g.text("tok"), g.text("p"), g.text("u")})
	cookie := g.object([]string{"a", "b"}, []string{g.text("1"), g.text("")})
	endpoint := g.object(endpointFields[:], []string{g.optional(scope), g.text("light-1"), g.optional(cookie)})
	payload := `{"scope":` + scope + `}`
	directive := g.object(directiveFields[:], []string{header, g.optional(endpoint), g.optional(payload)})
	return []byte(g.object(envelopeFields[:], []string{directive}))
}

// TestDecodeFastProperty checks over generated directives that the
// one-pass path answers only when it agrees with encoding/json.
func TestDecodeFastProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkAgainstChecked(t, genOddDirective(t))
	})
}
