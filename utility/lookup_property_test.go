package utility

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// propertyKeys mixes ordinary names with ones that need escaping, a dotted
// name (never addressable) and digit names (object keys, not indices).
var propertyKeys = []string{"a", "b", "header", "", "0", "1", `q"k`, `back\slash`, "é", "a.b", "}"}

// jsonTree draws a random JSON value as the tree encoding/json would decode;
// containers come first in the choice so rapid's shrinking towards small
// choices still leaves nested documents to walk.
func jsonTree(depth int) *rapid.Generator[any] {
	return rapid.Custom(func(t *rapid.T) any {
		kind := rapid.IntRange(0, 9).Draw(t, "kind")
		if depth == 0 && kind < 5 {
			kind += 5
		}
		switch kind {
		case 0, 1, 2:
			return rapid.MapOfN(rapid.SampledFrom(propertyKeys), jsonTree(depth-1), 1, 5).Draw(t, "object")
		case 3, 4:
			return rapid.SliceOfN(jsonTree(depth-1), 1, 4).Draw(t, "array")
		case 5:
			return rapid.String().Draw(t, "string")
		case 6:
			return rapid.SampledFrom(propertyKeys).Draw(t, "word")
		case 7:
			return float64(rapid.IntRange(-1000, 1000).Draw(t, "number"))
		case 8:
			return rapid.Bool().Draw(t, "bool")
		default:
			return nil
		}
	})
}

// drawPath draws a path that mostly follows members and elements present in
// tree; it may end with one segment that is not there, or that steps into a
// scalar.
func drawPath(t *rapid.T, tree any) string {
	var segs []string
	for n := rapid.IntRange(0, 6).Draw(t, "length"); len(segs) < n; {
		var seg string
		switch node := tree.(type) {
		case map[string]any:
			keys := make([]string, 0, len(node))
			for k := range node {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			seg = rapid.SampledFrom(keys).Draw(t, "key")
			tree = node[seg]
		case []any:
			i := rapid.IntRange(0, len(node)-1).Draw(t, "index")
			seg, tree = strconv.Itoa(i), node[i]
		default:
			return strings.Join(append(segs, drawStray(t)), ".")
		}
		if rapid.IntRange(0, 9).Draw(t, "stray") == 7 {
			return strings.Join(append(segs, drawStray(t)), ".")
		}
		segs = append(segs, seg)
	}
	return strings.Join(segs, ".")
}

// drawStray draws a segment that may or may not exist where it is used.
func drawStray(t *rapid.T) string {
	return rapid.SampledFrom(append([]string{"2", "7", "00", "-1", ""}, propertyKeys...)).Draw(t, "stray segment")
}

// rootTree draws a document whose top level is an object, like every Alexa
// message.
func rootTree() *rapid.Generator[any] {
	return rapid.Custom(func(t *rapid.T) any {
		return rapid.MapOfN(rapid.SampledFrom(propertyKeys), jsonTree(3), 1, 6).Draw(t, "root")
	})
}

// referenceLookup walks a decoded tree with the same path rules as Lookup.
func referenceLookup(tree any, path string) (any, bool) {
	if path == "" {
		return tree, true
	}
	for _, seg := range strings.Split(path, ".") {
		switch node := tree.(type) {
		case map[string]any:
			v, ok := node[seg]
			if !ok {
				return nil, false
			}
			tree = v
		case []any:
			i, ok := parseIndex(seg, len(node))
			if !ok {
				return nil, false
			}
			tree = node[i]
		default:
			return nil, false
		}
	}
	return tree, true
}

// TestLookupMatchesDecoding checks Lookup against a full decode of random
// documents, written compactly or indented, along several random paths each.
func TestLookupMatchesDecoding(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		raw, err := json.Marshal(rootTree().Draw(t, "doc"))
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if rapid.Bool().Draw(t, "indent") {
			var buf bytes.Buffer
			if err := json.Indent(&buf, raw, " ", "\t"); err != nil {
				t.Fatalf("indent: %v", err)
			}
			raw = buf.Bytes()
		}
		var decoded any
		if err := json.Unmarshal(raw, &decoded); err != nil {
			t.Fatalf("unmarshal: %v", err)
		}
		for range 8 {
			checkPath(t, raw, decoded, drawPath(t, decoded))
		}
	})
}

// checkPath compares Lookup and LookupString with referenceLookup.
func checkPath(t *rapid.T, raw []byte, decoded any, path string) {
	want, wantOK := referenceLookup(decoded, path)
	got, ok := Lookup(raw, path)
	if ok != wantOK {
		t.Fatalf("Lookup(%s, %q) found=%v, reference found=%v", raw, path, ok, wantOK)
	}
	if !ok {
		return
	}
	var gotTree any
	if err := json.Unmarshal(got, &gotTree); err != nil {
		t.Fatalf("Lookup(%q) returned invalid JSON %q: %v", path, got, err)
	}
	if !reflect.DeepEqual(gotTree, want) {
		t.Fatalf("Lookup(%s, %q) = %s, reference %v", raw, path, got, want)
	}
	s, isString := want.(string)
	gotS, okS := LookupString(raw, path)
	if okS != isString || gotS != s {
		t.Fatalf("LookupString(%q) = %q, %v; reference %q, %v", path, gotS, okS, s, isString)
	}
}

// TestLookupArbitraryInput feeds arbitrary and truncated bytes: Lookup must
// never panic and must refuse anything that is not valid JSON.
func TestLookupArbitraryInput(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var raw []byte
		if rapid.Bool().Draw(t, "truncate") {
			full, err := json.Marshal(jsonTree(2).Draw(t, "doc"))
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			raw = full[:rapid.IntRange(0, len(full)).Draw(t, "cut")]
		} else {
			raw = rapid.SliceOf(rapid.SampledFrom([]byte(`{}[]",:\ 0a1.eE-tnul`))).Draw(t, "bytes")
		}
		path := rapid.SampledFrom([]string{"", "a", "0", "a.0", "a.b.c"}).Draw(t, "path")
		_, ok := Lookup(raw, path)
		_, okS := LookupString(raw, path)
		if !json.Valid(raw) && (ok || okS) {
			t.Fatalf("Lookup(%q, %q) accepted invalid JSON", raw, path)
		}
	})
}
