package gateway

import (
	"strconv"
	"strings"

	"github.com/lee-engine/lee/config"
)

// get returns the setting read from the environment variable name, by its
// primary spelling. Secret settings are never given out: HA_TOKEN,
// LONG_LIVED_ACCESS_TOKEN and HA_HEADERS report false like unknown names.
// Optional settings that are unset report false too. HA_URL is given
// normalized, as the gateway uses it.
func (c *configCore) get(name string) (string, bool) {
	cfg := c.cfg
	switch name {
	case config.VarHAURL:
		return c.haURL, true
	case config.VarTokenParameter:
		return cfg.TokenParameter, cfg.TokenParameter != ""
	case config.VarVerifyTLS:
		return strconv.FormatBool(cfg.VerifyTLS), true
	case config.VarCAFile:
		return cfg.CAFile, cfg.CAFile != ""
	case config.VarClientCertFile:
		return cfg.ClientCertFile, cfg.ClientCertFile != ""
	case config.VarClientKeyFile:
		return cfg.ClientKeyFile, cfg.ClientKeyFile != ""
	case config.VarTimeout:
		return cfg.Timeout.String(), true
	case config.VarTier:
		return string(cfg.Tier), cfg.Tier != ""
	case config.VarLogLevel:
		return cfg.LogLevel, cfg.LogLevel != ""
	case config.VarPreload:
		return strings.Join(cfg.Preload, ","), len(cfg.Preload) > 0
	case config.VarMetrics:
		if cfg.MetricsEnabled {
			return "emf", true
		}
		return "off", true
	case config.VarDNSServer:
		return cfg.DNSServer, cfg.DNSServer != ""
	}
	return "", false
}
