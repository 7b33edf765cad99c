package config

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// reservedHeaders are set by LEE on every request to Home Assistant; a
// user value would either be overwritten or corrupt the request.
var reservedHeaders = []string{"Authorization", "Host", "Content-Length", "Transfer-Encoding"}

// replayHeaders make Go's HTTP transport count a POST as idempotent and
// silently send it again after a dropped connection: a directive such as
// "brightness +25" would be applied twice.
var replayHeaders = []string{"Idempotency-Key", "X-Idempotency-Key"}

const headersShape = `must be a JSON object of header names to string values, like {"CF-Access-Client-Id":"…"}`

// loadHeaders parses HA_HEADERS. The value holds secrets, so no error
// quotes it or any header value; header names, which are not secret,
// are quoted to say which one is wrong.
func loadHeaders(e env, c *Config) error {
	v, ok := e.get(VarHeaders)
	if !ok {
		return nil
	}
	headers, err := parseHeaders(v)
	if err != nil {
		return &VarError{Var: VarHeaders, Reason: err.Error()}
	}
	c.Headers = headers
	return nil
}

// parseHeaders streams the object's tokens so that a nested value is
// refused at its first token and duplicate names, which a map would hide,
// are seen.
func parseHeaders(v string) (map[string]string, error) {
	dec := json.NewDecoder(strings.NewReader(v))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New(headersShape + " (value not shown)")
	}
	headers := map[string]string{}
	seen := map[string]bool{}
	for dec.More() {
		key, err := dec.Token()
		name, isName := key.(string)
		if err != nil || !isName {
			return nil, errors.New(headersShape + " (value not shown)")
		}
		value, err := dec.Token()
		text, isString := value.(string)
		if err != nil || !isString {
			return nil, errors.New("value of header " + quote(name) + " must be a string (value not shown)")
		}
		if err := checkHeader(name, text, seen); err != nil {
			return nil, err
		}
		headers[name] = text
	}
	if _, err := dec.Token(); err != nil {
		return nil, errors.New(headersShape + " (value not shown)")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New(headersShape + ", with nothing after it (value not shown)")
	}
	if len(headers) == 0 {
		return nil, nil
	}
	return headers, nil
}

func checkHeader(name, value string, seen map[string]bool) error {
	if !isToken(name) {
		return errors.New("header name " + quote(name) + " is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~)")
	}
	for _, reserved := range reservedHeaders {
		if strings.EqualFold(name, reserved) {
			return errors.New("header " + quote(name) + " is set by LEE itself and cannot be configured")
		}
	}
	for _, replay := range replayHeaders {
		if strings.EqualFold(name, replay) {
			return errors.New("header " + quote(name) + " would let Go's HTTP client send a directive to Home Assistant twice after a dropped connection, so it cannot be configured")
		}
	}
	lower := strings.ToLower(name)
	if seen[lower] {
		return errors.New("header " + quote(name) + " is given twice")
	}
	seen[lower] = true
	for i := 0; i < len(value); i++ {
		if c := value[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return errors.New("value of header " + quote(name) + " contains a line break or control character (value not shown)")
		}
	}
	return nil
}

// isToken reports whether name is an RFC 9110 token, the grammar of a
// header field name.
func isToken(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}
