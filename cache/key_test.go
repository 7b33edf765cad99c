package cache

import (
	"errors"
	"strings"
	"testing"
)

func TestKeyRules(t *testing.T) {
	c, err := New(Settings{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	tests := []struct {
		name string
		key  string
		rule string // empty when the key is valid
	}{
		{"empty", "", "empty"},
		{"one byte", "k", ""},
		{"at the limit", strings.Repeat("k", MaxKeyLen), ""},
		{"over the limit", strings.Repeat("k", MaxKeyLen+1), "256 bytes, limit is 255"},
		{"multi-byte over the limit", strings.Repeat("é", 128), "256 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for op, err := range map[string]error{"set": c.Set(tt.key, 1, 0), "delete": c.Delete(tt.key)} {
				if tt.rule == "" {
					if err != nil {
						t.Fatalf("%s: unexpected error %v", op, err)
					}
					continue
				}
				if !errors.Is(err, ErrInvalidKey) {
					t.Fatalf("%s: error %v is not ErrInvalidKey", op, err)
				}
				msg := err.Error()
				if !strings.Contains(msg, tt.rule) || !strings.Contains(msg, "cache "+op) {
					t.Fatalf("%s: error %q does not name the operation and the rule %q", op, msg, tt.rule)
				}
				if tt.key != "" && strings.Contains(msg, tt.key) {
					t.Fatalf("%s: error %q quotes the key", op, msg)
				}
			}
		})
	}
}
