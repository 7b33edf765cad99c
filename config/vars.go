package config

import (
	"math"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

func loadURL(e env, c *Config) error {
	v, name, ok := e.first(VarHAURL, VarBaseURL)
	if !ok {
		return &VarError{Var: VarHAURL, Reason: "required: Home Assistant's base URL, like https://ha.example.com:8123 (alias " + VarBaseURL + ")"}
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.Hostname() == "" {
		return &VarError{Var: name, Reason: "must be an http or https URL with a host, like https://ha.example.com:8123 (value not shown)"}
	}
	c.HAURL = v
	return nil
}

// maxTokenBytes matches security.MaxTokenBytes; config cannot import
// that module, so the rule is restated here.
const maxTokenBytes = 8 << 10

func loadToken(e env, c *Config) error {
	v, name, ok := e.first(VarToken, VarLongLivedToken)
	if !ok {
		return nil
	}
	if len(v) > maxTokenBytes {
		return &VarError{Var: name, Reason: "longer than " + strconv.Itoa(maxTokenBytes) + " bytes (value not shown)"}
	}
	for i := 0; i < len(v); i++ {
		if v[i] < 0x21 || v[i] > 0x7e {
			return &VarError{Var: name, Reason: "must be the token alone, visible ASCII without spaces or a \"Bearer \" prefix; byte " +
				strconv.Itoa(i) + " is not (value not shown)"}
		}
	}
	c.Token = v
	return nil
}

func loadTokenParameter(e env, c *Config) error {
	v, ok := e.get(VarTokenParameter)
	if !ok {
		return nil
	}
	valid := len(v) <= 2048
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_.-/:", r)) {
			valid = false
		}
	}
	if !valid {
		return &VarError{Var: VarTokenParameter, Reason: "must be an SSM parameter name or ARN like /lee/ha-token " +
			"(letters, digits and _.-/:), got " + quote(v)}
	}
	c.TokenParameter = v
	return nil
}

// parseBool accepts the spellings users write in environment variables.
func parseBool(name, v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true", "1", "yes":
		return true, nil
	case "false", "0", "no":
		return false, nil
	}
	return false, &VarError{Var: name, Reason: "must be true, false, 1, 0, yes or no, got " + quote(v)}
}

func loadVerifyTLS(e env, c *Config) error {
	c.VerifyTLS = true
	verify, verifySet := e.get(VarVerifyTLS)
	notVerify, notVerifySet := e.get(VarNotVerifySSL)
	var v, n bool
	var err error
	if verifySet {
		if v, err = parseBool(VarVerifyTLS, verify); err != nil {
			return err
		}
		c.VerifyTLS = v
	}
	if notVerifySet {
		if n, err = parseBool(VarNotVerifySSL, notVerify); err != nil {
			return err
		}
		c.VerifyTLS = !n
	}
	if verifySet && notVerifySet && v == n {
		return &VarError{Var: VarVerifyTLS, Reason: "contradicts " + VarNotVerifySSL + " (" + VarVerifyTLS + "=" + quote(verify) +
			", " + VarNotVerifySSL + "=" + quote(notVerify) + "); set only one of them"}
	}
	return nil
}

func loadTimeout(e env, c *Config) error {
	c.Timeout = DefaultTimeout
	v, ok := e.get(VarTimeout)
	if !ok {
		return nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		seconds, ferr := strconv.ParseFloat(v, 64)
		if ferr != nil || math.IsNaN(seconds) || math.IsInf(seconds, 0) {
			return &VarError{Var: VarTimeout, Reason: "must be a duration like 5s, got " + quote(v)}
		}
		if seconds < MinTimeout.Seconds() || seconds >= MaxTimeout.Seconds() {
			return timeoutRange(v)
		}
		d = time.Duration(seconds * float64(time.Second))
	}
	if d < MinTimeout || d >= MaxTimeout {
		return timeoutRange(v)
	}
	c.Timeout = d
	return nil
}

func timeoutRange(v string) error {
	return &VarError{Var: VarTimeout, Reason: "must be at least 100ms and less than 8s (Alexa's limit), got " + quote(v)}
}

func loadTier(e env, c *Config) error {
	c.Tier = DefaultTier
	v, ok := e.get(VarTier)
	if !ok {
		return nil
	}
	t := Tier(strings.ToLower(v))
	if !t.Valid() {
		return &VarError{Var: VarTier, Reason: "must be minimum, standard or maximum, got " + quote(v)}
	}
	c.Tier = t
	return nil
}

func loadLogLevel(e env, c *Config) error {
	c.LogLevel = DefaultLogLevel
	if v, ok := e.get(VarLogLevel); ok {
		switch level := strings.ToLower(v); level {
		case "debug", "info", "warn", "error":
			c.LogLevel = level
			return nil
		}
		return &VarError{Var: VarLogLevel, Reason: "must be debug, info, warn or error, got " + quote(v)}
	}
	if v, ok := e.get(VarDebug); ok {
		debug, err := parseBool(VarDebug, v)
		if err != nil {
			return err
		}
		if debug {
			c.LogLevel = "debug"
		}
	}
	return nil
}

func loadPreload(e env, c *Config) error {
	v, ok := e.get(VarPreload)
	if !ok {
		return nil
	}
	names, err := parsePreload(v)
	c.Preload = names
	return err
}

func loadMetrics(e env, c *Config) error {
	c.MetricsEnabled = true
	v, ok := e.get(VarMetrics)
	if !ok {
		return nil
	}
	switch strings.ToLower(v) {
	case "emf":
		return nil
	case "off":
		c.MetricsEnabled = false
		return nil
	}
	return &VarError{Var: VarMetrics, Reason: "must be emf or off, got " + quote(v)}
}

func loadDNSServer(e env, c *Config) error {
	v, ok := e.get(VarDNSServer)
	if !ok {
		return nil
	}
	host, port, err := net.SplitHostPort(v)
	n, perr := strconv.Atoi(port)
	if err != nil || net.ParseIP(host) == nil || perr != nil || n < 1 || n > 65535 {
		return &VarError{Var: VarDNSServer, Reason: "must be the ip:port of a DNS server, like 10.0.0.2:53 (an IP address, not a host name), got " + quote(v)}
	}
	c.DNSServer = v
	return nil
}
