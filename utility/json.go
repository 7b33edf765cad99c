package utility

// LeadingByte returns the first byte of b that is not JSON white space
// (space, tab, carriage return, line feed), or 0 when there is none. It
// tells the kind of a JSON value, or that a body is an HTML page ('<'),
// without decoding anything.
func LeadingByte(b []byte) byte {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// IsJSONObject reports whether b starts, after JSON white space, with '{':
// whether it can be a JSON object. It does not check the rest of b.
func IsJSONObject(b []byte) bool { return LeadingByte(b) == '{' }
