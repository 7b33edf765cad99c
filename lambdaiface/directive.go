package lambdaiface

// Header is the header of an Alexa Smart Home v3 directive or event. Every
// field is omitted when empty so that a decoded message encodes back to the
// same JSON.
type Header struct {
	// Namespace is the Alexa interface, for example "Alexa.PowerController".
	Namespace string `json:"namespace,omitempty"`
	// Name is the directive or event name, for example "TurnOn".
	Name string `json:"name,omitempty"`
	// PayloadVersion is "3" for every message LEE accepts.
	PayloadVersion string `json:"payloadVersion,omitempty"`
	// MessageID identifies this one message.
	MessageID string `json:"messageId,omitempty"`
	// CorrelationToken ties a response to the directive it answers; Alexa
	// leaves it out of Discovery and AcceptGrant directives.
	CorrelationToken string `json:"correlationToken,omitempty"`
}

// Scope carries the credential Alexa obtained through account linking. Its
// Token is a secret: String, GoString and LogValue never show it.
type Scope struct {
	// Type is "BearerToken" or "BearerTokenWithPartition".
	Type string `json:"type"`
	// Token is the user's OAuth access token for Home Assistant.
	Token string `json:"token"`
	// Partition is set only by "BearerTokenWithPartition" scopes.
	Partition string `json:"partition,omitempty"`
	// UserID is set only by "BearerTokenWithPartition" scopes.
	UserID string `json:"userId,omitempty"`
}

// Endpoint names the device a directive targets or an event reports on.
type Endpoint struct {
	// Scope holds the user's credential; it is nil in events LEE builds.
	Scope *Scope `json:"scope,omitempty"`
	// EndpointID is the device identifier Home Assistant chose at discovery.
	EndpointID string `json:"endpointId"`
	// Cookie is the opaque data Home Assistant attached at discovery. A nil
	// map is omitted while an empty one is kept, so "cookie": {} round-trips.
	Cookie map[string]string `json:"cookie,omitzero"`
}

// Directive is an Alexa Smart Home v3 directive: what Alexa asks the skill to
// do, reduced to what LEE reads. The relay sends the event's raw bytes, so
// members LEE does not read are not modelled.
type Directive struct {
	// Header says which directive this is.
	Header Header `json:"header"`
	// Endpoint is the target device; nil for Discovery and AcceptGrant.
	Endpoint *Endpoint `json:"endpoint,omitempty"`
	// Payload holds the payload members that carry a token; nil when the
	// directive has no payload.
	Payload *DirectivePayload `json:"payload,omitempty"`
}

// DirectivePayload is the part of a directive's payload LEE reads: the
// places Discovery and AcceptGrant carry the user's token.
type DirectivePayload struct {
	// Scope is Discovery's token place.
	Scope *Scope `json:"scope,omitempty"`
	// Grantee is AcceptGrant's token place.
	Grantee *Scope `json:"grantee,omitempty"`
}

// Alexa namespaces and names LEE treats specially.
const (
	// NamespaceAlexa is the namespace of generic Alexa events and errors.
	NamespaceAlexa = "Alexa"
	// NamespaceAuthorization is the namespace of the AcceptGrant directive.
	NamespaceAuthorization = "Alexa.Authorization"
	// NameAcceptGrant is the directive Alexa sends when a user links accounts.
	NameAcceptGrant = "AcceptGrant"
	// NameErrorResponse is the event name of every Alexa error answer.
	NameErrorResponse = "ErrorResponse"
	// PayloadVersion3 is the only payload version LEE understands.
	PayloadVersion3 = "3"
)

// IsAcceptGrant reports whether d is an Alexa.Authorization AcceptGrant
// directive, whose failures must be answered with ACCEPT_GRANT_FAILED in the
// Alexa.Authorization namespace. A nil directive is not.
func (d *Directive) IsAcceptGrant() bool {
	return d != nil && d.Header.Namespace == NamespaceAuthorization && d.Header.Name == NameAcceptGrant
}
