package lambdaiface

// CustomSkillRequest is an Alexa Skills Kit (custom skill) request, reduced
// to what LEE reads: the request's identity and the linked account's token.
// LEE relays the raw body, so members it does not read are not modelled.
type CustomSkillRequest struct {
	// Version is the request format version, "1.0".
	Version string `json:"version"`
	// Session is present for requests that belong to a skill session.
	Session *Session `json:"session,omitempty"`
	// Context describes the device and user; present in every request.
	Context *SkillContext `json:"context,omitempty"`
	// Request is what the user asked for.
	Request SkillRequest `json:"request"`
}

// Session is the session member of a custom-skill request.
type Session struct {
	// New is true for the first request of a session.
	New bool `json:"new"`
	// SessionID identifies the session.
	SessionID string `json:"sessionId,omitempty"`
	// User is the Amazon account and its linked token.
	User *SkillUser `json:"user,omitempty"`
}

// SkillContext is the context member of a custom-skill request.
type SkillContext struct {
	// System holds the device-independent part of the context.
	System SkillSystem `json:"System"`
}

// SkillSystem is context.System of a custom-skill request.
type SkillSystem struct {
	// User is the Amazon account and its linked token.
	User *SkillUser `json:"user,omitempty"`
}

// SkillUser is an Amazon account as a custom skill sees it. AccessToken is a
// secret: String, GoString and LogValue never show it.
type SkillUser struct {
	// UserID identifies the Amazon account for this skill.
	UserID string `json:"userId,omitempty"`
	// AccessToken is the linked Home Assistant token; empty when the user
	// has not linked accounts.
	AccessToken string `json:"accessToken,omitempty"`
}

// SkillRequest is the request member of a custom-skill request.
type SkillRequest struct {
	// Type is the request type, for example "LaunchRequest" or "IntentRequest".
	Type string `json:"type"`
	// RequestID identifies the request.
	RequestID string `json:"requestId,omitempty"`
	// Timestamp is when Alexa sent the request, in ISO 8601.
	Timestamp string `json:"timestamp,omitempty"`
	// Locale is the user's locale, for example "en-US".
	Locale string `json:"locale,omitempty"`
}

// AccessToken returns the linked account's token, preferring
// context.System.user.accessToken, which Alexa sends with every request,
// over session.user.accessToken, which only in-session requests carry. It
// returns "" when the user has not linked accounts.
func (r *CustomSkillRequest) AccessToken() string {
	if r == nil {
		return ""
	}
	if r.Context != nil && r.Context.System.User != nil && r.Context.System.User.AccessToken != "" {
		return r.Context.System.User.AccessToken
	}
	if r.Session != nil && r.Session.User != nil {
		return r.Session.User.AccessToken
	}
	return ""
}

// CustomSkillResponse is the answer to a custom-skill request.
type CustomSkillResponse struct {
	// Version is the response format version, "1.0".
	Version string `json:"version"`
	// Response is what Alexa says and does next.
	Response SkillResponse `json:"response"`
}

// SkillResponse is the response member of a custom-skill answer.
type SkillResponse struct {
	// OutputSpeech is what Alexa says; nil for silence.
	OutputSpeech *OutputSpeech `json:"outputSpeech,omitempty"`
	// ShouldEndSession closes the session when true.
	ShouldEndSession bool `json:"shouldEndSession"`
}

// OutputSpeech is speech in a custom-skill answer.
type OutputSpeech struct {
	// Type is "PlainText" or "SSML".
	Type string `json:"type"`
	// Text is the speech when Type is "PlainText".
	Text string `json:"text,omitempty"`
	// SSML is the speech when Type is "SSML".
	SSML string `json:"ssml,omitempty"`
}

// NewSpeechResponse returns an answer that speaks text as plain text and
// ends the session, the form LEE uses for its apologies when Home Assistant
// cannot answer.
func NewSpeechResponse(text string) *CustomSkillResponse {
	return &CustomSkillResponse{
		Version: "1.0",
		Response: SkillResponse{
			OutputSpeech:     &OutputSpeech{Type: "PlainText", Text: text},
			ShouldEndSession: true,
		},
	}
}
