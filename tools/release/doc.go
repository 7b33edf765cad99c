// Package release releases LEE's modules one at a time and serves the tagged
// ones as a Go module proxy, so that a module can be used outside the
// workspace at the version versions.yaml gives it.
//
// Every module's go.mod requires its siblings at their released versions
// (keeping `replace` directives to ../<sibling> for development), as
// opentelemetry-go does with its multimod tool. Release moves one module to a
// new version: its Version constant, its CHANGELOG.md "## Unreleased"
// heading, its versions.yaml line and every dependent module's require line
// change together (and, for the function, the SAM template's CodeUri, which
// names the package of the function's version), `make sync` runs, and the
// result is committed; Tag then creates the `<module>/vX.Y.Z` tags that are
// still missing, dependencies first. WriteProxy writes the tagged modules as a GOPROXY folder (list,
// .info, .mod and .zip files, the zips built by golang.org/x/mod/zip from the
// tags' trees), so that a release can be tried by a consumer before it is
// published. go.mod files are read and edited with golang.org/x/mod/modfile,
// versions compared with golang.org/x/mod/semver.
package release
