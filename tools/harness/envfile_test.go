package harness

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestParseEnv(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr string
	}{
		{"plain", "A=1\nB=two words\n", []string{"A=1", "B=two words"}, ""},
		{"comments and blanks", "# c\n\n  A=1  \n", []string{"A=1"}, ""},
		{"export and quotes", "export A=\"x y\"\nB='z'\nC=\"unbalanced'\n", []string{"A=x y", "B=z", `C="unbalanced'`}, ""},
		{"value with =", "H={\"a\":\"b=c\"}", []string{`H={"a":"b=c"}`}, ""},
		{"empty value", "A=", []string{"A="}, ""},
		{"no =", "A=1\nsecret-token\n", nil, "line 2"},
		{"empty key", "=v", nil, "line 1"},
		{"space in key", "A B=1", nil, "line 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseEnv(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), "secret-token") {
					t.Error("the bad line's content leaked into the error")
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestParseEnvRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		keys := rapid.SliceOfNDistinct(rapid.StringMatching(`[A-Z_][A-Z0-9_]{0,15}`), 0, 8, rapid.ID).Draw(t, "keys")
		var file strings.Builder
		var want []string
		for _, k := range keys {
			v := rapid.StringMatching(`[!-~]([ -~]{0,30}[!-~])?`).Draw(t, "value")
			file.WriteString(k + "=\"" + v + "\"\n")
			want = append(want, k+"="+v)
		}
		got, err := ParseEnv(strings.NewReader(file.String()))
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("ParseEnv(%q) = %q, %v; want %q", file.String(), got, err, want)
		}
	})
}

func TestReadEnvFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lee.env")
	if err := os.WriteFile(path, []byte("HA_URL=http://127.0.0.1:8123\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ReadEnvFile(path)
	if err != nil || !slices.Equal(got, []string{"HA_URL=http://127.0.0.1:8123"}) {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := ReadEnvFile(path + ".missing"); err == nil {
		t.Error("missing file read without error")
	}
}
