package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/alexa"
)

// alexaData is what the demo found of Amazon's test data.
type alexaData struct {
	samplesDir string  // "" when the built-in directives are used
	schema     *Schema // nil when the schema check is skipped
	note       string  // one line telling the user which it is
}

// loadAlexaData looks for the sample messages and the schema in dir. Both
// missing is the bare-clone case and not an error; a schema that exists but
// does not compile is.
func loadAlexaData(dir string) (alexaData, error) {
	samples := filepath.Join(dir, "sample_messages")
	schemaPath := filepath.Join(dir, filepath.FromSlash(SchemaFile))
	if dir == "" || !exists(samples) || !exists(schemaPath) {
		return alexaData{note: fmt.Sprintf("note: Amazon's Alexa test data is not at %q: using built-in directives; the schema check is skipped", dir)}, nil
	}
	schema, err := LoadSchema(schemaPath)
	if err != nil {
		return alexaData{}, err
	}
	return alexaData{
		samplesDir: samples,
		schema:     schema,
		note:       "directives: Amazon's samples from " + samples + ", pointed at the demo home's endpoints",
	}, nil
}

func (d alexaData) verdictNote() string {
	if d.schema == nil {
		return " (schema check skipped: Amazon's schema not found)"
	}
	return " against Amazon's Smart Home schema"
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
	if data.schema == nil {
		fmt.Fprintln(out, "schema: not checked (Amazon's schema not found)")
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
