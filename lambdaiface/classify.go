package lambdaiface

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Kind is the kind of event a Lambda invocation carries.
type Kind int

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
)

// String names the kind, for logs and metric dimensions.
func (k Kind) String() string {
	switch k {
	case KindUnknown:
		return "unknown"
	case KindSmartHome:
		return "smart-home"
	case KindCustomSkill:
		return "custom-skill"
	case KindHTTP:
		return "http"
	case KindWarmup:
		return "warmup"
	}
	return "Kind(invalid)"
}

// eventKeys holds the top-level members that tell event kinds apart, each
// raw, so that classification never builds the rest of the event.
type eventKeys struct {
	Directive      json.RawMessage `json:"directive"`
	Request        json.RawMessage `json:"request"`
	Version        json.RawMessage `json:"version"`
	RequestContext json.RawMessage `json:"requestContext"`
	Source         json.RawMessage `json:"source"`
	DetailType     json.RawMessage `json:"detail-type"`
	Warmup         json.RawMessage `json:"warmup"`
}

// eventFields are the JSON names of eventKeys' fields, in their order.
var eventFields = [...]string{"directive", "request", "version", "requestContext", "source", "detail-type", "warmup"}

// Classify tells which kind of event raw is, from its top-level members:
//   - smart home: "directive" is an object;
//   - custom skill: "request" is an object with a string "type", and
//     "version" is a string;
//   - HTTP: "version" is "2.0" and "requestContext" has an "http" object;
//   - warm-up: "source" is "aws.events" and "detail-type" is
//     "Scheduled Event", or "warmup" is true.
//
// It returns an error only when raw is not valid JSON or not an object; any
// other object is KindUnknown. It does not check that the event is well
// formed beyond these members: DecodeDirective does that for directives.
// Member names match as encoding/json matches them, in any letter case. It
// allocates nothing for an event whose top-level member names are plain
// ASCII and not repeated, which is every event AWS and Alexa send.
func Classify(raw []byte) (Kind, error) {
	k, ok := eventKeysFast(raw)
	if !ok {
		var err error
		if k, err = eventKeysChecked(raw); err != nil {
			return KindUnknown, err
		}
	}
	return kindOf(&k), nil
}

// kindOf applies Classify's rules, in order, to the top-level members.
func kindOf(k *eventKeys) Kind {
	switch {
	case isObject(k.Directive):
		return KindSmartHome
	case isCustomSkill(k):
		return KindCustomSkill
	case isHTTPv2(k):
		return KindHTTP
	case isWarmup(k):
		return KindWarmup
	}
	return KindUnknown
}

// eventKeysFast finds the top-level members with the member scanner; the
// members share raw's memory. ok is false when raw is not a valid JSON
// object or readFields cannot be sure to agree with encoding/json.
func eventKeysFast(raw []byte) (eventKeys, bool) {
	var f [len(eventFields)]span
	if !json.Valid(raw) || !readFields(raw, 0, eventFields[:], f[:]) {
		return eventKeys{}, false
	}
	return eventKeys{
		Directive:      member(raw, f[0]),
		Request:        member(raw, f[1]),
		Version:        member(raw, f[2]),
		RequestContext: member(raw, f[3]),
		Source:         member(raw, f[4]),
		DetailType:     member(raw, f[5]),
		Warmup:         member(raw, f[6]),
	}, true
}

// eventKeysChecked finds the top-level members with encoding/json, which
// also words the error for a body that is not a JSON object.
func eventKeysChecked(raw []byte) (eventKeys, error) {
	var k eventKeys
	if err := json.Unmarshal(raw, &k); err != nil && !isTypeError(err) {
		return k, fmt.Errorf("lambdaiface: classify event: %w", err)
	}
	if !isObject(raw) {
		return k, errors.New("lambdaiface: classify event: not a JSON object")
	}
	return k, nil
}

// member returns the value at s of doc, nil when absent; its capacity ends
// with it, so appending to it cannot write into doc.
func member(doc []byte, s span) json.RawMessage {
	if !s.found() {
		return nil
	}
	return doc[s.start:s.end:s.end]
}

// isCustomSkill applies the custom-skill rule of Classify.
func isCustomSkill(k *eventKeys) bool {
	if !isObject(k.Request) {
		return false
	}
	if _, ok := rawString(k.Version); !ok {
		return false
	}
	var req struct {
		Type json.RawMessage `json:"type"`
	}
	if json.Unmarshal(k.Request, &req) != nil {
		return false
	}
	typ, ok := rawString(req.Type)
	return ok && typ != ""
}

// isHTTPv2 applies the HTTP rule of Classify.
func isHTTPv2(k *eventKeys) bool {
	if v, _ := rawString(k.Version); v != "2.0" || !isObject(k.RequestContext) {
		return false
	}
	var rc struct {
		HTTP json.RawMessage `json:"http"`
	}
	return json.Unmarshal(k.RequestContext, &rc) == nil && isObject(rc.HTTP)
}

// isWarmup applies the warm-up rule of Classify.
func isWarmup(k *eventKeys) bool {
	if string(k.Warmup) == "true" {
		return true
	}
	src, _ := rawString(k.Source)
	detail, _ := rawString(k.DetailType)
	return src == scheduledSource && detail == scheduledDetailType
}

// rawString decodes raw when it is a JSON string.
func rawString(raw json.RawMessage) (string, bool) {
	if leadingByte(raw) != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}
