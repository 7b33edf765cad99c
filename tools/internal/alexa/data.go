package alexa

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lee-engine/lee/tools/repocheck"
)

// DataEnv names the environment variable that points the tools and the
// conformance tests at Amazon's Alexa data: a checkout of
// github.com/alexa-samples/alexa-smarthome.
const DataEnv = "LEE_ALEXA_DATA"

// SamplesFolder is the folder of Amazon's sample messages inside the data,
// one subfolder per interface.
const SamplesFolder = "sample_messages"

// DataHint tells a user without the data how to supply it, in one line.
const DataHint = "set " + DataEnv + " to the absolute path of a checkout of github.com/alexa-samples/alexa-smarthome (folders sample_messages and validation_schemas)"

// ErrNoData reports that Amazon's Alexa data is nowhere to be found: the
// variable is unset and no shared/alexa folder sits beside the repository.
// It is the normal case of a fresh clone, not a failure.
var ErrNoData = errors.New("no Amazon Alexa data")

// errRelative reports a LEE_ALEXA_DATA that is not an absolute path.
var errRelative = errors.New("not an absolute path")

// Data is a folder of Amazon's Alexa data and where it was found.
type Data struct {
	// Dir holds sample_messages and validation_schemas.
	Dir string
	// Source says how Dir was found: "LEE_ALEXA_DATA" or
	// "../shared/alexa beside the repository".
	Source string
}

// SamplesDir is the folder of the sample messages.
func (d Data) SamplesDir() string { return filepath.Join(d.Dir, SamplesFolder) }

// SchemaPath is the path of the Smart Home message schema.
func (d Data) SchemaPath() string { return filepath.Join(d.Dir, filepath.FromSlash(SchemaFile)) }

// FindData looks for Amazon's Alexa data the way every test of the
// repository does: the folder named by LEE_ALEXA_DATA, else shared/alexa
// beside the repository root found from start (the folder holding go.work).
// It returns an error wrapping ErrNoData when there is neither, and another
// error when the folder it was pointed at lacks the data or LEE_ALEXA_DATA
// is not an absolute path (each package's tests run in their own folder,
// so a relative one would name a different folder for each), so that a
// wrong setting is reported instead of quietly skipping the suite.
func FindData(start string) (Data, error) {
	if dir, ok := os.LookupEnv("LEE_ALEXA_DATA"); ok && dir != "" {
		if !filepath.IsAbs(dir) {
			return Data{}, fmt.Errorf("find Alexa data: %s=%s: %w", DataEnv, dir, errRelative)
		}
		if err := checkData(dir); err != nil {
			return Data{}, fmt.Errorf("find Alexa data: %s=%s: %w", DataEnv, dir, err)
		}
		return Data{Dir: filepath.Clean(dir), Source: DataEnv}, nil
	}
	root, err := repocheck.FindRoot(start)
	if err != nil {
		return Data{}, fmt.Errorf("find Alexa data: %w: %w", ErrNoData, err)
	}
	shared := filepath.Join(filepath.Dir(root), "shared", "alexa")
	if _, err := os.Stat(shared); err != nil {
		return Data{}, fmt.Errorf("find Alexa data: %w (%s unset, no %s)", ErrNoData, DataEnv, shared)
	}
	if err := checkData(shared); err != nil {
		return Data{}, fmt.Errorf("find Alexa data: %s: %w", shared, err)
	}
	return Data{Dir: shared, Source: "../shared/alexa beside the repository"}, nil
}

// checkData reports what dir lacks of Amazon's data.
func checkData(dir string) error {
	for _, sub := range []string{SamplesFolder, filepath.FromSlash(SchemaFile)} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			return fmt.Errorf("not a checkout of Amazon's Alexa data: %w", err)
		}
	}
	return nil
}
