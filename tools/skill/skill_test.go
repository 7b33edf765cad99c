package skill_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/skill"
)

// TestNewRefuses: each setting Alexa would refuse, or that would leave a
// language without a function Alexa calls, is one line naming the fix.
func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name  string
		s     skill.Settings
		is    error
		wants []string
	}{
		{"http", skill.Settings{HAURL: "http://ha.example.com"}, skill.ErrLinkingURL, []string{"is not https", "port 443"}},
		{"port", skill.Settings{HAURL: "https://ha.example.com:8123"}, skill.ErrLinkingURL, []string{"uses port 8123", "443"}},
		{"path", skill.Settings{HAURL: "https://ha.example.com/ha"}, skill.ErrLinkingURL, []string{"has the path /ha", "base URL only"}},
		{"api", skill.Settings{HAURL: "https://ha.example.com/api"}, skill.ErrLinkingURL, []string{"contains /api"}},
		{"api with slash", skill.Settings{HAURL: "https://ha.example.com/api/"}, skill.ErrLinkingURL, []string{"contains /api"}},
		{"user", skill.Settings{HAURL: "https://me:pw@ha.example.com"}, skill.ErrLinkingURL, []string{"user name or password"}},
		{"query", skill.Settings{HAURL: "https://ha.example.com/?a=b"}, skill.ErrLinkingURL, []string{"query or fragment"}},
		{"no host", skill.Settings{HAURL: "ha.example.com"}, skill.ErrLinkingURL, []string{"not a URL with a host"}},
		{"empty URL", skill.Settings{}, skill.ErrLinkingURL, []string{"not a URL with a host"}},
		{"not lambda", skill.Settings{HAURL: haURL, FunctionARN: "arn:aws:iam::123456789012:role/lee"}, skill.ErrARN, []string{"arn:aws:lambda:REGION"}},
		{"layer ARN", skill.Settings{HAURL: haURL, FunctionARN: "arn:aws:lambda:us-east-1:123456789012:layer:lee:1"}, skill.ErrARN, nil},
		{"other partition", skill.Settings{HAURL: haURL, FunctionARN: "arn:aws-cn:lambda:cn-north-1:123456789012:function:lee"}, skill.ErrARN, nil},
		{"region without Alexa", skill.Settings{HAURL: haURL, FunctionARN: "arn:aws:lambda:eu-central-1:123456789012:function:lee:live"}, skill.ErrARN,
			[]string{"eu-central-1", "us-east-1 (NA), eu-west-1 (EU), us-west-2 (FE)"}},
		{"regional ARN in the wrong region", skill.Settings{HAURL: haURL, FunctionARN: usARN, RegionARNs: map[string]string{"EU": feARN}}, skill.ErrARN,
			[]string{"regional endpoint EU", "is in us-west-2", "eu-west-1 only"}},
		{"regional ARN not lambda", skill.Settings{HAURL: haURL, FunctionARN: usARN, RegionARNs: map[string]string{"FE": "lee"}}, skill.ErrARN,
			[]string{"regional endpoint FE"}},
		{"unknown region", skill.Settings{HAURL: haURL, FunctionARN: usARN, RegionARNs: map[string]string{"AP": feARN}}, skill.ErrSettings,
			[]string{`"AP"`, "NA, EU or FE"}},
		{"region twice", skill.Settings{HAURL: haURL, FunctionARN: usARN, RegionARNs: map[string]string{"eu": euARN, "EU": euARN}}, skill.ErrSettings,
			[]string{"given twice"}},
		{"regional without default", skill.Settings{HAURL: haURL, RegionARNs: map[string]string{"EU": euARN}}, skill.ErrSettings,
			[]string{"needs a default endpoint"}},
		{"unsupported locale", skill.Settings{HAURL: haURL, Locales: []string{"sv-SE"}}, skill.ErrSettings,
			[]string{`"sv-SE"`, "ar-SA", "nl-NL"}},
		{"locale in another region than the function", skill.Settings{HAURL: haURL, FunctionARN: usARN, Locales: []string{"en-US", "de-DE"}}, skill.ErrSettings,
			[]string{"de-DE (German (DE))", "eu-west-1 only", "is in us-east-1", "--region-arn EU=ARN"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, err := skill.New(tc.s)
			if err == nil {
				t.Fatalf("accepted: %+v", k)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %q does not wrap %v", err, tc.is)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			for _, w := range tc.wants {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

// TestNewAccepts covers the forms a user may type that mean a valid skill.
func TestNewAccepts(t *testing.T) {
	tests := []struct {
		name string
		s    skill.Settings
		base string
	}{
		{"explicit 443 and trailing slash", skill.Settings{HAURL: " https://ha.example.com:443/ "}, "https://ha.example.com"},
		{"IPv6 host", skill.Settings{HAURL: "https://[2001:db8::1]"}, "https://[2001:db8::1]"},
		{"locale spelt loosely", skill.Settings{HAURL: haURL, Locales: []string{"de_de", "DE-DE"}}, haURL},
		{"unqualified ARN", skill.Settings{HAURL: haURL, FunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:lee"}, haURL},
		{"version and $LATEST", skill.Settings{HAURL: haURL, FunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:lee:$LATEST",
			RegionARNs: map[string]string{"eu": "arn:aws:lambda:eu-west-1:123456789012:function:lee:7"}}, haURL},
		{"Arabic and Dutch from Ireland", skill.Settings{HAURL: haURL, FunctionARN: euARN, Locales: []string{"ar-SA", "nl-NL"}}, haURL},
		{"every language with three endpoints", skill.Settings{HAURL: haURL, FunctionARN: usARN,
			RegionARNs: map[string]string{"EU": euARN, "FE": feARN}, Locales: allLocaleCodes()}, haURL},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, err := skill.New(tc.s)
			if err != nil {
				t.Fatal(err)
			}
			files, err := k.Files()
			if err != nil {
				t.Fatal(err)
			}
			var linking string
			for _, f := range files {
				if strings.HasPrefix(f.Name, "account-linking") {
					linking = string(f.Data)
				}
			}
			if !strings.Contains(linking, `"authorizationUrl": "`+tc.base+`/auth/authorize"`) {
				t.Errorf("account linking does not use %s:\n%s", tc.base, linking)
			}
		})
	}
}

func allLocaleCodes() []string {
	var codes []string
	for _, l := range skill.Locales() {
		codes = append(codes, l.Code)
	}
	return codes
}

// TestLocalesDeduplicated: a language given twice is one manifest locale.
func TestLocalesDeduplicated(t *testing.T) {
	k, err := skill.New(skill.Settings{HAURL: haURL, Locales: []string{"de-DE", "de_DE"}})
	if err != nil {
		t.Fatal(err)
	}
	files, err := k.Files()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(files[0].Data), `"de-DE"`); n != 1 {
		t.Errorf("de-DE appears %d times in the manifest:\n%s", n, files[0].Data)
	}
}

// TestWriteRemovesStaleLinkingFiles: rewriting a folder for fewer regions
// leaves no account-linking file of the earlier run to upload by mistake,
// and keeps files that are not its own.
func TestWriteRemovesStaleLinkingFiles(t *testing.T) {
	dir := t.TempDir()
	wide, err := skill.New(skill.Settings{HAURL: haURL, Locales: []string{"en-US", "de-DE"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wide.Write(dir); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	narrow, err := skill.New(skill.Settings{HAURL: haURL})
	if err != nil {
		t.Fatal(err)
	}
	paths, err := narrow.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 3 {
		t.Errorf("wrote %v, want the manifest, account-linking.json and the README", paths)
	}
	for _, gone := range []string{"account-linking-NA.json", "account-linking-EU.json"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s of the earlier run is still there (%v)", gone, err)
		}
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file that is not lee skill's was removed: %v", err)
	}
}

// TestWriteFails: a folder that cannot be created is an error, not a panic.
func TestWriteFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := skill.New(skill.Settings{HAURL: haURL})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.Write(filepath.Join(file, "skill")); err == nil || !strings.Contains(err.Error(), "write skill") {
		t.Fatalf("Write under a file: %v", err)
	}
}
