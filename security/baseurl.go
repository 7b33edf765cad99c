package security

import (
	"net/url"
	"strconv"
	"strings"
)

// ValidateBaseURL checks a Home Assistant base URL and returns it
// normalized: scheme and host in lower case, trailing slashes of the
// path removed so that "/api/..." can be appended.
//
// It accepts only http and https URLs with a host name or IP address and
// an optional port in 1..65535, and refuses userinfo (credentials belong
// in HA_TOKEN or HA_HEADERS, not in a URL that ends up in logs), a query
// and a fragment. A path prefix is allowed for Home Assistant behind a
// reverse proxy, but not one ending in Home Assistant's own /api,
// /api/alexa or /api/alexa/smart_home: the caller appends those, and a
// base URL copied with them (a habit of haaska's configuration) would make
// every request miss with a 404. The error is a *ValidationError for field "url"
// wrapping ErrBadURL; it never quotes the URL, since a refused URL may
// carry a password or a token.
func ValidateBaseURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, invalid("url", ErrBadURL, "empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, invalid("url", ErrBadURL, "not a valid URL")
	}
	if err := checkURLParts(u, raw); err != nil {
		return nil, err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	if err := checkNotAPIPath(u.Path); err != nil {
		return nil, err
	}
	if u.RawPath != "" {
		if unescaped, err := url.PathUnescape(u.RawPath); err != nil || unescaped != u.Path {
			u.RawPath = ""
		}
	}
	return u, nil
}

func checkURLParts(u *url.URL, raw string) error {
	switch {
	case !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https"):
		return invalid("url", ErrBadURL, "scheme must be http or https")
	case u.Opaque != "":
		return invalid("url", ErrBadURL, "must have the form scheme://host")
	case u.User != nil:
		return invalid("url", ErrBadURL, "must not contain a user name or password")
	case u.Hostname() == "":
		return invalid("url", ErrBadURL, "host is missing")
	case u.RawQuery != "" || u.ForceQuery:
		return invalid("url", ErrBadURL, "must not contain a query")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return invalid("url", ErrBadURL, "must not contain a fragment")
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return invalid("url", ErrBadURL, "port must be a number from 1 to 65535")
		}
	}
	if strings.HasSuffix(u.Host, ":") {
		return invalid("url", ErrBadURL, "port is empty")
	}
	return nil
}

// apiSuffixes are Home Assistant API paths that callers append to the base
// URL; a base URL must not end with one.
var apiSuffixes = []string{"/api/alexa/smart_home", "/api/alexa", "/api"}

// checkNotAPIPath refuses a path (trailing slashes already trimmed) that
// ends with one of apiSuffixes, naming the suffix and the fix. The suffix
// is one of the constants above, never the user's text.
func checkNotAPIPath(path string) error {
	lower := strings.ToLower(path)
	for _, suffix := range apiSuffixes {
		if strings.HasSuffix(lower, suffix) {
			return invalid("url", ErrBadURL, "ends in "+suffix+": give Home Assistant's base URL without it, "+
				"like https://ha.example.com (LEE adds /api/alexa/smart_home itself)")
		}
	}
	return nil
}
