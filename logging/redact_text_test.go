package logging

import "testing"

func TestRedactText(t *testing.T) {
	secrets := newSecretSet([]string{"hunter22", "hunter2233", "abc"})
	tests := []struct {
		name, in, want string
	}{
		{"clean", "turn on the kitchen light", "turn on the kitchen light"},
		{"bearer", "Authorization: Bearer abc.DEF-123_~+/==", "Authorization: Bearer [REDACTED]"},
		{"bearer any case and tabs", "bearer\t\tq1w2e3", "bearer\t\t[REDACTED]"},
		{"bearer twice", "Bearer a, BEARER b", "Bearer [REDACTED], BEARER [REDACTED]"},
		{"bearer word alone", "no Bearer here", "no Bearer [REDACTED]"},
		{"bearer at end", "Bearer", "Bearer"},
		{"bearer without space", "Bearer:x", "Bearer:x"},
		{"already redacted", "Bearer [REDACTED]", "Bearer [REDACTED]"},
		{"jwt", "tok eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln done", "tok [REDACTED] done"},
		{"jwt without signature", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "[REDACTED]"},
		{"jwt glued to text", "xxeyJa.b.c.d", "xx[REDACTED].d"},
		{"jwt inside bearer", "Bearer eyJa.b.c", "Bearer [REDACTED]"},
		{"not a jwt: one dot", "eyJabc.def", "eyJabc.def"},
		{"not a jwt: empty payload", "eyJabc..def", "eyJabc..def"},
		{"second candidate", "eyJ.x eyJa.b.c", "eyJ.x [REDACTED]"},
		{"secret", "pw=hunter22!", "pw=[REDACTED]!"},
		{"longest secret first", "hunter2233", "[REDACTED]"},
		{"short value ignored", "abc", "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := redactText(tt.in, secrets)
			if got != tt.want {
				t.Fatalf("redactText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if changed != (tt.in != tt.want) {
				t.Fatalf("changed = %v for %q", changed, tt.in)
			}
		})
	}
}

func TestSensitiveKey(t *testing.T) {
	tests := map[string]bool{
		"token": true, "accessToken": true, "Authorization": true, "PASSWORD": true,
		"client_secret": true, "x-api-key": true, "Cookie": true, "set-cookie": true,
		"user": false, "msg": false, "requestId": false, "correlationId": false, "namespace": false,
	}
	for key, want := range tests {
		t.Run(key, func(t *testing.T) {
			if got := sensitiveKey(key); got != want {
				t.Fatalf("sensitiveKey(%q) = %v, want %v", key, got, want)
			}
		})
	}
}
