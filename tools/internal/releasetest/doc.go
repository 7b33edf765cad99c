// Package releasetest builds, for tests, small git repositories shaped like
// LEE's (a versions.yaml and a few modules whose go.mod files require each
// other at their listed versions, with replace directives), so that release
// tooling can be tried on good and broken trees without touching the real
// one.
package releasetest
