package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
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

// HARequest is one POST to Home Assistant. Its String, GoString and
// LogValue never show the token or the body.
type HARequest struct {
	Path  string // appended to HA_URL; must start with "/", e.g. SmartHomePath
	Token string // bearer token; a secret
	Body  []byte // sent unchanged
	// BudgetCut says the caller's time budget (the context's deadline) was
	// cut below HA_TIMEOUT by the Lambda deadline. A request that runs out
	// of such a budget does not count against the breaker: Home Assistant
	// was given less time than it is allowed.
	BudgetCut bool
}

// String shows the path and sizes only.
func (r HARequest) String() string {
	tok := "unset"
	if r.Token != "" {
		tok = "set"
	}
	return fmt.Sprintf("POST %s (token %s, %d-byte body)", r.Path, tok, len(r.Body))
}

// GoString is String, so that %#v cannot print the token either.
func (r HARequest) GoString() string { return r.String() }

// LogValue is String, for log/slog.
func (r HARequest) LogValue() slog.Value { return slog.StringValue(r.String()) }

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

// CallHomeAssistant posts req.Body to HA_URL + req.Path with the bearer
// token, within ctx's deadline, inside the home_assistant circuit breaker,
// and records HALatency (every request sent) and BreakerOpen (every request
// refused). Transport failures and 5xx answers count against the breaker;
// 4xx answers, a canceled context and an oversized answer do not, since
// Home Assistant is up when they happen, and neither does running out of a
// budget the Lambda deadline cut short (req.BudgetCut). Every HTTP answer
// comes back as an *HAResult with a nil error; no answer is an *HAError. A token that cannot
// be put in a header is refused before anything is sent, with an error
// matching ErrBadToken, and does not count against the breaker.
func (g *Gateway) CallHomeAssistant(ctx context.Context, req HARequest) (*HAResult, error) {
	g.calls[HTTPClient].fast.Add(1)
	return g.callHomeAssistant(ctx, &req)
}

func (g *Gateway) callHomeAssistant(ctx context.Context, req *HARequest) (*HAResult, error) {
	if !strings.HasPrefix(req.Path, "/") {
		return nil, fmt.Errorf("%w: home assistant path %q must start with /", ErrBadArgs, req.Path)
	}
	if err := security.CheckTokenShape(req.Token); err != nil {
		return nil, fmt.Errorf("gateway: home assistant request: %w", err)
	}
	client, err := g.httpCore()
	if err != nil {
		return nil, err
	}
	breakers, err := g.breakerCore()
	if err != nil {
		return nil, err
	}
	var (
		resp  *httpclient.Response
		doErr error
		took  time.Duration
	)
	err = breakers.Get(HABreaker).Execute(func() error {
		start := time.Now()
		resp, doErr = client.Do(ctx, httpclient.Request{
			Method:      http.MethodPost,
			URL:         g.urlFor(req.Path),
			Body:        req.Body,
			BearerToken: req.Token,
		})
		took = time.Since(start)
		if haFailed(resp, doErr) && !outOfCutBudget(ctx, req) {
			return errHAFailure
		}
		return nil
	})
	if errors.Is(err, circuitbreaker.ErrOpen) {
		g.count(metrics.BreakerOpen, 1)
		return nil, &HAError{Kind: httpclient.KindOther, BreakerOpen: true, Err: err}
	}
	g.duration(metrics.HALatency, took)
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

// outOfCutBudget reports whether the request ran out of a budget the
// Lambda deadline had cut below HA_TIMEOUT: a failure then says nothing
// about Home Assistant, which would still have had time.
func outOfCutBudget(ctx context.Context, req *HARequest) bool {
	return req.BudgetCut && errors.Is(ctx.Err(), context.DeadlineExceeded)
}

// urlFor joins HA_URL and path, reusing the joins made by New for the two
// Alexa paths.
func (g *Gateway) urlFor(path string) string {
	switch path {
	case SmartHomePath:
		return g.smartHomeURL
	case CustomSkillPath:
		return g.skillURL
	}
	return g.base + path
}
