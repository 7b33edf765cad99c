package demo

import (
	"encoding/json"
	"testing"
)

// TestRetarget checks where the demo puts its endpoint and token.
func TestRetarget(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		endpoint string
		want     map[string]string // path → value
		wantErr  bool
	}{
		{
			name:     "endpoint directive",
			in:       `{"directive":{"endpoint":{"endpointId":"endpoint-001","scope":{"type":"BearerToken","token":"t"}},"payload":{}}}`,
			endpoint: "light#kitchen",
			want:     map[string]string{"endpoint.endpointId": "light#kitchen", "endpoint.scope.token": Token},
		},
		{
			name: "discovery scope",
			in:   `{"directive":{"payload":{"scope":{"type":"BearerToken","token":"t"}}}}`,
			want: map[string]string{"payload.scope.token": Token},
		},
		{
			name: "grantee",
			in:   `{"directive":{"payload":{"grantee":{"type":"BearerToken","token":"t"}}}}`,
			want: map[string]string{"payload.grantee.token": Token},
		},
		{name: "not JSON", in: `{"directive":`, wantErr: true},
		{name: "no directive", in: `{"event":{}}`, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := retarget([]byte(tc.in), tc.endpoint)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("retarget: no error, got %s", out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ev map[string]any
			if err := json.Unmarshal(out, &ev); err != nil {
				t.Fatal(err)
			}
			for path, want := range tc.want {
				if got := lookup(ev["directive"], path); got != want {
					t.Errorf("%s = %v, want %q", path, got, want)
				}
			}
		})
	}
}

// TestBuiltinEvents checks the built-in directives load and point at the
// demo home.
func TestBuiltinEvents(t *testing.T) {
	for _, st := range steps {
		t.Run(st.title, func(t *testing.T) {
			b, err := st.load("")
			if err != nil {
				t.Fatal(err)
			}
			var ev map[string]any
			if err := json.Unmarshal(b, &ev); err != nil {
				t.Fatal(err)
			}
			d := ev["directive"]
			if lookup(d, "header.payloadVersion") != "3" {
				t.Errorf("payloadVersion is not 3: %s", b)
			}
			if st.endpoint != "" && lookup(d, "endpoint.endpointId") != st.endpoint {
				t.Errorf("endpointId is not %s: %s", st.endpoint, b)
			}
		})
	}
}

func lookup(v any, path string) any {
	start := 0
	for i := 0; i <= len(path); i++ {
		if i < len(path) && path[i] != '.' {
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[path[start:i]]
		start = i + 1
	}
	return v
}
