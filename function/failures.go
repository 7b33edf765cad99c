package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/lee-engine/lee/gateway"
)

// failure is an Alexa error type and the message that tells the user what
// to fix. Messages never include a token, a header value or a file path.
type failure struct {
	typ     gateway.ErrorType
	message string
}

// transportFailure maps a request that got no usable HTTP answer (DESIGN.md's
// error table: connection refused/reset, DNS, TLS, budget used up, breaker
// open → BRIDGE_UNREACHABLE; an oversized answer → INTERNAL_ERROR).
func transportFailure(err error) failure {
	if errors.Is(err, gateway.ErrBadToken) {
		return failure{gateway.InvalidAuthorizationCredential, "the bearer token is not a valid token (empty, too long or with spaces or control characters), so it was not sent: re-link the skill's account to Home Assistant"}
	}
	var he *gateway.HAError
	if !errors.As(err, &he) { // unprepared: the cause is logged, it may name a file
		return failure{gateway.InternalError, "LEE could not prepare the request to Home Assistant: see the function's log"}
	}
	if he.BreakerOpen {
		return failure{gateway.BridgeUnreachable, "Home Assistant failed repeatedly, so LEE pauses calls to it for a short while (circuit breaker open); check that it is running and reachable"}
	}
	switch he.Kind {
	case gateway.HTTPRefused:
		return failure{gateway.BridgeUnreachable, "Home Assistant refused the connection: check HA_URL's host and port and that Home Assistant is running"}
	case gateway.HTTPDNS:
		return failure{gateway.BridgeUnreachable, "Home Assistant's host name could not be resolved: check HA_URL and your DNS record"}
	case gateway.HTTPTLS:
		return failure{gateway.BridgeUnreachable, "the TLS connection to Home Assistant failed (certificate not trusted, expired or for another host): fix the certificate, or set HA_CA_FILE for a private CA"}
	case gateway.HTTPTimeout, gateway.HTTPCanceled:
		return failure{gateway.BridgeUnreachable, "Home Assistant did not answer within the time budget (HA_TIMEOUT and the Lambda timeout): check its load and network path"}
	case gateway.HTTPReset:
		return failure{gateway.BridgeUnreachable, "the connection to Home Assistant was reset: check the proxy or firewall in front of it"}
	case gateway.HTTPTooLarge:
		return failure{gateway.InternalError, "Home Assistant's answer is larger than Lambda's 6 MB response limit: expose fewer entities to Alexa"}
	}
	return failure{gateway.BridgeUnreachable, "Home Assistant could not be reached: " + he.Kind.String()}
}

// unprepared reports whether err means that the request to Home Assistant
// could not even be prepared (neither an *HAError nor a refused token).
// Its text may name a file, so it goes to the log, never into an answer.
func unprepared(err error) bool {
	var he *gateway.HAError
	return !errors.Is(err, gateway.ErrBadToken) && !errors.As(err, &he)
}

// tokenFailure maps a failed read of the fallback token from SSM. The
// answer names the fix; the SDK's own text (which may quote role or account
// ARNs) goes to the log only.
func tokenFailure(err error) failure {
	const where = "the fallback token in SSM Parameter Store (HA_TOKEN_PARAMETER)"
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return failure{gateway.BridgeUnreachable, "reading " + where + " did not finish within the time budget: check the function's network path to SSM"}
	case errors.Is(err, gateway.ErrParameterNotFound):
		return failure{gateway.InternalError, where + " does not exist or is empty: create it as a SecureString or fix the name"}
	case errors.Is(err, gateway.ErrAccessDenied):
		return failure{gateway.InternalError, "the function's role may not read " + where + ": grant ssm:GetParameter on it and kms:Decrypt on its key"}
	case errors.Is(err, gateway.ErrThrottled):
		return failure{gateway.InternalError, "SSM throttled the read of " + where + ": try again shortly"}
	}
	return failure{gateway.InternalError, "could not read " + where + ": see the function's log"}
}

// answerFailure maps an HTTP answer that is not a usable Alexa message.
func answerFailure(res *gateway.HAResult) (failure, bool) {
	switch s := res.Status; {
	case s >= 200 && s < 300 && gateway.IsAlexaMessage(res.Body):
		return failure{}, false
	case s < 200:
		return failure{gateway.InternalError, fmt.Sprintf("Home Assistant (or the proxy in front of it) answered %d %s instead of an Alexa message: is a proxy switching the connection to WebSocket or another protocol?", s, http.StatusText(s))}, true
	case s == http.StatusUnauthorized || s == http.StatusForbidden:
		return failure{gateway.InvalidAuthorizationCredential, fmt.Sprintf("Home Assistant returned %d: the token is not accepted; re-link the skill's account or renew the long-lived access token", s)}, true
	case s == http.StatusNotFound:
		return failure{gateway.InternalError, "Home Assistant returned 404: is `alexa: smart_home:` configured in configuration.yaml?"}, true
	case s == http.StatusBadGateway || s == http.StatusServiceUnavailable || s == http.StatusGatewayTimeout:
		return failure{gateway.BridgeUnreachable, fmt.Sprintf("Home Assistant (or the proxy in front of it) returned %d: it is starting, overloaded or unreachable behind the proxy", s)}, true
	case s >= 200 && s < 300:
		return failure{gateway.InternalError, "Home Assistant's answer is not an Alexa message (" + describeBody(res) + "): is a proxy, login page or Cloudflare challenge in front of it?"}, true
	}
	return failure{gateway.InternalError, fmt.Sprintf("Home Assistant returned %d: see its log for the cause", res.Status)}, true
}

// describeBody names what kind of non-Alexa body arrived, without quoting it.
func describeBody(res *gateway.HAResult) string {
	switch {
	case len(res.Body) == 0:
		return "an empty body"
	case looksHTML(res.Body):
		return "an HTML page"
	case !utf8.Valid(res.Body):
		return "text that is not valid UTF-8"
	}
	return "not Alexa JSON"
}

func looksHTML(b []byte) bool { return gateway.LeadingByte(b) == '<' }

// metricFor is the metric that counts error answers of type typ.
func metricFor(typ gateway.ErrorType) string {
	switch typ {
	case gateway.BridgeUnreachable:
		return gateway.MetricBridgeUnreachable
	case gateway.InvalidAuthorizationCredential:
		return gateway.MetricInvalidAuthorization
	case gateway.InvalidDirective:
		return gateway.MetricInvalidDirective
	case gateway.AcceptGrantFailed:
		return gateway.MetricAcceptGrantFailed
	}
	return gateway.MetricInternalError
}
