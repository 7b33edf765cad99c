package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/alexa"
)

// alexaData is what the demo found of Amazon's Alexa data.
type alexaData struct {
	samplesDir string  // "" when the demo's own directives are used
	schema     *Schema // nil when Amazon's schema is not at hand
	note       string  // one line telling the user which it is
}

// loadAlexaData finds Amazon's Alexa data: s.AlexaDir when set, else where
// the tests find it (alexa.FindData from s.Root). None is the fresh-clone
// case and not an error: the demo's own directives and the project's rules
// stand in. LEE_ALEXA_DATA naming a folder without the data is an error,
// and so is a schema that does not compile.
func loadAlexaData(s Settings) (alexaData, error) {
	dir, source := s.AlexaDir, "Settings.AlexaDir"
	if dir == "" {
		start := s.Root
		if start == "" {
			start = "."
		}
		d, err := alexa.FindData(start)
		switch {
		case errors.Is(err, alexa.ErrNoData):
			return ownData(alexa.DataEnv + " is unset and there is no ../shared/alexa beside the repository"), nil
		case err != nil:
			return alexaData{}, fmt.Errorf("demo: %w", err)
		}
		dir, source = d.Dir, d.Source
	}
	samples := filepath.Join(dir, alexa.SamplesFolder)
	schemaPath := filepath.Join(dir, filepath.FromSlash(SchemaFile))
	if !exists(samples) || !exists(schemaPath) {
		return ownData(fmt.Sprintf("not at %q", dir)), nil
	}
	schema, err := LoadSchema(schemaPath)
	if err != nil {
		return alexaData{}, err
	}
	return alexaData{
		samplesDir: samples,
		schema:     schema,
		note: fmt.Sprintf("Amazon's Alexa data: %s (from %s); directives: Amazon's samples, pointed at the demo home's endpoints; "+
			"answers checked by the project's rules and Amazon's Smart Home schema", dir, source),
	}, nil
}

// ownData is the demo without Amazon's data, for the reason why.
func ownData(why string) alexaData {
	return alexaData{note: "Amazon's Alexa data: " + why + "; directives: the demo's own; answers checked by the project's rules only (" +
		alexa.DataHint + " to check them against Amazon's schema too)"}
}

func (d alexaData) verdictNote() string {
	if d.schema == nil {
		return "by the project's rules (Amazon's schema not at hand)"
	}
	return "by the project's rules and against Amazon's Smart Home schema"
}

// runStep sends one directive, prints its answer and verdict, and reports
// whether the answer is valid.
func runStep(ctx context.Context, out io.Writer, rt *harness.Runtime, st step, data alexaData) bool {
	fmt.Fprintf(out, "\n== %s ==\n", st.title)
	ev, err := st.load(data.samplesDir)
	if err != nil {
		fmt.Fprintf(out, "FAILED: %v\n", err)
		return false
	}
	res, err := rt.Invoke(ctx, ev)
	switch {
	case err != nil:
		fmt.Fprintf(out, "FAILED: no answer: %v\n", err)
		return false
	case res.Error != nil:
		fmt.Fprintf(out, "FAILED: the function reported an error: %v\n", res.Error)
		return false
	}
	printJSON(out, res.Payload)
	ok := true
	if got := answerName(res.Payload); got != st.want {
		fmt.Fprintf(out, "FAILED: expected %s, got %s\n", st.want, got)
		ok = false
	}
	if err := alexa.CheckAnswer(ev, res.Payload); err != nil {
		fmt.Fprintf(out, "rules: INVALID: %v\n", err)
		ok = false
	} else {
		fmt.Fprintln(out, "rules: valid (the project's shape rules, correlationToken and endpoint kept)")
	}
	if data.schema == nil {
		fmt.Fprintln(out, "schema: not checked (Amazon's schema not at hand)")
		return ok
	}
	if err := data.schema.Validate(res.Payload); err != nil {
		fmt.Fprintf(out, "schema: INVALID\n%v\n", err)
		return false
	}
	fmt.Fprintln(out, "schema: valid")
	return ok
}

// answerName is "<namespace>/<name>" of an Alexa event's header.
func answerName(payload []byte) string {
	var msg alexa.Message
	if err := json.Unmarshal(payload, &msg); err != nil {
		return "a body that is not JSON"
	}
	return msg.Event.Header.Namespace + "/" + msg.Event.Header.Name
}

func printJSON(out io.Writer, b []byte) {
	var buf bytes.Buffer
	if err := json.Indent(&buf, b, "", "  "); err != nil {
		buf.Reset()
		buf.Write(b)
	}
	buf.WriteByte('\n')
	_, _ = out.Write(buf.Bytes())
}

// printLog writes what the function wrote: JSON log lines and EMF metric
// lines on stdout, anything else on stderr.
func printLog(out io.Writer, stdout, stderr []byte) {
	fmt.Fprintln(out, "\n== function log (stdout: JSON logs and EMF metrics) ==")
	_, _ = out.Write(stdout)
	if len(bytes.TrimSpace(stderr)) > 0 {
		fmt.Fprintln(out, "== function stderr ==")
		_, _ = out.Write(stderr)
	}
}
