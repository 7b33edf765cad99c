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
	paths, err := gosrc.PackageFiles(dir)
	if err != nil {
		return versionConst{}, err
	}
	for _, path := range paths {
		consts, err := gosrc.StringConsts(path, gosrc.Named("Version"))
		if err != nil {
			return versionConst{}, err
		}
		if len(consts) > 0 {
			return versionConst{value: consts[0].Value, file: path}, nil
		}
	}
	return versionConst{}, nil
}
