package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/lee-engine/lee/tools/discoverylint"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/cli"
)

func init() {
	register("discovery-lint", "check a Discover.Response for what makes Alexa drop devices", runDiscoveryLint)
}

// runDiscoveryLint runs `lee discovery-lint [--schema PATH] [--root DIR]
// [--json] FILE`. Exit 0 only when no finding is an error; 2 when the input
// or the schema cannot be read.
func runDiscoveryLint(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee discovery-lint", "lee discovery-lint [--schema PATH] [--root DIR] [--json] FILE")
	schema := fs.String("schema", "", "Alexa Smart Home message schema (default: the one in Amazon's Alexa data at $LEE_ALEXA_DATA, else in ../shared/alexa beside the repository)")
	root := fs.String("root", "", "repository root to look for ../shared/alexa from (default: the nearest folder above the working directory holding go.work)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() != 1 {
		return cli.Usage(fs, stderr, "give one FILE holding the Discover.Response")
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "lee discovery-lint: %v\n", err)
		return 2
	}
	schemaPath, note := resolveSchema(*schema, *root)
	linter, err := discoverylint.New(discoverylint.Settings{SchemaPath: schemaPath})
	if err != nil {
		fmt.Fprintf(stderr, "lee discovery-lint: %v\n", err)
		return 2
	}
	report, err := linter.Lint(data)
	if err != nil {
		fmt.Fprintf(stderr, "lee discovery-lint: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	if err := writeLintReport(stdout, report, schemaPath, note, *asJSON); err != nil {
		fmt.Fprintf(stderr, "lee discovery-lint: %v\n", err)
		return 2
	}
	if !report.OK() {
		return 1
	}
	return 0
}

// resolveSchema picks the schema file: the explicit one (which must exist),
// else the one in Amazon's Alexa data, found as the tests find it
// (alexa.FindData from root, or from the working directory). It returns ""
// and a note saying why when only structural checks can run.
func resolveSchema(explicit, root string) (string, string) {
	if explicit != "" {
		return explicit, ""
	}
	if root == "" {
		root = "."
	}
	d, err := alexa.FindData(root)
	switch {
	case errors.Is(err, alexa.ErrNoData):
		return "", "schema: no Amazon Alexa data (" + alexa.DataHint + ", or give --schema); structural checks only"
	case err != nil:
		return "", "schema: " + err.Error() + "; structural checks only"
	}
	return d.SchemaPath(), ""
}

// writeLintReport prints the findings and a summary line, or the JSON form.
func writeLintReport(w io.Writer, r discoverylint.Report, schemaPath, note string, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			discoverylint.Report
			OK         bool   `json:"ok"`
			SchemaPath string `json:"schemaPath,omitempty"`
			Note       string `json:"note,omitempty"`
		}{r, r.OK(), schemaPath, note})
	}
	for _, f := range r.Findings {
		if _, err := fmt.Fprintln(w, f); err != nil {
			return err
		}
	}
	if note == "" {
		note = "schema: validated against " + schemaPath
	}
	_, err := fmt.Fprintf(w, "discovery-lint: %d endpoints, %d errors, %d warnings; %s\n",
		r.Endpoints, r.Count(discoverylint.SeverityError), r.Count(discoverylint.SeverityWarning), note)
	return err
}
