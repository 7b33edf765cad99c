package config

import (
	"errors"
	"io/fs"
	"os"
)

// loadTLSFiles checks that the CA bundle and the client certificate and
// key exist, so a typo fails at init instead of on the first directive.
// Their content is left to the HTTP client, which parses it.
func loadTLSFiles(e env, c *Config) error {
	files := []struct {
		name string
		dst  *string
	}{
		{VarCAFile, &c.CAFile},
		{VarClientCertFile, &c.ClientCertFile},
		{VarClientKeyFile, &c.ClientKeyFile},
	}
	for _, f := range files {
		v, ok := e.get(f.name)
		if !ok {
			continue
		}
		if err := checkFile(f.name, v); err != nil {
			return err
		}
		*f.dst = v
	}
	switch {
	case c.ClientCertFile != "" && c.ClientKeyFile == "":
		return &VarError{Var: VarClientCertFile, Reason: "set without " + VarClientKeyFile + "; a client certificate needs its key"}
	case c.ClientKeyFile != "" && c.ClientCertFile == "":
		return &VarError{Var: VarClientKeyFile, Reason: "set without " + VarClientCertFile + "; a client key needs its certificate"}
	}
	return nil
}

func checkFile(name, path string) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &VarError{Var: name, Reason: "file " + quote(path) + " does not exist"}
	case err != nil:
		return &VarError{Var: name, Reason: "file " + quote(path) + " cannot be checked: " + err.Error()}
	case info.IsDir():
		return &VarError{Var: name, Reason: quote(path) + " is a directory, not a file"}
	}
	return nil
}
