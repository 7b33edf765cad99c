package harness

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadEnvFile reads a file of KEY=VALUE lines (see ParseEnv) into the form
// Settings.Env takes.
func ReadEnvFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("harness: env file: %w", err)
	}
	defer f.Close()
	env, err := ParseEnv(f)
	if err != nil {
		return nil, fmt.Errorf("harness: env file %s: %w", path, err)
	}
	return env, nil
}

// ParseEnv reads KEY=VALUE lines in the common .env form: blank lines and
// lines starting with # are skipped, an "export " prefix is allowed, and a
// value wrapped in matching single or double quotes loses them (nothing else
// is unescaped). A bad line is reported by number only, since it may hold a
// secret.
func ParseEnv(r io.Reader) ([]string, error) {
	var env []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		key, value, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			return nil, fmt.Errorf("line %d: want KEY=VALUE", n)
		}
		env = append(env, key+"="+unquote(strings.TrimSpace(value)))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	return env, nil
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}
