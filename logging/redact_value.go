package logging

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
)

// sensitiveWords are the key fragments whose attributes are never written:
// whatever a field called "apiKey" or "Authorization" holds, it is not for
// the log.
var sensitiveWords = [...]string{"token", "authorization", "password", "secret", "key", "cookie"}

// sensitiveKey reports whether key contains one of sensitiveWords, ignoring
// ASCII case.
func sensitiveKey(key string) bool {
	for _, w := range sensitiveWords {
		if containsFoldASCII(key, w) {
			return true
		}
	}
	return false
}

// redactAttr returns a with secrets removed from its key and value, and
// whether it changed. LogValuer values are resolved here (and reported as a
// change) so that what is checked is exactly what gets written.
func redactAttr(a slog.Attr, s *secretSet) (slog.Attr, bool) {
	key, changed := redactText(a.Key, s)
	if sensitiveKey(a.Key) {
		if !changed && a.Value.Kind() == slog.KindString && a.Value.String() == Redacted {
			return a, false
		}
		return slog.String(key, Redacted), true
	}
	v, vChanged := redactValue(a.Value, s)
	if !changed && !vChanged {
		return a, false
	}
	return slog.Attr{Key: key, Value: v}, true
}

// redactValue returns v with secrets removed and whether it changed.
func redactValue(v slog.Value, s *secretSet) (slog.Value, bool) {
	switch v.Kind() {
	case slog.KindString:
		if t, ok := redactText(v.String(), s); ok {
			return slog.StringValue(t), true
		}
	case slog.KindGroup:
		return redactGroup(v, s)
	case slog.KindLogValuer:
		r, _ := redactValue(v.Resolve(), s)
		return r, true
	case slog.KindAny:
		return redactAny(v, s)
	}
	return v, false
}

// redactGroup redacts every member of a group value; it copies the members
// only from the first one that changes.
func redactGroup(v slog.Value, s *secretSet) (slog.Value, bool) {
	attrs := v.Group()
	for i, a := range attrs {
		ra, changed := redactAttr(a, s)
		if !changed {
			continue
		}
		out := make([]slog.Attr, len(attrs))
		copy(out, attrs[:i])
		out[i] = ra
		for j := i + 1; j < len(attrs); j++ {
			out[j], _ = redactAttr(attrs[j], s)
		}
		return slog.GroupValue(out...), true
	}
	return v, false
}

// redactAny handles values that slog writes through encoding/json (or, for
// errors, through Error()). The value is rendered the way the JSON handler
// would render it and, for handlers that print with fmt, the way fmt would;
// when either rendering holds a secret, the value is replaced by a redacted
// rendering.
func redactAny(v slog.Value, s *secretSet) (slog.Value, bool) {
	x := v.Any()
	if x == nil {
		return v, false
	}
	if b, ok := x.([]byte); ok {
		// The JSON handler would write base64, hiding a secret from the
		// text checks but not from anyone decoding the line.
		if t, changed := redactText(string(b), s); changed {
			return slog.StringValue(t), true
		}
		return v, false
	}
	if err, ok := x.(error); ok {
		if _, marshals := x.(json.Marshaler); !marshals {
			t, changed := redactText(errorText(err), s)
			if changed {
				return slog.StringValue(t), true
			}
			return v, false
		}
	}
	data, err := marshalJSON(x)
	if err != nil {
		t, _ := redactText("!ERROR:"+err.Error(), s)
		return slog.StringValue(t), true
	}
	if out, changed := redactJSON(data, s); changed {
		return slog.AnyValue(json.RawMessage(out)), true
	}
	if t, changed := redactText(fmt.Sprintf("%+v", x), s); changed {
		return slog.StringValue(t), true
	}
	return v, false
}

// errorText returns err.Error(), or a fixed text when Error panics (a nil
// pointer receiver, for instance): a log call must never crash the function.
func errorText(err error) (text string) {
	defer func() {
		if recover() != nil {
			text = "!PANIC in Error()"
		}
	}()
	return err.Error()
}

// errMarshalPanic reports a value whose MarshalJSON panicked.
var errMarshalPanic = errors.New("value panicked while marshalling")

// marshalJSON encodes x as slog's JSON handler does (no HTML escaping),
// turning a panic into an error.
func marshalJSON(x any) (data []byte, err error) {
	defer func() {
		if recover() != nil {
			data, err = nil, errMarshalPanic
		}
	}()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// redactJSON decodes a JSON document, redacts its strings, keys and the
// members under sensitive keys, and re-encodes it when anything changed.
// Decoding first means escaped characters cannot hide a secret.
func redactJSON(data []byte, s *secretSet) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if dec.Decode(&tree) != nil {
		return nil, false
	}
	tree, changed := redactTree(tree, s)
	if !changed {
		return nil, false
	}
	out, err := marshalJSON(tree)
	if err != nil {
		return []byte(`"` + Redacted + `"`), true
	}
	return out, true
}

// redactTree walks a decoded JSON value, changing it in place.
func redactTree(x any, s *secretSet) (any, bool) {
	switch t := x.(type) {
	case string:
		return redactText(t, s)
	case []any:
		changed := false
		for i := range t {
			var c bool
			t[i], c = redactTree(t[i], s)
			changed = changed || c
		}
		return t, changed
	case map[string]any:
		return redactObject(t, s)
	}
	return x, false
}

// redactObject redacts the members of a decoded JSON object.
func redactObject(m map[string]any, s *secretSet) (any, bool) {
	out := make(map[string]any, len(m))
	changed := false
	for k, v := range m {
		key, kc := redactText(k, s)
		if sensitiveKey(k) {
			out[key] = Redacted
			changed = changed || kc || v != Redacted
			continue
		}
		nv, vc := redactTree(v, s)
		out[key] = nv
		changed = changed || kc || vc
	}
	return out, changed
}
