package config

import (
	"errors"
	"os"
	"strings"
)

// lookupFunc reads one environment variable the way os.LookupEnv does.
type lookupFunc func(name string) (string, bool)

// env reads variables through a lookupFunc, trimming surrounding white space
// and treating a blank value as unset: consoles that keep empty
// variables, and values pasted with a trailing newline, then behave as
// the user meant.
type env struct{ lookup lookupFunc }

func (e env) get(name string) (string, bool) {
	v, ok := e.lookup(name)
	v = strings.TrimSpace(v)
	return v, ok && v != ""
}

// first returns the value and name of the first of names that is set,
// so a primary variable wins over its alias.
func (e env) first(names ...string) (value, name string, ok bool) {
	for _, n := range names {
		if v, set := e.get(n); set {
			return v, n, true
		}
	}
	return "", names[0], false
}

// Load builds a Config from the variables lookup returns, applying the
// defaults and checking every value. It is pure apart from checking that
// the files named by HA_CA_FILE, HA_CLIENT_CERT_FILE and
// HA_CLIENT_KEY_FILE exist: it reads no file content and touches no
// network or AWS API.
//
// When a variable and its alias are both set, the primary spelling wins
// (HA_URL over BASE_URL, HA_TOKEN over LONG_LIVED_ACCESS_TOKEN,
// LOG_LEVEL over DEBUG) even if they differ, so an old alias left behind
// cannot override a deliberate setting. HA_VERIFY_TLS and NOT_VERIFY_SSL
// are the exception: when they contradict each other Load refuses both,
// since guessing wrong would silently switch certificate checks.
//
// Variables are checked in a fixed order and the first bad one is
// returned as a *VarError, the one line the function prints when it
// refuses to start.
func Load(lookup func(string) (string, bool)) (*Config, error) {
	if lookup == nil {
		return nil, errors.New("config: Load needs a lookup function")
	}
	e := env{lookup: lookup}
	c := &Config{}
	steps := []func(env, *Config) error{
		loadURL, loadToken, loadTokenParameter, loadVerifyTLS, loadTLSFiles,
		loadHeaders, loadTimeout, loadTier, loadLogLevel, loadPreload,
		loadMetrics, loadDNSServer,
	}
	for _, step := range steps {
		if err := step(e, c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// FromEnvironment loads the Config from the process environment.
func FromEnvironment() (*Config, error) {
	return Load(os.LookupEnv)
}
