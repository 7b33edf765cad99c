// Package repocheck enforces the LEE repository's own rules on a checkout:
// every module's Version constant, newest CHANGELOG.md entry and line in
// versions.yaml agree, every go.mod requires its siblings at their
// versions.yaml versions; every import and go.mod respects the dependency
// rule (docs/ARCHITECTURE.md: interface modules stand alone, gateway sits on
// the interface modules, function sees only gateway, nothing imports tools);
// no Markdown file links out of the repository (CheckDocLinks), where a
// user's clone has nothing; and every function of the modules that the
// Lambda binary cannot reach is an exported API its README documents
// (CheckDeadcode).
//
// Modules are discovered from the */go.mod files under the repository root,
// never listed by hand, so a new module is checked the moment it exists.
// Each check returns one Finding per problem; an empty result means the tree
// passes. `lee check` is the command-line front end and `make check` runs it.
package repocheck
