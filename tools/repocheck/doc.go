// Package repocheck enforces the LEE repository's own rules on a checkout:
// every module's Version constant, newest CHANGELOG.md entry and line in
// versions.yaml agree, every go.mod requires its siblings at their
// versions.yaml versions, and every import and go.mod respects the dependency
// rules of DESIGN.md (interface modules stand alone, gateway sits on the
// interface modules, function sees only gateway, nothing imports tools).
//
// Modules are discovered from the */go.mod files under the repository root,
// never listed by hand, so a new module is checked the moment it exists.
// Each check returns one Finding per problem; an empty result means the tree
// passes. `lee check` is the command-line front end and `make check` runs it.
package repocheck
