package doctor

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"unicode"
)

// run is the state one diagnosis builds up step by step.
type run struct {
	s       Settings
	results []Result

	base  *url.URL        // the parsed URL, set by checkURL
	host  string          // its host name or IP, without brackets
	port  string          // its port, the scheme's default when absent
	addrs []netip.Addr    // the host's addresses, set by checkDNS
	addr  string          // the ip:port the TCP step connected to
	roots *x509.CertPool  // trusted roots, set by checkTLS
	http  *http.Client    // client dialing addr, built after TLS
	tport *http.Transport // its transport, closed at the end
}

// Run diagnoses the Home Assistant s.URL names. It stops early, recording
// the step in Report.Stopped, when a step the later ones need fails (no
// DNS answer, no connection, no trusted TLS, no usable token).
func Run(ctx context.Context, s Settings) Report {
	r := &run{s: s.withDefaults()}
	defer r.close()
	stopped := r.steps(ctx)
	return Report{Results: r.scrubbed(), Stopped: stopped}
}

// steps runs the checks in order and returns the step it stopped at.
func (r *run) steps(ctx context.Context) string {
	if !r.checkURL() {
		return "url"
	}
	tokenOK := r.checkToken()
	network := []struct {
		name  string
		check func(context.Context) bool
	}{
		{"dns", r.checkDNS},
		{"tcp", r.checkTCP},
		{"tls", r.checkTLS},
	}
	for _, step := range network {
		if !step.check(ctx) {
			return step.name
		}
	}
	if !tokenOK {
		return "token"
	}
	r.newClient()
	if !r.checkAPI(ctx) {
		return "api"
	}
	if !r.checkAlexa(ctx) {
		return "alexa"
	}
	return ""
}

func (r *run) add(step string, status Status, finding, fix string, details ...string) {
	r.results = append(r.results, Result{Step: step, Status: status, Finding: finding, Fix: fix, Details: details})
}

func (r *run) pass(step, finding string) { r.add(step, Pass, finding, "") }

func (r *run) close() {
	if r.tport != nil {
		r.tport.CloseIdleConnections()
	}
}

// scrubbed returns the results with every secret replaced, so no path of
// the code above can leak the token into the report.
func (r *run) scrubbed() []Result {
	var secrets []string
	if r.s.Token != "" {
		secrets = append(secrets, r.s.Token)
	}
	for _, v := range r.s.Headers {
		if v != "" {
			secrets = append(secrets, v)
		}
	}
	scrub := func(s string) string {
		for _, secret := range secrets {
			s = strings.ReplaceAll(s, secret, "[REDACTED]")
		}
		return s
	}
	out := make([]Result, len(r.results))
	for i, res := range r.results {
		res.Finding, res.Fix = scrub(res.Finding), scrub(res.Fix)
		details := make([]string, len(res.Details))
		for k, d := range res.Details {
			details[k] = scrub(d)
		}
		res.Details = details
		out[i] = res
	}
	return out
}

// quoteRemote makes text that came from the network safe to print on one
// line: control characters become spaces and it is cut to max runes.
func quoteRemote(s string, max int) string {
	s = strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, s)
	if runes := []rune(s); len(runes) > max {
		s = string(runes[:max]) + "…"
	}
	return s
}
