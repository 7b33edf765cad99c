package metrics

// Unit is a CloudWatch unit; LEE uses two.
type Unit string

// The units LEE metrics are recorded in.
const (
	// Count is the unit of counters, recorded with Recorder.Count.
	Count Unit = "Count"
	// Milliseconds is the unit of durations, recorded with Recorder.Duration.
	Milliseconds Unit = "Milliseconds"
)

// The ten LEE metric names, the whole CloudWatch free-tier budget of custom
// metrics. The gateway, the function and the dashboard share them.
const (
	// Directives counts the Smart Home directives handled.
	Directives = "Directives"
	// ColdStart is 1 on the first invocation of a process.
	ColdStart = "ColdStart"
	// HALatency is the time of each request to Home Assistant.
	HALatency = "HALatency"
	// BridgeUnreachable counts BRIDGE_UNREACHABLE ErrorResponses sent.
	BridgeUnreachable = "BridgeUnreachable"
	// InvalidAuthorization counts INVALID_AUTHORIZATION_CREDENTIAL
	// ErrorResponses sent.
	InvalidAuthorization = "InvalidAuthorization"
	// InternalError counts INTERNAL_ERROR ErrorResponses sent.
	InternalError = "InternalError"
	// InvalidDirective counts INVALID_DIRECTIVE ErrorResponses sent.
	InvalidDirective = "InvalidDirective"
	// AcceptGrantFailed counts ACCEPT_GRANT_FAILED answers sent.
	AcceptGrantFailed = "AcceptGrantFailed"
	// BreakerOpen counts requests refused at once because the
	// home_assistant circuit breaker was open.
	BreakerOpen = "BreakerOpen"
	// CustomSkillRequests counts the custom-skill requests handled.
	CustomSkillRequests = "CustomSkillRequests"
)

// All is the metric set of the "all" tier: the ten LEE names.
var All = []string{
	Directives, ColdStart, HALatency, BridgeUnreachable, InvalidAuthorization,
	InternalError, InvalidDirective, AcceptGrantFailed, BreakerOpen, CustomSkillRequests,
}

// Essential is the metric set of the "essential" tier: the five names a
// dashboard cannot do without.
var Essential = []string{Directives, ColdStart, HALatency, BridgeUnreachable, InternalError}

// UnitOf returns the unit of a LEE metric name: Milliseconds for HALatency,
// Count for the nine others, and "" for a name that is not one of the ten.
func UnitOf(name string) Unit {
	switch name {
	case HALatency:
		return Milliseconds
	case Directives, ColdStart, BridgeUnreachable, InvalidAuthorization, InternalError,
		InvalidDirective, AcceptGrantFailed, BreakerOpen, CustomSkillRequests:
		return Count
	}
	return ""
}
