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
	Directive           = lambdaiface.Directive
	DirectiveError      = lambdaiface.DirectiveError
	Header              = lambdaiface.Header
	Response            = lambdaiface.Response
	ErrorType           = lambdaiface.ErrorType
	EventKind           = lambdaiface.Kind
	TokenSource         = lambdaiface.TokenSource
	CustomSkillRequest  = lambdaiface.CustomSkillRequest
	CustomSkillResponse = lambdaiface.CustomSkillResponse
	HTTPRequest         = lambdaiface.HTTPRequest
	HTTPResponse        = lambdaiface.HTTPResponse
	Configuration       = config.Config
	VarError            = config.VarError
	ParameterClient     = config.ParameterClient
	HTTPErrorKind       = httpclient.Kind
	InitSnapshot        = initialization.Snapshot
)

// Event kinds, as Classify reports them.
const (
	KindUnknown     = lambdaiface.KindUnknown
	KindSmartHome   = lambdaiface.KindSmartHome
	KindCustomSkill = lambdaiface.KindCustomSkill
	KindHTTP        = lambdaiface.KindHTTP
	KindWarmup      = lambdaiface.KindWarmup
)

// Alexa error types the function answers with. They are ErrorType values
// for ErrorResponse, not Go errors.
const (
	ErrBridgeUnreachable    = lambdaiface.BridgeUnreachable
	ErrInvalidAuthorization = lambdaiface.InvalidAuthorizationCredential
	ErrInternal             = lambdaiface.InternalError
	ErrInvalidDirective     = lambdaiface.InvalidDirective
	ErrAcceptGrantFailed    = lambdaiface.AcceptGrantFailed
)

// TokenNone is the TokenSource of a directive that carries no token.
const TokenNone = lambdaiface.TokenNone

// Kinds of failed requests, as httpclient classifies them (HAError.Kind).
const (
	HTTPOther    = httpclient.KindOther
	HTTPRefused  = httpclient.KindRefused
	HTTPDNS      = httpclient.KindDNS
	HTTPTLS      = httpclient.KindTLS
	HTTPTimeout  = httpclient.KindTimeout
	HTTPReset    = httpclient.KindReset
	HTTPTooLarge = httpclient.KindTooLarge
	HTTPStatus   = httpclient.KindStatus
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

// Sentinel errors of the interface modules the function may test for.
var (
	// ErrBadToken matches a token CallHomeAssistant refused to send.
	ErrBadToken = security.ErrBadToken
	// ErrBreakerOpen matches a call a circuit breaker refused.
	ErrBreakerOpen = circuitbreaker.ErrOpen
	// ErrParameterNotFound, ErrAccessDenied and ErrThrottled match the
	// reasons FallbackToken could not read HA_TOKEN_PARAMETER.
	ErrParameterNotFound = config.ErrParameterNotFound
	ErrAccessDenied      = config.ErrAccessDenied
	ErrThrottled         = config.ErrThrottled
)

// Classify tells which kind of event raw is (lambdaiface.Classify). The
// event functions below are pure, so they need no core and no construction.
func Classify(raw []byte) (EventKind, error) { return lambdaiface.Classify(raw) }

// DecodeDirective decodes and checks a Smart Home request body; a problem
// is a *DirectiveError (lambdaiface.DecodeDirective).
func DecodeDirective(raw []byte) (*Directive, error) { return lambdaiface.DecodeDirective(raw) }

// ReadDirectiveHead reads only the header and the endpoint's id and cookie
// of a refused request body, without decoding the rest; nil when no header
// can be read (lambdaiface.ReadDirectiveHead).
func ReadDirectiveHead(raw []byte) *Directive { return lambdaiface.ReadDirectiveHead(raw) }

// IsAlexaMessage reports whether Home Assistant's answer is an Alexa Smart
// Home message that may be passed through (lambdaiface.IsAlexaMessage).
func IsAlexaMessage(body []byte) bool { return lambdaiface.IsAlexaMessage(body) }

// NewSpeechResponse is a custom-skill answer that speaks text and ends the
// session (lambdaiface.NewSpeechResponse).
func NewSpeechResponse(text string) *CustomSkillResponse { return lambdaiface.NewSpeechResponse(text) }

// NewMessageID returns a random Alexa message id (utility.NewMessageID).
func NewMessageID() string { return utility.NewMessageID() }

// ErrorResponse builds the schema-valid Alexa ErrorResponse to d with a new
// messageId; it keeps d's correlationToken and endpoint, never its token.
func (g *Gateway) ErrorResponse(d *Directive, typ ErrorType, message string) *Response {
	return lambdaiface.NewErrorResponse(d, utility.NewMessageID(), typ, message)
}
