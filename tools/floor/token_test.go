package main

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"
)

func TestBearerToken(t *testing.T) {
	tests := []struct {
		name, event, want string
	}{
		{"endpoint scope", `{"directive":{"endpoint":{"scope":{"type":"BearerToken","token":"e"}}}}`, "e"},
		{"payload scope", `{"directive":{"payload":{"scope":{"token":"p"}}}}`, "p"},
		{"grantee", `{"directive":{"payload":{"grantee":{"token":"g"}}}}`, "g"},
		{"endpoint first", `{"directive":{"endpoint":{"scope":{"token":"e"}},"payload":{"scope":{"token":"p"},"grantee":{"token":"g"}}}}`, "e"},
		{"scope before grantee", `{"directive":{"payload":{"scope":{"token":"p"},"grantee":{"token":"g"}}}}`, "p"},
		{"empty endpoint token falls through", `{"directive":{"endpoint":{"scope":{"token":""}},"payload":{"grantee":{"token":"g"}}}}`, "g"},
		{"none", `{"directive":{"header":{}}}`, ""},
		{"not JSON", `<html>`, ""},
		{"wrong type", `{"directive":{"endpoint":{"scope":{"token":5}}}}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := bearerToken([]byte(tc.event)); got != tc.want {
				t.Errorf("bearerToken = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBearerTokenProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		_ = bearerToken(rapid.SliceOf(rapid.Byte()).Draw(t, "junk"))

		token := rapid.StringN(1, 64, -1).Draw(t, "token")
		where := rapid.SampledFrom([]string{"endpoint", "scope", "grantee"}).Draw(t, "where")
		d := map[string]any{}
		switch where {
		case "endpoint":
			d["endpoint"] = map[string]any{"scope": map[string]any{"token": token}}
		case "scope":
			d["payload"] = map[string]any{"scope": map[string]any{"token": token}}
		case "grantee":
			d["payload"] = map[string]any{"grantee": map[string]any{"token": token}}
		}
		event, err := json.Marshal(map[string]any{"directive": d})
		if err != nil {
			t.Fatal(err)
		}
		if got := bearerToken(event); got != token {
			t.Fatalf("bearerToken(%s) = %q, want %q", event, got, token)
		}
	})
}
