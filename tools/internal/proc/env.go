package proc

import "os"

// hostVars are the variables of this process's environment that a child
// needs to run at all.
var hostVars = []string{"PATH", "HOME", "TMPDIR"}

// HostEnv returns the KEY=VALUE entries of PATH, HOME and TMPDIR that are
// set here. A child gets these and what its caller configures, nothing else
// of the parent's environment, so a developer's shell cannot leak into a
// function's configuration.
func HostEnv() []string {
	var env []string
	for _, key := range hostVars {
		if v, ok := os.LookupEnv(key); ok {
			env = append(env, key+"="+v)
		}
	}
	return env
}
