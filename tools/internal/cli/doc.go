// Package cli gives every `lee` command the same flag handling: -h prints
// the command's help to stdout and exits 0; a bad flag or argument prints
// one line naming it, then the help, to stderr and exits 2. The standard
// flag package would print a bad flag's error itself and leave the caller
// to print it again, and writes -h's help wherever errors go.
package cli
