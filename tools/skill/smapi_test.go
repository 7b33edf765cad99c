package skill_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The type names of Amazon's ask-smapi-model (index.d.ts) for the bodies
// the README's commands send: create-skill-for-vendor and
// update-skill-manifest take the manifest file, update-account-linking-info
// the account-linking file.
const (
	manifestType  = "v1.skill.Manifest.SkillManifestEnvelope"
	createType    = "v1.skill.CreateSkillRequest"
	linkingTSType = "v1.skill.accountLinking.AccountLinkingRequest"
)

// smapiModel finds the model and TypeScript that make smapi installs into
// $LEE_SMAPI_MODEL, and node. Without them the test skips with one line
// (and fails under CI, which has npm).
func smapiModel(t *testing.T) (node, tsc, dir string) {
	t.Helper()
	missing := func(why string) {
		msg := "SMAPI model check not run: " + why + " (make smapi installs Amazon's model; make test does it and sets LEE_SMAPI_MODEL)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir = os.Getenv("LEE_SMAPI_MODEL")
	if dir == "" {
		missing("LEE_SMAPI_MODEL is unset")
	}
	tsc = filepath.Join(dir, "node_modules", "typescript", "bin", "tsc")
	for _, f := range []string{tsc, filepath.Join(dir, "node_modules", "ask-smapi-model", "index.d.ts")} {
		if _, err := os.Stat(f); err != nil {
			missing(fmt.Sprintf("%s is missing", f))
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	return node, tsc, dir
}

// tsFile is one JSON document to check against one SMAPI model type.
type tsFile struct {
	name string // file name without .ts
	typ  string // a type of ask-smapi-model
	json []byte
}

// typeCheck writes each document as `const value: Type = <json>;` (a
// literal, so TypeScript checks field names and enum values exactly) and
// runs tsc --noEmit over them. It returns tsc's output and whether it
// passed.
func typeCheck(t *testing.T, files []tsFile) (string, bool) {
	t.Helper()
	node, tsc, model := smapiModel(t)
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(model, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		src := fmt.Sprintf("import type { v1 } from \"ask-smapi-model\";\n\nexport const value: %s = %s;\n", f.typ, f.json)
		if err := os.WriteFile(filepath.Join(dir, f.name+".ts"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, fmt.Sprintf("%q", f.name+".ts"))
	}
	config := `{"compilerOptions": {"strict": true, "noEmit": true, "target": "es2020", "module": "commonjs",
  "moduleResolution": "node", "types": [], "skipLibCheck": true}, "files": [` + strings.Join(names, ", ") + `]}`
	if err := os.WriteFile(filepath.Join(dir, "tsconfig.json"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, tsc, "-p", "tsconfig.json", "--pretty", "false")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tsc did not finish: %v\n%s", ctx.Err(), out.String())
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("run tsc: %v", err)
	}
	return out.String(), err == nil
}

// goldenTSFiles are the golden folders' files with the type each must have.
func goldenTSFiles(t *testing.T) []tsFile {
	t.Helper()
	var files []tsFile
	for _, g := range goldenSetups {
		for name, data := range readTree(t, goldenDir(g.name)) {
			base := g.name + "-" + strings.NewReplacer("/", "-", ".json", "").Replace(name)
			switch {
			case name == "skill-package/skill.json":
				files = append(files, tsFile{base, manifestType, data}, tsFile{base + "-create", createType, data})
			case strings.HasPrefix(name, "account-linking"):
				files = append(files, tsFile{base, linkingTSType, data})
			}
		}
	}
	return files
}

// TestGoldenFilesMatchSMAPIModel type-checks every golden manifest and
// account-linking request against Amazon's own SMAPI model.
func TestGoldenFilesMatchSMAPIModel(t *testing.T) {
	files := goldenTSFiles(t)
	if len(files) < 2*len(goldenSetups)+len(goldenSetups) {
		t.Fatalf("only %d golden files found", len(files))
	}
	out, ok := typeCheck(t, files)
	if !ok || strings.Contains(out, "error") {
		t.Fatalf("the golden files do not match the SMAPI model:\n%s", out)
	}
}

// TestSMAPICheckRefusesBrokenFiles proves the check can fail: a wrong field
// name or a wrong enum value in a manifest or an account-linking request
// is an error of that file, while a good file beside them passes.
func TestSMAPICheckRefusesBrokenFiles(t *testing.T) {
	manifest := readTree(t, goldenDir("all"))["skill-package/skill.json"]
	linking := readTree(t, goldenDir("us"))["account-linking.json"]
	broken := []struct {
		name, typ string
		doc       []byte
		from, to  string
		blamed    string // what tsc's error must name
	}{
		{"field-name-manifest", manifestType, manifest, `"protocolVersion"`, `"protocolVersions"`, `'"protocolVersions"' does not exist`},
		{"enum-protocol", manifestType, manifest, `"protocolVersion": "3"`, `"protocolVersion": "4"`, `'"4"' is not assignable`},
		{"enum-permission", manifestType, manifest, `alexa::async_event:write`, `alexa::async_events:write`, `'"alexa::async_events:write"' is not assignable`},
		{"field-name-linking", linkingTSType, linking, `"clientId"`, `"clientID"`, `'"clientID"' does not exist`},
		{"enum-scheme", linkingTSType, linking, `REQUEST_BODY_CREDENTIALS`, `REQUEST_BODY`, `'"REQUEST_BODY"' is not assignable`},
		{"enum-type", linkingTSType, linking, `"AUTH_CODE"`, `"AUTHORIZATION_CODE"`, `'"AUTHORIZATION_CODE"' is not assignable`},
	}
	files := []tsFile{{"good", manifestType, manifest}}
	for _, b := range broken {
		if !bytes.Contains(b.doc, []byte(b.from)) {
			t.Fatalf("%s: the golden file has no %s to break", b.name, b.from)
		}
		files = append(files, tsFile{b.name, b.typ, bytes.Replace(b.doc, []byte(b.from), []byte(b.to), 1)})
	}
	out, ok := typeCheck(t, files)
	if ok {
		t.Fatalf("tsc passed broken files:\n%s", out)
	}
	if strings.Contains(out, "Cannot find module") || strings.Contains(out, "good.ts(") {
		t.Fatalf("the check failed for another reason than the broken fields:\n%s", out)
	}
	for _, b := range broken {
		if !errorOf(out, b.name+".ts(", b.blamed) {
			t.Errorf("%s (%s → %s): tsc reports no error naming %s:\n%s", b.name, b.from, b.to, b.blamed, out)
		}
	}
}

// errorOf reports whether tsc's output has an error line of the file that
// contains want.
func errorOf(out, file, want string) bool {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, file) && strings.Contains(line, "error TS") && strings.Contains(line, want) {
			return true
		}
	}
	return false
}
