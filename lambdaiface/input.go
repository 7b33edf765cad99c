package lambdaiface

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/lee-engine/lee/utility"
)

// Kind is the kind of event a Lambda invocation carries.
type Kind uint8

const (
	// KindUnknown is any JSON object LEE does not handle.
	KindUnknown Kind = iota
	// KindSmartHome is an Alexa Smart Home v3 directive.
	KindSmartHome
	// KindCustomSkill is an Alexa Skills Kit custom-skill request.
	KindCustomSkill
	// KindHTTP is a Lambda function URL or HTTP API request (format 2.0).
	KindHTTP
	// KindWarmup is a scheduled EventBridge event or a {"warmup": true} ping.
	KindWarmup
	// NumKinds is the number of kinds, for tables indexed by Kind.
	NumKinds
)

var kindNames = [NumKinds]string{"unknown", "smart-home", "custom-skill", "http", "warmup"}

// String names the kind, for logs.
func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return "Kind(invalid)"
}

// Input is one Lambda event decoded once: its kind and, for the kinds LEE
// serves, the members LEE reads. Raw is the event as received; the relay
// sends it on unchanged.
type Input struct {
	Kind Kind
	Raw  []byte
	// Directive is set for KindSmartHome; after a *DirectiveError it holds
	// what could be read (at least the header), or is nil when not even the
	// header could be.
	Directive *Directive
	// Skill is set for KindCustomSkill.
	Skill *CustomSkillRequest
	// HTTP is set for KindHTTP.
	HTTP *HTTPRequest
}

// Values that mark an EventBridge event as a scheduled one.
const (
	scheduledSource     = "aws.events"
	scheduledDetailType = "Scheduled Event"
)

// wireInput is every top-level member Decode reads, for all kinds at once,
// so that the event is decoded in one pass. Pointers tell "absent" from
// "present"; a member of the wrong type is told by the decoder's type error
// (see isField), since encoding/json allocates the pointer all the same.
type wireInput struct {
	Directive      *wireDirective   `json:"directive"`
	Version        *string          `json:"version"`
	Session        *Session         `json:"session"`
	Context        *SkillContext    `json:"context"`
	Request        *SkillRequest    `json:"request"`
	RawPath        string           `json:"rawPath"`
	RequestContext *wireHTTPContext `json:"requestContext"`
	Source         string           `json:"source"`
	DetailType     string           `json:"detail-type"`
	Warmup         bool             `json:"warmup"`
}

type wireDirective struct {
	Header   *Header           `json:"header"`
	Endpoint *Endpoint         `json:"endpoint"`
	Payload  *DirectivePayload `json:"payload"`
}

type wireHTTPContext struct {
	RequestID string       `json:"requestId"`
	HTTP      *HTTPDetails `json:"http"`
}

// ErrNotObject is returned by Decode for an event that is not one JSON
// object.
var ErrNotObject = errors.New("event is not a JSON object")

// Decode reads a Lambda event in one pass of encoding/json and tells which
// kind it is, from its top-level members:
//   - smart home: "directive" is an object;
//   - custom skill: "request" is an object with a non-empty string "type",
//     and "version" is a string;
//   - HTTP: "version" is "2.0" and "requestContext" has an "http" object;
//   - warm-up: "source" is "aws.events" and "detail-type" is
//     "Scheduled Event", or "warmup" is true;
//   - anything else that is a JSON object is KindUnknown.
//
// The error is ErrNotObject (wrapped) when raw is not a JSON object; then
// the Input is nil. For a directive that cannot be relayed it is a
// *DirectiveError, and the Input holds what could be read. For a custom
// skill request with a member of the wrong type it says which. Member names
// match as encoding/json matches them, in any letter case. When several
// members have the wrong JSON type, the error names the first. The Input
// shares no memory with raw except Raw itself.
func Decode(raw []byte) (*Input, error) {
	if !utility.IsJSONObject(raw) {
		return nil, fmt.Errorf("lambdaiface: decode event: %w", ErrNotObject)
	}
	var w wireInput
	err := json.Unmarshal(raw, &w)
	var typeErr *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &typeErr) {
		return nil, fmt.Errorf("lambdaiface: decode event: %w (not well-formed JSON: %w)", ErrNotObject, err)
	}
	if typeErr != nil && typeErr.Field == "" {
		return nil, fmt.Errorf("lambdaiface: decode event: %w", ErrNotObject)
	}
	in := &Input{Raw: raw}
	switch {
	case w.Directive != nil && !isField(typeErr, "directive"):
		in.Kind = KindSmartHome
		in.Directive, err = w.Directive.check(typeErr)
		return in, err
	case w.Request != nil && w.Request.Type != "" && w.Version != nil && !isField(typeErr, "version"):
		in.Kind = KindCustomSkill
		in.Skill = &CustomSkillRequest{Version: *w.Version, Session: w.Session, Context: w.Context, Request: *w.Request}
		if f := fieldIn(typeErr, "session", "context", "request"); f != "" {
			return in, fmt.Errorf("lambdaiface: decode custom skill request: %s has the wrong JSON type", f)
		}
		return in, nil
	case w.Version != nil && *w.Version == "2.0" && w.RequestContext != nil && w.RequestContext.HTTP != nil &&
		!isField(typeErr, "requestContext") && !isField(typeErr, "requestContext.http"):
		in.Kind = KindHTTP
		in.HTTP = &HTTPRequest{Version: *w.Version, RawPath: w.RawPath,
			RequestContext: HTTPRequestContext{RequestID: w.RequestContext.RequestID, HTTP: *w.RequestContext.HTTP}}
		return in, nil
	case w.Warmup || w.Source == scheduledSource && w.DetailType == scheduledDetailType:
		in.Kind = KindWarmup
	}
	return in, nil
}

// isField reports whether the type error is about the member at path
// itself: encoding/json allocates a pointer member before it finds the
// value is of the wrong type, so only the error tells.
func isField(err *json.UnmarshalTypeError, path string) bool {
	return err != nil && err.Field == path
}

// fieldIn returns the type error's field when it lies inside one of the
// top-level members named, "" otherwise.
func fieldIn(err *json.UnmarshalTypeError, members ...string) string {
	if err == nil {
		return ""
	}
	top, _, _ := strings.Cut(err.Field, ".")
	for _, m := range members {
		if strings.EqualFold(top, m) {
			return err.Field
		}
	}
	return ""
}

// RequestID returns the Lambda request id of the invocation ctx belongs to,
// as the aws-lambda-go runtime loop puts it there, or "" outside one.
func RequestID(ctx context.Context) string {
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		return lc.AwsRequestID
	}
	return ""
}
