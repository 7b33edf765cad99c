package gateway

import (
	"errors"
	"strconv"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/httpclient"
)

// tlsFileVar names the variable behind a TLS file. A switch rather than a
// package-level map, which would be built at every cold start.
func tlsFileVar(f httpclient.TLSFile) string {
	switch f {
	case httpclient.TLSCAFile:
		return config.VarCAFile
	case httpclient.TLSClientCertFile:
		return config.VarClientCertFile
	case httpclient.TLSClientKeyFile:
		return config.VarClientKeyFile
	}
	return f.String()
}

// readTLSFiles reads and parses HA_CA_FILE and the client pair once, when
// the Gateway is made: a file that cannot be used (not PEM, a key that
// does not belong to the certificate) then stops init with one line
// naming its variable, instead of failing every directive, and the HTTP
// client is later built from what was read here. nil when none is set.
func readTLSFiles(cfg *config.Config) (*httpclient.TLSFiles, error) {
	if cfg.CAFile == "" && cfg.ClientCertFile == "" && cfg.ClientKeyFile == "" {
		return nil, nil
	}
	files, err := httpclient.ReadTLSFiles(cfg.CAFile, cfg.ClientCertFile, cfg.ClientKeyFile)
	var fe *httpclient.TLSFileError
	switch {
	case errors.As(err, &fe):
		return nil, &config.VarError{Var: tlsFileVar(fe.File), Reason: "file " + strconv.Quote(fe.Path) + " " + fe.Reason}
	case err != nil: // half a client pair, which config.Load refuses first
		half := config.VarClientCertFile
		if cfg.ClientCertFile == "" {
			half = config.VarClientKeyFile
		}
		return nil, &config.VarError{Var: half, Reason: err.Error()}
	}
	return files, nil
}
