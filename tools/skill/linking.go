package skill

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// What Alexa account linking needs of Home Assistant: it calls Home
// Assistant's OAuth endpoints itself, over https on port 443 only, with the
// credentials in the request body (Home Assistant does not accept HTTP
// Basic) and the scope Home Assistant's Alexa integration expects.
const (
	LinkingScheme = "https"
	LinkingPort   = "443"
	AuthorizePath = "/auth/authorize"
	TokenPath     = "/auth/token"
	Scope         = "smart_home"
	// placeholderSecret fills the client secret, which Alexa requires and
	// Home Assistant never checks.
	placeholderSecret = "home-assistant-does-not-check-this"
)

// ErrLinkingURL is wrapped by every refusal of LinkingBase.
var ErrLinkingURL = errors.New("account linking cannot use this Home Assistant URL")

// LinkingBase checks that raw is a Home Assistant base URL Alexa account
// linking can use — https, port 443, a host and nothing after it — and
// returns it without the default port or a trailing slash. Each refusal
// wraps ErrLinkingURL and says what to give instead.
func LinkingBase(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Opaque != "" || u.Host == "" || u.Hostname() == "" {
		return nil, linkingError(strconv.Quote(raw), "is not a URL with a host; give Home Assistant's external base URL, like https://ha.example.com")
	}
	shown := u.Redacted()
	switch {
	case u.Scheme != LinkingScheme:
		return nil, linkingError(shown, "is not https: Alexa account linking reaches Home Assistant over https on port 443 only")
	case u.User != nil:
		return nil, linkingError(shown, "holds a user name or password; remove it")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		return nil, linkingError(shown, "has a query or fragment; give the base URL only")
	case u.Port() != "" && u.Port() != LinkingPort:
		return nil, linkingError(shown, "uses port "+u.Port()+": Alexa account linking calls port 443 only; expose Home Assistant on 443 (a router forward or a reverse proxy)")
	}
	path := strings.TrimRight(u.Path, "/")
	switch {
	case path == "/api" || strings.HasSuffix(path, "/api") || strings.Contains(path, "/api/"):
		return nil, linkingError(shown, "contains /api: give the base URL only (LEE adds /api/alexa/smart_home, account linking uses "+AuthorizePath+" and "+TokenPath+")")
	case path != "":
		return nil, linkingError(shown, "has the path "+path+": Home Assistant serves "+AuthorizePath+" and "+TokenPath+" at the root of its host; give the base URL only")
	}
	host := u.Hostname()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return &url.URL{Scheme: LinkingScheme, Host: host}, nil
}

func linkingError(shown, why string) error {
	return fmt.Errorf("%w: %s %s", ErrLinkingURL, shown, why)
}

// linkingRequest is the body of SMAPI's update-account-linking request.
type linkingRequest struct {
	AccountLinkingRequest linkingPayload `json:"accountLinkingRequest"`
}

type linkingPayload struct {
	Type              string   `json:"type"`
	AuthorizationURL  string   `json:"authorizationUrl"`
	AccessTokenURL    string   `json:"accessTokenUrl"`
	ClientID          string   `json:"clientId"`
	ClientSecret      string   `json:"clientSecret"`
	AccessTokenScheme string   `json:"accessTokenScheme"`
	Scopes            []string `json:"scopes"`
	Domains           []string `json:"domains"`
}

// newLinkingRequest is Home Assistant as the OAuth server of the skill, for
// the Alexa apps of region r.
func newLinkingRequest(base *url.URL, r Region) linkingRequest {
	return linkingRequest{AccountLinkingRequest: linkingPayload{
		Type:              "AUTH_CODE",
		AuthorizationURL:  base.String() + AuthorizePath,
		AccessTokenURL:    base.String() + TokenPath,
		ClientID:          r.ClientID,
		ClientSecret:      placeholderSecret,
		AccessTokenScheme: "REQUEST_BODY_CREDENTIALS",
		Scopes:            []string{Scope},
		Domains:           []string{},
	}}
}
