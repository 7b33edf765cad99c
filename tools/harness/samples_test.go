package harness

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// sampleTree writes a folder laid out as Amazon's sample_messages, one
// subfolder per interface, and returns it.
func sampleTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{
		"PowerController/PowerController.TurnOn.request.json",
		"PowerController/PowerController.TurnOn.response.json",
		"Discovery/Discovery.request.json",
		"Discovery/Discovery.response.json",
		"Authorization/Authorization.AcceptGrant.request.json",
		"StateReport/ReportState.json",
	} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSampleDirFindsAmazonData checks SampleDir finds what the tests' own
// lookup finds, when Amazon's data is at hand.
func TestSampleDirFindsAmazonData(t *testing.T) {
	want := alexatest.SamplesDir(t)
	got, err := SampleDir(".")
	if err != nil || got != want {
		t.Errorf("SampleDir = %s, %v; want %s", got, err, want)
	}
}

func TestSampleDirWithoutData(t *testing.T) {
	t.Setenv(alexa.DataEnv, "")
	if _, err := SampleDir(t.TempDir()); !errors.Is(err, alexa.ErrNoData) {
		t.Errorf("SampleDir outside any workspace: %v, want ErrNoData", err)
	}
	t.Setenv(alexa.DataEnv, t.TempDir())
	if _, err := SampleDir(t.TempDir()); err == nil || errors.Is(err, alexa.ErrNoData) {
		t.Errorf("LEE_ALEXA_DATA naming a folder without the data: %v, want an error naming it", err)
	}
}

func TestSamplesListsRequests(t *testing.T) {
	samples, err := Samples(sampleTree(t))
	if err != nil {
		t.Fatal(err)
	}
	names := make(map[string]bool)
	for i, s := range samples {
		names[s.Name] = true
		if i > 0 && samples[i-1].Name >= s.Name {
			t.Errorf("not sorted: %s before %s", samples[i-1].Name, s.Name)
		}
		if _, err := os.Stat(s.Path); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
	for _, want := range []string{"PowerController.TurnOn", "Discovery", "Authorization.AcceptGrant"} {
		if !names[want] {
			t.Errorf("%s not listed", want)
		}
	}
	if names["PowerController.TurnOn.response"] || names["Discovery.response"] || names["ReportState"] {
		t.Error("responses or a file without the .request suffix listed as requests")
	}
	if _, err := Samples(t.TempDir()); err == nil {
		t.Error("Samples of an empty folder: no error")
	}
}

func TestFindSample(t *testing.T) {
	dir := sampleTree(t)
	tests := []struct {
		name     string
		wantFile string
		wantErr  error
	}{
		{"PowerController.TurnOn", "PowerController/PowerController.TurnOn.request.json", nil},
		{"Discovery", "Discovery/Discovery.request.json", nil},
		{"ReportState", "StateReport/ReportState.json", nil},
		{"NoSuch.Thing", "", fs.ErrNotExist},
		{"../etc/passwd", "", nil},
		{"*", "", nil},
		{"", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := FindSample(dir, tc.name)
			if tc.wantFile == "" {
				if err == nil {
					t.Fatalf("FindSample(%q) = %s, want an error", tc.name, got)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != filepath.Join(dir, tc.wantFile) {
				t.Errorf("FindSample(%q) = %s, %v", tc.name, got, err)
			}
		})
	}
}
