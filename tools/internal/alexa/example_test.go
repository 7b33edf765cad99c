package alexa_test

import (
	"encoding/json"
	"fmt"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

// ExampleMessage tells an ErrorResponse from the answer that was wanted.
func ExampleMessage() {
	body := `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse"},"payload":{"type":"ENDPOINT_UNREACHABLE","message":"Home Assistant is down"}}}`
	var msg alexa.Message
	if err := json.Unmarshal([]byte(body), &msg); err != nil {
		fmt.Println(err)
		return
	}
	if h := msg.Event.Header; h.Name != "Discover.Response" {
		fmt.Printf("%s.%s: %s\n", h.Namespace, h.Name, msg.Event.Payload.Type)
	}
	// Output: Alexa.ErrorResponse: ENDPOINT_UNREACHABLE
}
