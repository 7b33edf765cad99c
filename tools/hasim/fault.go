package hasim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kind names what an injected fault does to a request.
type Kind string

// The fault kinds. Truncated, Reset, Delay and InvalidUTF8 let Home
// Assistant handle the request (a directive is applied) and then break the
// answer; the others replace the answer, so nothing is applied.
const (
	// KindStatus answers Status with a Home Assistant-like body: the text
	// "401: Unauthorized" for 401, JSON {"message": ...} otherwise.
	KindStatus Kind = "status"
	// KindHTML answers an HTML page (Page "login": Home Assistant's login
	// page; "challenge": a Cloudflare browser challenge) with Status, or 200.
	KindHTML Kind = "html"
	// KindTruncated sends the real answer cut in half, with a
	// Content-Length that matches the half.
	KindTruncated Kind = "truncated"
	// KindInvalidJSON answers 200 application/json with a body that is not
	// JSON.
	KindInvalidJSON Kind = "invalid_json"
	// KindEmptyBody answers 200 application/json with no body.
	KindEmptyBody Kind = "empty_body"
	// KindNonAlexaJSON answers 200 with valid JSON that has no "event".
	KindNonAlexaJSON Kind = "non_alexa_json"
	// KindHuge answers 200 with a valid JSON document of Size bytes.
	KindHuge Kind = "huge"
	// KindDelay waits Delay (or until the client goes away or the server
	// closes) and then answers normally.
	KindDelay Kind = "delay"
	// KindReset sends the real answer's status line, headers and half of
	// its body, then closes the connection.
	KindReset Kind = "reset"
	// KindInvalidUTF8 sends the real answer with one more member whose
	// string holds a byte that is not UTF-8 (Latin-1's ü): JSON that
	// json.Valid accepts, in an encoding JSON does not allow.
	KindInvalidUTF8 Kind = "invalid_utf8"
)

// Faults of the transport's edges (issue 13). Drop and TrailingBytes let
// Home Assistant handle the request; SwitchProtocols does not.
const (
	// KindSwitchProtocols answers a final "101 Switching Protocols" with
	// Upgrade and Connection: Upgrade headers, as a proxy taking the
	// connection over for WebSocket would, and then holds the connection
	// open without a word until the client closes it or the server closes.
	KindSwitchProtocols Kind = "switch_protocols"
	// KindTrailingBytes sends the real answer with its Content-Length and
	// then, on the same connection, bytes that length does not cover: an
	// echo of the request's head, token and headers included, as a broken
	// proxy might send. Then it holds the connection until the client
	// closes it (a client that notices the bytes does) or the server
	// closes, so the request's record is done once the client has seen them.
	KindTrailingBytes Kind = "trailing_bytes"
	// KindDrop reads the request, lets Home Assistant handle it, and closes
	// the connection without answering: the client cannot know whether the
	// directive was applied.
	KindDrop Kind = "drop"
)

// DefaultHugeSize is the body size of a KindHuge fault with no Size:
// 7 MiB, over Lambda's 6 MB response limit.
const DefaultHugeSize = 7 << 20

// minHugeSize is the smallest Size a KindHuge body can have.
var minHugeSize = len(hugePrefix) + len(hugeSuffix)

// Fault is one injected misbehaviour.
//
//   - Path is a path prefix the fault applies to (e.g.
//     "/api/alexa/smart_home"). Empty: every Home Assistant path.
//   - Count is how many matching requests the fault affects before it is
//     removed. Zero: every matching request until cleared.
//   - Kind is what happens; required.
//   - Status is the status code of KindStatus (required, 400 to 599) and of
//     KindHTML (zero: 200).
//   - Message is the "message" of KindStatus's JSON body. Empty: the
//     status's standard text.
//   - Page chooses KindHTML's page: "login" or "challenge". Empty: "login".
//   - Size is KindHuge's body size in bytes. Zero: DefaultHugeSize.
//   - Delay is KindDelay's wait; required, positive.
//
// In JSON the fields are lower-case ("path", "count", "kind", ...) and
// delay is a Go duration string such as "1.5s".
type Fault struct {
	Path    string
	Count   int
	Kind    Kind
	Status  int
	Message string
	Page    string
	Size    int
	Delay   time.Duration
}

// Validate reports what makes f unusable.
func (f Fault) Validate() error {
	if f.Count < 0 {
		return fmt.Errorf("fault %s: count %d is negative", f.Kind, f.Count)
	}
	if f.Path != "" && !strings.HasPrefix(f.Path, "/") {
		return fmt.Errorf("fault %s: path %q does not start with /", f.Kind, f.Path)
	}
	switch f.Kind {
	case KindStatus:
		if f.Status < 400 || f.Status > 599 {
			return fmt.Errorf("fault status: status %d is not 400 to 599", f.Status)
		}
	case KindHTML:
		if f.Page != "" && f.Page != "login" && f.Page != "challenge" {
			return fmt.Errorf("fault html: page %q is not login or challenge", f.Page)
		}
		if f.Status != 0 && (f.Status < 200 || f.Status > 599) {
			return fmt.Errorf("fault html: status %d is not 200 to 599", f.Status)
		}
	case KindHuge:
		if f.Size != 0 && f.Size < minHugeSize {
			return fmt.Errorf("fault huge: size %d is below %d", f.Size, minHugeSize)
		}
	case KindDelay:
		if f.Delay <= 0 {
			return fmt.Errorf("fault delay: delay must be positive")
		}
	case KindTruncated, KindInvalidJSON, KindEmptyBody, KindNonAlexaJSON, KindReset, KindInvalidUTF8:
	case KindSwitchProtocols, KindTrailingBytes, KindDrop:
	default:
		return fmt.Errorf("fault: unknown kind %q", f.Kind)
	}
	return nil
}

// faultJSON is Fault's wire form.
type faultJSON struct {
	Path    string `json:"path,omitempty"`
	Count   int    `json:"count,omitempty"`
	Kind    Kind   `json:"kind"`
	Status  int    `json:"status,omitempty"`
	Message string `json:"message,omitempty"`
	Page    string `json:"page,omitempty"`
	Size    int    `json:"size,omitempty"`
	Delay   string `json:"delay,omitempty"`
}

// MarshalJSON writes f with lower-case names and delay as a duration string.
func (f Fault) MarshalJSON() ([]byte, error) {
	w := faultJSON{Path: f.Path, Count: f.Count, Kind: f.Kind, Status: f.Status,
		Message: f.Message, Page: f.Page, Size: f.Size}
	if f.Delay != 0 {
		w.Delay = f.Delay.String()
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the form MarshalJSON writes; unknown fields are
// refused so that a typo does not silently inject another fault.
func (f *Fault) UnmarshalJSON(data []byte) error {
	var w faultJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return fmt.Errorf("decode fault: %w", err)
	}
	*f = Fault{Path: w.Path, Count: w.Count, Kind: w.Kind, Status: w.Status,
		Message: w.Message, Page: w.Page, Size: w.Size}
	if w.Delay != "" {
		d, err := time.ParseDuration(w.Delay)
		if err != nil {
			return fmt.Errorf("decode fault: delay: %w", err)
		}
		f.Delay = d
	}
	return nil
}

// ParseFaults reads one fault (a JSON object) or several (an array) and
// validates each.
func ParseFaults(data []byte) ([]Fault, error) {
	data = bytes.TrimSpace(data)
	var faults []Fault
	if bytes.HasPrefix(data, []byte("[")) {
		if err := json.Unmarshal(data, &faults); err != nil {
			return nil, fmt.Errorf("parse faults: %w", err)
		}
	} else {
		var f Fault
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("parse faults: %w", err)
		}
		faults = []Fault{f}
	}
	if len(faults) == 0 {
		return nil, errors.New("parse faults: no fault given")
	}
	for _, f := range faults {
		if err := f.Validate(); err != nil {
			return nil, fmt.Errorf("parse faults: %w", err)
		}
	}
	return faults, nil
}
