package gateway

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
	"github.com/lee-engine/lee/httpclient"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
)

// Paths of Home Assistant's Alexa API.
const (
	SmartHomePath   = "/api/alexa/smart_home"
	CustomSkillPath = "/api/alexa"
)

// HAResult is Home Assistant's answer, whatever its status.
type HAResult struct {
	Status   int
	Body     []byte
	Header   http.Header
	Attempts int           // 1, or 2 after a connection that could not be made
	Latency  time.Duration // the whole request, attempts and body included
}

// String shows the status and sizes only: Home Assistant's answer may echo
// the directive's scope, token included.
func (r *HAResult) String() string {
	return fmt.Sprintf("HTTP %d (%d-byte body, %d attempts, %s)", r.Status, len(r.Body), r.Attempts, r.Latency)
}

// HAError is a request to Home Assistant that produced no HTTP answer: the
// breaker turned it away (BreakerOpen, Kind KindOther) or the transport
// failed (Kind as httpclient classifies it). Its text names the URL without
// credentials and never the token.
type HAError struct {
	Kind        HTTPErrorKind
	BreakerOpen bool
	Err         error
}

// Error says why no answer arrived.
func (e *HAError) Error() string {
	if e.BreakerOpen {
		return "gateway: home assistant: circuit breaker " + HABreaker + " open, request not sent"
	}
	return fmt.Sprintf("gateway: home assistant: %s: %v", e.Kind, e.Err)
}

// Unwrap returns the transport's or the breaker's error.
func (e *HAError) Unwrap() error { return e.Err }

// errHAFailure tells the breaker that a call failed while the answer (a
// 5xx) still reaches the caller.
var errHAFailure = errors.New("gateway: home assistant failed")

// CallHomeAssistant posts body unchanged to HA_URL + path (SmartHomePath
// or CustomSkillPath) with the bearer token, within ctx's deadline, inside
// the home_assistant circuit breaker, and records HALatency (every request
// sent) and BreakerOpen (every request refused). Transport failures and 5xx
// answers count against the breaker; 4xx answers, a canceled context and
// an oversized answer do not, since Home Assistant is up when they happen,
// and neither does running out of a budget the Lambda deadline cut short
// (see Budget). Every HTTP answer comes back as an *HAResult with a nil error; no answer
// is an *HAError. A token that cannot be put in a header is refused before
// anything is sent, with an error matching ErrBadToken, and does not count
// against the breaker.
func (g *Gateway) CallHomeAssistant(ctx context.Context, path, token string, body []byte) (*HAResult, error) {
	url := g.smartHomeURL
	if path == CustomSkillPath {
		url = g.skillURL
	} else if path != SmartHomePath {
		return nil, fmt.Errorf("gateway: home assistant path %q: want %s or %s", path, SmartHomePath, CustomSkillPath)
	}
	if err := security.CheckTokenShape(token); err != nil {
		return nil, fmt.Errorf("gateway: home assistant request: %w", err)
	}
	client, err := g.httpCore()
	if err != nil {
		return nil, err
	}
	breaker, err := g.breakerCore()
	if err != nil {
		return nil, err
	}
	var (
		resp  *httpclient.Response
		doErr error
		took  time.Duration
	)
	err = breaker.Execute(func() error {
		start := time.Now()
		resp, doErr = client.Do(ctx, httpclient.Request{Method: http.MethodPost, URL: url, Body: body, BearerToken: token})
		took = time.Since(start)
		if haFailed(resp, doErr) && !outOfCutBudget(ctx) {
			return errHAFailure
		}
		return nil
	})
	if errors.Is(err, circuitbreaker.ErrOpen) {
		g.Count(ctx, metrics.BreakerOpen, 1)
		return nil, &HAError{Kind: httpclient.KindOther, BreakerOpen: true, Err: err}
	}
	g.duration(ctx, metrics.HALatency, took)
	if doErr != nil {
		return nil, &HAError{Kind: httpclient.KindOf(doErr), Err: doErr}
	}
	if resp == nil { // the breaker refused for a reason other than ErrOpen
		return nil, &HAError{Kind: httpclient.KindOther, Err: fmt.Errorf("gateway: home assistant request not sent: %w", err)}
	}
	return &HAResult{Status: resp.StatusCode, Body: resp.Body, Header: resp.Header,
		Attempts: resp.Attempts, Latency: resp.Duration}, nil
}

// haFailed decides what counts against the home_assistant breaker.
func haFailed(resp *httpclient.Response, err error) bool {
	if err != nil {
		switch httpclient.KindOf(err) {
		case httpclient.KindCanceled, httpclient.KindTooLarge:
			return false
		}
		return true
	}
	return resp.StatusCode >= http.StatusInternalServerError
}
