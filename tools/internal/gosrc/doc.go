// Package gosrc reads facts out of Go source files without compiling them:
// the string constants a package declares (a module's Version, the config
// module's Var* names) and which files make up a package. The tools read the
// source rather than import it so that what they check is what a build of
// that source would contain, not what the tool itself was built with.
package gosrc
