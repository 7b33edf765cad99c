package repocheck

// Finding is one rule a repository tree breaks. It prints as a single line so
// that a CI log lists every problem at once instead of stopping at the first.
type Finding struct {
	// Module is the module folder the problem belongs to ("" for the
	// repository as a whole, such as a stray versions.yaml line).
	Module string
	// File is the offending file, slash-separated and relative to the root.
	File string
	// Message names the offending value and the rule it breaks.
	Message string
}

// String renders the finding as "file: message", the form editors and CI
// logs link to.
func (f Finding) String() string {
	return f.File + ": " + f.Message
}
