package utility

import "time"

// timestampLayout writes UTC time with exactly two fractional digits, the
// form of Alexa's own samples ("2017-02-03T16:20:50.52Z") and within the
// schema's pattern for timeOfSample (one to three fractional digits).
const timestampLayout = "2006-01-02T15:04:05.00Z"

// Timestamp formats t for Alexa fields such as timeOfSample: converted to
// UTC, hundredths of a second truncated (never rounded, so a timestamp never
// lies in the future of the moment it describes).
func Timestamp(t time.Time) string {
	return t.UTC().Format(timestampLayout)
}
