package lambdaiface_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lee-engine/lee/lambdaiface"
)

// turnOnBody is a TurnOn directive as Alexa sends it.
const turnOnBody = `{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOn",
"payloadVersion":"3","messageId":"1bd5d003-31b9-476f-ad03-71d471922820","correlationToken":"dFMb0z=="},
"endpoint":{"scope":{"type":"BearerToken","token":"user-token"},"endpointId":"light#kitchen","cookie":{}},
"payload":{}}}`

func ExampleClassify() {
	for _, body := range []string{
		turnOnBody,
		`{"version":"1.0","request":{"type":"LaunchRequest"}}`,
		`{"version":"2.0","rawPath":"/healthz","requestContext":{"http":{"method":"GET","path":"/healthz"}}}`,
		`{"source":"aws.events","detail-type":"Scheduled Event"}`,
		`{"hello":"world"}`,
		`[1,2,3]`,
	} {
		kind, err := lambdaiface.Classify([]byte(body))
		fmt.Println(kind, err != nil)
	}
	// Output:
	// smart-home false
	// custom-skill false
	// http false
	// warmup false
	// unknown false
	// unknown true
}

func ExampleDecodeDirective() {
	d, err := lambdaiface.DecodeDirective([]byte(turnOnBody))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, from := d.Token()
	fmt.Println(d)
	fmt.Println("token from", from)
	// Output:
	// Alexa.PowerController.TurnOn messageId=1bd5d003-31b9-476f-ad03-71d471922820 endpointId=light#kitchen
	// token from endpoint.scope
}

// A directive that cannot be relayed is answered with INVALID_DIRECTIVE,
// keeping whatever of its header could be read.
func ExampleDecodeDirective_invalid() {
	body := `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"2",
"messageId":"m-1","correlationToken":"ct-1"}}}`
	_, err := lambdaiface.DecodeDirective([]byte(body))
	var de *lambdaiface.DirectiveError
	if errors.As(err, &de) && de.Header != nil {
		fmt.Println(err)
		r := lambdaiface.NewErrorResponse(&lambdaiface.Directive{Header: *de.Header}, "m-2",
			lambdaiface.InvalidDirective, "only payloadVersion 3 is supported")
		out, _ := json.Marshal(r)
		fmt.Println(string(out))
	}
	// Output:
	// lambdaiface: decode directive: directive.header.payloadVersion: must be "3"
	// {"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"m-2","correlationToken":"ct-1"},"payload":{"type":"INVALID_DIRECTIVE","message":"only payloadVersion 3 is supported"}}}
}

func ExampleNewErrorResponse() {
	d, _ := lambdaiface.DecodeDirective([]byte(turnOnBody))
	r := lambdaiface.NewErrorResponse(d, "5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4",
		lambdaiface.BridgeUnreachable, "Home Assistant did not answer in time")
	out, _ := json.MarshalIndent(r, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "event": {
	//     "header": {
	//       "namespace": "Alexa",
	//       "name": "ErrorResponse",
	//       "payloadVersion": "3",
	//       "messageId": "5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4",
	//       "correlationToken": "dFMb0z=="
	//     },
	//     "endpoint": {
	//       "endpointId": "light#kitchen",
	//       "cookie": {}
	//     },
	//     "payload": {
	//       "type": "BRIDGE_UNREACHABLE",
	//       "message": "Home Assistant did not answer in time"
	//     }
	//   }
	// }
}

// An AcceptGrant failure is always ACCEPT_GRANT_FAILED in the
// Alexa.Authorization namespace.
func ExampleNewErrorResponse_acceptGrant() {
	d, _ := lambdaiface.DecodeDirective([]byte(`{"directive":{"header":{"namespace":"Alexa.Authorization",
"name":"AcceptGrant","payloadVersion":"3","messageId":"m-1"},
"payload":{"grant":{"type":"OAuth2.AuthorizationCode","code":"c"},"grantee":{"type":"BearerToken","token":"grantee-token"}}}}`))
	r := lambdaiface.NewErrorResponse(d, "m-2", lambdaiface.BridgeUnreachable, "Home Assistant is unreachable")
	fmt.Println(r.Event.Header.Namespace, r.Event.Header.Name, string(r.Event.Payload))
	// Output:
	// Alexa.Authorization ErrorResponse {"type":"ACCEPT_GRANT_FAILED","message":"Home Assistant is unreachable"}
}

func ExampleIsAlexaMessage() {
	fmt.Println(lambdaiface.IsAlexaMessage([]byte(`{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3","messageId":"m"},"payload":{}}}`)))
	fmt.Println(lambdaiface.IsAlexaMessage([]byte(`<html><body>Please log in</body></html>`)))
	// Output:
	// true
	// false
}

func ExampleCustomSkillRequest_AccessToken() {
	r, err := lambdaiface.DecodeCustomSkillRequest([]byte(`{"version":"1.0",
"session":{"user":{"userId":"u","accessToken":"from-session"}},
"context":{"System":{"user":{"userId":"u","accessToken":"from-context"}}},
"request":{"type":"LaunchRequest","requestId":"r-1","locale":"en-US"}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.AccessToken())
	// Output:
	// from-context
}

func ExampleNewSpeechResponse() {
	out, _ := json.Marshal(lambdaiface.NewSpeechResponse("Sorry, Home Assistant is not answering right now."))
	fmt.Println(string(out))
	// Output:
	// {"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"Sorry, Home Assistant is not answering right now."},"shouldEndSession":true}}
}
