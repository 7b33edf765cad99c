package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/lee-engine/lee/tools/internal/cli"
	"github.com/lee-engine/lee/tools/pack"
)

func init() {
	register("package", "zip dist/bootstrap reproducibly into dist/lee-<version>-<arch>.zip with its SHA-256 (and the template's copy, dist/lee-<version>.zip)", runPackage)
}

// runPackage runs `lee package --binary FILE --arch arm64|amd64 [--out DIR]
// [--version-file FILE]`. Exit 0 on success, 1 when packaging fails, 2 on
// bad arguments.
func runPackage(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee package", "lee package --arch arm64|amd64 [--binary dist/bootstrap] [--out dist] [--version-file FILE]")
	binary := fs.String("binary", filepath.Join("dist", "bootstrap"), "the bootstrap executable to package")
	arch := fs.String("arch", "", "architecture the binary was built for: arm64 or amd64 (x86_64 accepted); required")
	out := fs.String("out", "dist", "folder for the zip and its .sha256")
	versionFile := fs.String("version-file", "", "Go file declaring the function's Version constant (default: function/version.go of the repository holding the working directory)")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	}
	a, err := pack.ParseArch(*arch)
	if err != nil {
		fmt.Fprintf(stderr, "lee package: --arch: %v\n", err)
		return 2
	}
	path, err := inRepository(*versionFile, "--version-file", "function", "version.go")
	if err != nil {
		fmt.Fprintf(stderr, "lee package: %v\n", err)
		return 2
	}
	version, err := pack.FunctionVersion(path)
	if err != nil {
		fmt.Fprintf(stderr, "lee package: %v\n", err)
		return 1
	}
	r, err := pack.Package(pack.Settings{Binary: *binary, Arch: a, Version: version, OutDir: *out})
	if err != nil {
		fmt.Fprintf(stderr, "lee package: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "lee package: %s (deploy with Architecture=%s)\n", r.Zip, a.Lambda())
	fmt.Fprintf(stdout, "lee package: %s, the copy deploy/template.yaml deploys: give it Architecture=%s\n", r.Deploy, a.Lambda())
	fmt.Fprint(stdout, pack.ChecksumLine(r.SHA256, filepath.Base(r.Zip)))
	return 0
}
