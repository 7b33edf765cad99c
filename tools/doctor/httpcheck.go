package doctor

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/lee-engine/lee/tools"
)

// answer is one HTTP exchange with Home Assistant.
type answer struct {
	status  int
	header  http.Header
	body    []byte
	tooBig  bool
	latency time.Duration
}

// newClient builds the HTTP client of the HTTP steps: it dials the address
// the TCP step reached, trusts the roots the TLS step used, follows no
// redirect and ignores proxy settings, like the function.
func (r *run) newClient() {
	addr := r.addr
	r.tport = &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
		TLSClientConfig:   &tls.Config{RootCAs: r.roots, ServerName: r.host, MinVersion: tls.VersionTLS12},
		ForceAttemptHTTP2: false,
	}
	r.http = &http.Client{
		Transport:     r.tport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// do sends one request with the token and extra headers and reads the
// answer up to MaxAnswerBytes.
func (r *run) do(ctx context.Context, method, path string, body []byte) (*answer, error) {
	ctx, cancel := context.WithTimeout(ctx, r.s.Timeout)
	defer cancel()
	u := *r.base
	u.Path = strings.TrimRight(u.Path, "/") + path
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	for k, v := range r.s.Headers {
		req.Header.Set(k, v)
	}
	req.Header.Set("Authorization", "Bearer "+r.s.Token)
	req.Header.Set("User-Agent", "lee-doctor/"+tools.Version)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	resp, err := r.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < http.StatusOK {
		// A final 1xx (101 Switching Protocols) hands the raw connection
		// over as the body, which no deadline bounds: nothing to read.
		return &answer{status: resp.StatusCode, header: resp.Header, latency: time.Since(start)}, nil
	}
	stop := context.AfterFunc(ctx, func() { _ = resp.Body.Close() })
	defer stop()
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxAnswerBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read the answer: %w", err)
	}
	a := &answer{status: resp.StatusCode, header: resp.Header, body: data, latency: time.Since(start)}
	if len(data) > MaxAnswerBytes {
		a.tooBig, a.body = true, nil
	}
	return a, nil
}

// checkAPI is GET /api/ with the token: Home Assistant answers
// {"message": "API running."} to a valid token.
func (r *run) checkAPI(ctx context.Context) bool {
	a, err := r.do(ctx, http.MethodGet, "/api/", nil)
	if err != nil {
		r.transportFailure("api", "GET /api/", err)
		return false
	}
	if r.refused("api", "GET /api/", a) {
		return false
	}
	var msg struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(a.body, &msg) != nil || msg.Message == "" {
		r.add("api", Warn, "GET /api/ answered 200, but not like Home Assistant's API",
			"check that the URL leads to Home Assistant itself and not to another service")
		return true
	}
	r.pass("api", fmt.Sprintf("GET /api/ accepted the token: %q", quoteRemote(msg.Message, 60)))
	return true
}

func (r *run) transportFailure(step, what string, err error) {
	var ne net.Error
	if errors.Is(err, io.ErrUnexpectedEOF) {
		r.add(step, Fail, what+" answered with a truncated body: the connection closed before the whole body arrived", truncatedFix)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		r.add(step, Fail, fmt.Sprintf("%s got no answer within %v; Alexa gives up after 8 s", what, r.s.Timeout),
			"find what slows Home Assistant or the path to it (its log, the proxy, a VPN); LEE answers BRIDGE_UNREACHABLE meanwhile")
		return
	}
	r.add(step, Fail, what+" failed: "+err.Error(),
		"check Home Assistant's log and the proxy in front of it; LEE answers BRIDGE_UNREACHABLE meanwhile")
}

// refused records why an answer other than a 2xx with a body Home
// Assistant would send is not usable; it reports whether it recorded one.
func (r *run) refused(step, what string, a *answer) bool {
	if finding, fix, bad := proxyPage(a); bad {
		r.add(step, Fail, what+" answered "+finding, fix)
		return true
	}
	s := a.status
	status := fmt.Sprintf("%s answered %d %s", what, s, http.StatusText(s))
	switch {
	case a.tooBig:
		r.add(step, Fail, fmt.Sprintf("%s answered more than %d MiB, over Lambda's response limit", what, MaxAnswerBytes>>20),
			"expose fewer entities to Alexa (alexa: smart_home: filter: in configuration.yaml); LEE answers INTERNAL_ERROR to an answer this big")
	case s == http.StatusUnauthorized:
		r.add(step, Fail, status+": Home Assistant refused the token",
			"the token is wrong, expired or revoked: create a new long-lived access token (profile, Security tab) on this Home Assistant; for Alexa, re-link the skill in the Alexa app")
	case s == http.StatusForbidden:
		r.add(step, Fail, status+": Home Assistant banned this address or a proxy forbids the request",
			"look for the address in Home Assistant's ip_bans.yaml and check the proxy's access rules")
	case s == http.StatusBadRequest:
		r.add(step, Fail, status+": Home Assistant refuses forwarded requests from an unknown proxy",
			"behind a reverse proxy, set http: use_x_forwarded_for: true and list the proxy in trusted_proxies")
	case s == http.StatusBadGateway || s == http.StatusServiceUnavailable || s == http.StatusGatewayTimeout:
		r.add(step, Fail, status+": Home Assistant is starting, or the proxy cannot reach it",
			"wait for Home Assistant to start, then check the proxy's upstream address; LEE answers BRIDGE_UNREACHABLE meanwhile")
	case s >= 300 && s < 400:
		r.add(step, Fail, status+" to "+quoteRemote(a.header.Get("Location"), 120)+": something redirects the API",
			"use the URL the redirect points to, or stop the proxy from redirecting /api/ (LEE follows no redirect)")
	case s < 200 || s >= 300:
		r.add(step, Fail, status, "see Home Assistant's log for the cause")
	default:
		return false
	}
	return true
}

// proxyPage recognises an HTML page where JSON belongs: a Cloudflare
// challenge or Access login, or another proxy's or Home Assistant's web
// page.
func proxyPage(a *answer) (finding, fix string, bad bool) {
	loc := strings.ToLower(a.header.Get("Location"))
	switch {
	case strings.Contains(loc, "cloudflareaccess.com"):
		return "a redirect to a Cloudflare Access login", cloudflareFix, true
	case !looksHTML(a):
		return "", "", false
	case a.header.Get("Cf-Mitigated") != "" || strings.EqualFold(a.header.Get("Server"), "cloudflare"):
		return fmt.Sprintf("%d with a Cloudflare challenge page instead of JSON", a.status), cloudflareFix, true
	}
	return fmt.Sprintf("%d with an HTML page instead of JSON: a proxy's login or error page stands in front of Home Assistant", a.status),
		"let the API through the proxy without a browser login; for an authenticating proxy give LEE the headers it needs in HA_HEADERS", true
}

const cloudflareFix = "let Home Assistant's /api/ through Cloudflare without a browser challenge (a WAF skip rule), or with Cloudflare Access " +
	`give LEE a service token: HA_HEADERS={"CF-Access-Client-Id":"...","CF-Access-Client-Secret":"..."} (test it with lee doctor --headers-env)`

func looksHTML(a *answer) bool {
	if strings.Contains(strings.ToLower(a.header.Get("Content-Type")), "text/html") {
		return true
	}
	trimmed := bytes.TrimLeft(a.body, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '<'
}
