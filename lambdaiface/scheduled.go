package lambdaiface

// ScheduledEvent is an Amazon EventBridge scheduled event, which LEE uses to
// keep a function instance warm.
type ScheduledEvent struct {
	// ID identifies the event.
	ID string `json:"id,omitempty"`
	// Source is "aws.events" for scheduled events.
	Source string `json:"source"`
	// DetailType is "Scheduled Event" for scheduled events.
	DetailType string `json:"detail-type"`
	// Time is when the schedule fired, in ISO 8601.
	Time string `json:"time,omitempty"`
}

// Values that mark an EventBridge event as a scheduled one.
const (
	scheduledSource     = "aws.events"
	scheduledDetailType = "Scheduled Event"
)
