package gateway

import (
	"github.com/lee-engine/lee/circuitbreaker"
	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/httpclient"
	"github.com/lee-engine/lee/initialization"
	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
	"github.com/lee-engine/lee/utility"
)

// Type aliases carry the types the function needs, so that it imports the
// gateway alone (lee check imports enforces that).
type (
	Input               = lambdaiface.Input
	Directive           = lambdaiface.Directive
	DirectiveError      = lambdaiface.DirectiveError
	Response            = lambdaiface.Response
	ErrorType           = lambdaiface.ErrorType
	EventKind           = lambdaiface.Kind
	TokenSource         = lambdaiface.TokenSource
	CustomSkillResponse = lambdaiface.CustomSkillResponse
	HTTPResponse        = lambdaiface.HTTPResponse
	Configuration       = config.Config
	VarError            = config.VarError
	ParameterClient     = config.ParameterClient
	HTTPErrorKind       = httpclient.Kind
	InitSnapshot        = initialization.Snapshot
)

// Event kinds, the first index of the dispatch table.
const (
	KindUnknown     = lambdaiface.KindUnknown
	KindSmartHome   = lambdaiface.KindSmartHome
	KindCustomSkill = lambdaiface.KindCustomSkill
	KindHTTP        = lambdaiface.KindHTTP
	KindWarmup      = lambdaiface.KindWarmup
)

// Where a row's events carry the user's token (Row.Token).
const (
	TokenNone          = lambdaiface.TokenNone
	TokenEndpointScope = lambdaiface.TokenEndpointScope
	TokenPayloadScope  = lambdaiface.TokenPayloadScope
	TokenGrantee       = lambdaiface.TokenGrantee
	TokenSkillUser     = lambdaiface.TokenSkillUser
)

// Alexa namespaces with rules of their own.
const (
	NamespaceDiscovery     = "Alexa.Discovery"
	NamespaceAuthorization = lambdaiface.NamespaceAuthorization
)

// Alexa error types the function answers with: values for ErrorResponse's
// payload.type, not Go errors.
const (
	BridgeUnreachable              = lambdaiface.BridgeUnreachable
	InvalidAuthorizationCredential = lambdaiface.InvalidAuthorizationCredential
	InternalError                  = lambdaiface.InternalError
	InvalidDirective               = lambdaiface.InvalidDirective
	AcceptGrantFailed              = lambdaiface.AcceptGrantFailed
)

// Kinds of failed requests, as httpclient classifies them (HAError.Kind).
const (
	HTTPOther    = httpclient.KindOther
	HTTPRefused  = httpclient.KindRefused
	HTTPDNS      = httpclient.KindDNS
	HTTPTLS      = httpclient.KindTLS
	HTTPTimeout  = httpclient.KindTimeout
	HTTPReset    = httpclient.KindReset
	HTTPTooLarge = httpclient.KindTooLarge
	HTTPCanceled = httpclient.KindCanceled
)

// The ten metric names; the deploy dashboard uses the same.
const (
	MetricDirectives           = metrics.Directives
	MetricColdStart            = metrics.ColdStart
	MetricHALatency            = metrics.HALatency
	MetricBridgeUnreachable    = metrics.BridgeUnreachable
	MetricInvalidAuthorization = metrics.InvalidAuthorization
	MetricInternalError        = metrics.InternalError
	MetricInvalidDirective     = metrics.InvalidDirective
	MetricAcceptGrantFailed    = metrics.AcceptGrantFailed
	MetricBreakerOpen          = metrics.BreakerOpen
	MetricCustomSkillRequests  = metrics.CustomSkillRequests
)

// Sentinel errors of the interface modules the function tests for.
var (
	// ErrBadToken matches a token CallHomeAssistant refused to send.
	ErrBadToken = security.ErrBadToken
	// ErrBreakerOpen matches a call the circuit breaker refused.
	ErrBreakerOpen = circuitbreaker.ErrOpen
	// ErrParameterNotFound, ErrAccessDenied and ErrThrottled match the
	// reasons Token could not read HA_TOKEN_PARAMETER.
	ErrParameterNotFound = config.ErrParameterNotFound
	ErrAccessDenied      = config.ErrAccessDenied
	ErrThrottled         = config.ErrThrottled
)

// IsAlexaMessage reports whether Home Assistant's answer is an Alexa Smart
// Home message that may be passed through (lambdaiface.IsAlexaMessage).
func IsAlexaMessage(body []byte) bool { return lambdaiface.IsAlexaMessage(body) }

// NewSpeechResponse is a custom-skill answer that speaks text and ends the
// session (lambdaiface.NewSpeechResponse).
func NewSpeechResponse(text string) *CustomSkillResponse { return lambdaiface.NewSpeechResponse(text) }

// NewErrorResponse builds the schema-valid Alexa ErrorResponse to d with a
// new messageId; it keeps d's correlationToken and endpoint, never its
// token (lambdaiface.NewErrorResponse).
func NewErrorResponse(d *Directive, typ ErrorType, message string) *Response {
	return lambdaiface.NewErrorResponse(d, typ, message)
}

// LeadingByte is the first byte of b that is not JSON white space, or 0
// (utility.LeadingByte): enough to tell an HTML page from JSON.
func LeadingByte(b []byte) byte { return utility.LeadingByte(b) }
