package doctor

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/lee-engine/lee/tools/skill"
)

const urlShape = "write it like https://ha.example.com (scheme and host, an optional port, no path to the API)"

// checkURL checks what LEE's config and security modules check, then what
// Alexa account linking adds: https on port 443.
func (r *run) checkURL() bool {
	raw := strings.TrimSpace(r.s.URL)
	if raw == "" {
		r.add("url", Fail, "no URL given", "pass --url with Home Assistant's external URL; "+urlShape)
		return false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.Hostname() == "" {
		r.add("url", Fail, "the URL is not an http or https URL with a host", urlShape)
		return false
	}
	shown := u.Redacted()
	switch {
	case u.User != nil:
		r.add("url", Fail, shown+" holds a user name or password", "remove it: LEE authenticates with the bearer token alone")
		return false
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		r.add("url", Fail, shown+" has a query or fragment", "remove everything from ? or #; "+urlShape)
		return false
	}
	port := u.Port()
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			r.add("url", Fail, shown+" has the port "+strconv.Quote(port)+", not a number from 1 to 65535", urlShape)
			return false
		}
	}
	if !r.checkPath(u, shown) {
		return false
	}
	r.base, r.host, r.port = u, u.Hostname(), port
	if r.port == "" {
		r.port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	r.accountLinking(u, shown)
	return true
}

// checkPath refuses a URL that already names the API (LEE appends it) and
// warns about any other path.
func (r *run) checkPath(u *url.URL, shown string) bool {
	path := strings.TrimRight(u.Path, "/")
	switch {
	case path == "":
		return true
	case path == "/api" || strings.HasSuffix(path, "/api") || strings.Contains(path, "/api/"):
		r.add("url", Fail, shown+" already contains /api", "give the base URL only: LEE appends /api/alexa/smart_home itself")
		return false
	}
	r.add("url", Warn, shown+" has the path "+path+": LEE will call "+path+"/api/alexa/smart_home",
		"keep the path only if a reverse proxy serves Home Assistant under it; otherwise remove it")
	return true
}

// accountLinking records what Alexa account linking, which runs against
// the same host, requires of the URL; the facts are package skill's, the
// ones lee skill writes into the account-linking request.
func (r *run) accountLinking(u *url.URL, shown string) {
	switch {
	case u.Scheme != skill.LinkingScheme:
		r.add("url", Warn, shown+" uses plain http: the token would cross the internet unencrypted, and Alexa account linking requires https",
			"serve Home Assistant over https on port "+skill.LinkingPort+" with a certificate from a public authority (for example Let's Encrypt)")
	case r.port != skill.LinkingPort:
		r.add("url", Warn, shown+" uses port "+r.port+": LEE can use it, but Alexa account linking only calls "+
			skill.AuthorizePath+" and "+skill.TokenPath+" on port "+skill.LinkingPort,
			"expose Home Assistant on port "+skill.LinkingPort+" (a router forward "+skill.LinkingPort+" to "+r.port+", or a reverse proxy)")
	default:
		r.pass("url", shown+" is a base URL both LEE and Alexa account linking can use")
	}
}

// checkToken applies LEE's own rules for HA_TOKEN to the token.
func (r *run) checkToken() bool {
	t := r.s.Token
	src := r.s.TokenSource
	switch {
	case t == "":
		r.add("token", Fail, src+" is empty or unset",
			"create a long-lived access token in Home Assistant (your profile, Security tab) and put it in "+src+"; never on the command line")
		return false
	case strings.HasPrefix(strings.ToLower(t), "bearer "):
		r.add("token", Fail, src+" starts with \"Bearer \"", "give the token alone; LEE adds the Bearer scheme")
		return false
	case !visibleASCII(t):
		r.add("token", Fail, src+" contains spaces, line breaks or other invisible characters", "copy the token again without the surrounding white space")
		return false
	case strings.Count(t, ".") != 2:
		r.add("token", Warn, src+" does not look like a Home Assistant access token (a JWT: three parts separated by dots)",
			"check that it is a long-lived access token, not a refresh token or a client secret")
		return true
	}
	r.pass("token", src+" is set (not shown)")
	return true
}

func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
