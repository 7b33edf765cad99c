package utility_test

import (
	"fmt"
	"time"

	"github.com/lee-engine/lee/utility"
)

func ExampleLookupString() {
	directive := []byte(`{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOn"},
		"endpoint":{"endpointId":"light.kitchen","cookie":{}}}}`)
	name, _ := utility.LookupString(directive, "directive.header.name")
	id, _ := utility.LookupString(directive, "directive.endpoint.endpointId")
	_, found := utility.LookupString(directive, "directive.endpoint.scope.token")
	fmt.Println(name, id, found)
	// Output: TurnOn light.kitchen false
}

func ExampleLookup() {
	response := []byte(`{"event":{"payload":{"endpoints":[{"endpointId":"a"},{"endpointId":"b"}]}}}`)
	second, ok := utility.Lookup(response, "event.payload.endpoints.1")
	fmt.Println(string(second), ok)
	// Output: {"endpointId":"b"} true
}

func ExampleTimestamp() {
	t := time.Date(2017, 2, 3, 16, 20, 50, 529_000_000, time.UTC)
	fmt.Println(utility.Timestamp(t))
	// Output: 2017-02-03T16:20:50.52Z
}

func ExampleNewMessageID() {
	id := utility.NewMessageID()
	fmt.Println(len(id), id[14:15])
	// Output: 36 4
}
