package bench

import (
	"encoding/json"
	"fmt"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/alexa"
)

// subject is one configuration of one binary under test.
type subject struct {
	// name is the Measurement's Name.
	name   string
	binary string
	// env is the process's configuration (HA_URL, ...); it may hold a test
	// token, so it is never printed.
	env []string
	// event is what every invocation sends; wantName is the header name of
	// the Alexa event the answer must carry.
	event    []byte
	wantName string
}

// checkAnswer refuses an invocation that did not relay: a measurement of a
// function that answers with an error would be a measurement of the wrong
// path. The error names the Alexa error type and message, which never hold a
// token, and never quotes the answer itself.
func (s subject) checkAnswer(res *harness.Result) error {
	if res.Error != nil {
		return fmt.Errorf("%s: the function reported an error: %s", s.name, res.Error.Type)
	}
	var a alexa.Message
	if err := json.Unmarshal(res.Payload, &a); err != nil {
		return fmt.Errorf("%s: the answer is not JSON: %w", s.name, err)
	}
	h := a.Event.Header
	if h.Name != s.wantName {
		return fmt.Errorf("%s: answered %s.%s (%s: %s), want %s", s.name, h.Namespace, h.Name,
			a.Event.Payload.Type, a.Event.Payload.Message, s.wantName)
	}
	return nil
}
