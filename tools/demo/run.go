package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/repocheck"
)

// Settings configures Run. The zero value runs dist/bootstrap of the
// repository around the working directory.
//
//   - Binary is the bootstrap executable to run; when the file does not
//     exist it is built there first (see BuildBootstrap). Empty:
//     <Root>/dist/bootstrap.
//   - Root is the repository root (the folder holding go.work), needed to
//     build a missing Binary and to look for Amazon's Alexa data. Empty:
//     the nearest such folder at or above the working directory.
//   - AlexaDir is a checkout of Amazon's Alexa data (github.com/alexa-samples/alexa-smarthome,
//     holding sample_messages and validation_schemas). Empty: found as the
//     tests find it, at LEE_ALEXA_DATA, else ../shared/alexa beside Root.
//     Without it the demo's own directives are sent and the answers are
//     checked by the project's rules alone; the report says so, and how to
//     supply the data.
//   - Timeout bounds each invocation, as the Lambda function timeout does.
//     Zero: 10s.
//   - Out receives the report. Nil: io.Discard.
type Settings struct {
	Binary   string
	Root     string
	AlexaDir string
	Timeout  time.Duration
	Out      io.Writer
}

const defaultTimeout = 10 * time.Second

// ErrInvalid is wrapped by Run's error when the function ran but an answer
// was missing, of the wrong kind, or not valid by the project's rules or
// Amazon's schema.
var ErrInvalid = errors.New("demo: not every answer is valid")

// Run performs the demo and writes its report to s.Out. It returns nil only
// when every directive got the expected answer, valid by the project's
// rules (alexa.CheckAnswer) and, where Amazon's schema is available, against
// it too.
func Run(ctx context.Context, s Settings) error {
	s, err := s.resolve()
	if err != nil {
		return err
	}
	if err := ensureBinary(ctx, s); err != nil {
		return err
	}
	data, err := loadAlexaData(s)
	if err != nil {
		return err
	}
	sim, err := hasim.Start(hasim.Settings{Tokens: []string{Token}}, hasim.DefaultAddr)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer sim.Close()
	fmt.Fprintf(s.Out, "LEE demo: function %s against the Home Assistant simulator's demo home at %s\n", s.Binary, sim.URL())
	fmt.Fprintln(s.Out, data.note)
	rt, err := harness.Start(ctx, harness.Settings{
		Binary:  s.Binary,
		Env:     []string{"HA_URL=" + sim.URL(), "LOG_LEVEL=info"},
		Timeout: s.Timeout,
	})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	failed := 0
	for _, st := range steps {
		if !runStep(ctx, s.Out, rt, st, data) {
			failed++
		}
	}
	closeErr := rt.Close()
	printLog(s.Out, rt.Stdout(), rt.Stderr())
	if closeErr != nil {
		return fmt.Errorf("demo: %w", closeErr)
	}
	if failed > 0 {
		fmt.Fprintf(s.Out, "\ndemo: %d of %d answers are not valid\n", failed, len(steps))
		return fmt.Errorf("%w: %d of %d failed", ErrInvalid, failed, len(steps))
	}
	fmt.Fprintf(s.Out, "\ndemo: all %d answers are valid %s\n", len(steps), data.verdictNote())
	return nil
}

// resolve fills in the defaults of Settings.
func (s Settings) resolve() (Settings, error) {
	if s.Out == nil {
		s.Out = io.Discard
	}
	if s.Timeout <= 0 {
		s.Timeout = defaultTimeout
	}
	if s.Root == "" {
		wd, err := os.Getwd()
		if err != nil {
			return s, fmt.Errorf("demo: %w", err)
		}
		root, err := repocheck.FindRoot(wd)
		switch {
		case err == nil:
			s.Root = root
		case s.Binary == "" || !exists(s.Binary):
			return s, fmt.Errorf("%w (run the demo inside the repository, or pass an existing bootstrap)", err)
		}
	}
	if s.Binary == "" {
		s.Binary = filepath.Join(s.Root, "dist", "bootstrap")
	}
	return s, nil
}

// ensureBinary builds the bootstrap when the file is missing.
func ensureBinary(ctx context.Context, s Settings) error {
	if exists(s.Binary) {
		return nil
	}
	if s.Root == "" {
		return fmt.Errorf("demo: %s does not exist and no repository root is known to build it from", s.Binary)
	}
	fmt.Fprintf(s.Out, "building %s (as make bootstrap does) ...\n", s.Binary)
	return BuildBootstrap(ctx, filepath.Join(s.Root, "function"), s.Binary)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
