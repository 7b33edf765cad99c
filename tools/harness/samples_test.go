package harness

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// alexaDir is the shared Alexa test data, relative to this package: a
// fixed path, so that it checks SampleDir's search independently.
const alexaDir = "../../../shared/alexa"

// sampleDir finds the shared samples from this package, failing the test when
// they are missing.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir, err := SampleDir(".")
	if err != nil {
		t.Fatalf("the shared Alexa samples must be at %s/sample_messages: %v", alexaDir, err)
	}
	return dir
}

func TestSampleDirFindsTheSharedData(t *testing.T) {
	got := sampleDir(t)
	want, err := filepath.Abs(filepath.Join(alexaDir, "sample_messages"))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("SampleDir = %s, want %s", got, want)
	}
}

func TestSampleDirWithoutWorkspace(t *testing.T) {
	if _, err := SampleDir(t.TempDir()); err == nil {
		t.Error("SampleDir found samples outside any workspace")
	}
}

func TestSamplesListsRequests(t *testing.T) {
	samples, err := Samples(sampleDir(t))
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
	if names["PowerController.TurnOn.response"] || names["Discovery.response"] {
		t.Error("responses listed as requests")
	}
}

func TestFindSample(t *testing.T) {
	dir := sampleDir(t)
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
