package repocheck

import "github.com/lee-engine/lee/tools/internal/gosrc"

// versionConst is where a module declares `const Version = "X.Y.Z"`.
type versionConst struct {
	value string // the unquoted literal; "" when not found
	file  string // absolute path of the declaring file
}

// findVersionConst parses the non-test Go files of the module's root package
// and returns the Version constant. Parsing instead of grepping keeps a
// commented-out or differently spelled declaration from passing as one.
func findVersionConst(dir string) (versionConst, error) {
	c, ok, err := gosrc.PackageConst(dir, "Version")
	if err != nil || !ok {
		return versionConst{}, err
	}
	return versionConst{value: c.Value, file: c.File}, nil
}
