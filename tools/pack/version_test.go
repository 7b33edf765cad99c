package pack_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/lee-engine/lee/tools/pack"
)

func TestFunctionVersion(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    string
		wantErr error
	}{
		{"single const", "package main\n\nconst Version = \"0.1.0\"\n", "0.1.0", nil},
		{"const block", "package main\n\nconst (\n\tName = \"lee\"\n\tVersion = \"2.10.3-rc.1\"\n)\n", "2.10.3-rc.1", nil},
		{"raw string", "package main\n\nconst Version = `1.0.0`\n", "1.0.0", nil},
		{"var is not a constant", "package main\n\nvar Version = \"0.1.0\"\n", "", pack.ErrNoVersion},
		{"missing", "package main\n\nconst Name = \"lee\"\n", "", pack.ErrNoVersion},
		{"not a string", "package main\n\nconst Version = 3\n", "", pack.ErrNoVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "version.go")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := pack.FunctionVersion(path)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("FunctionVersion error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("FunctionVersion = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestFunctionVersionRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"not semantic", "package main\n\nconst Version = \"v1\"\n"},
		{"path characters", "package main\n\nconst Version = \"1.0.0/../x\"\n"},
		{"not Go", "this is not Go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "version.go")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			if v, err := pack.FunctionVersion(path); err == nil {
				t.Fatalf("FunctionVersion = %q, want an error", v)
			}
		})
	}
}

// TestFunctionVersionOfTheFunction reads the real function module, whose
// version names the packages lee builds.
func TestFunctionVersionOfTheFunction(t *testing.T) {
	path := filepath.Join("..", "..", "function", "version.go")
	v, err := pack.FunctionVersion(path)
	if err != nil {
		t.Fatalf("FunctionVersion(%s): %v", path, err)
	}
	if v == "" {
		t.Fatal("empty version")
	}
}
