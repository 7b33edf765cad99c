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

func ExampleDecode() {
	for _, body := range []string{
		turnOnBody,
		`{"version":"1.0","request":{"type":"LaunchRequest"}}`,
		`{"version":"2.0","rawPath":"/healthz","requestContext":{"http":{"method":"GET","path":"/healthz"}}}`,
		`{"source":"aws.events","detail-type":"Scheduled Event"}`,
		`{"hello":"world"}`,
	} {
		in, err := lambdaiface.Decode([]byte(body))
		fmt.Println(in.Kind, err)
	}
	_, err := lambdaiface.Decode([]byte(`[1,2,3]`))
	fmt.Println(errors.Is(err, lambdaiface.ErrNotObject))
	// Output:
	// smart-home <nil>
	// custom-skill <nil>
	// http <nil>
	// warmup <nil>
	// unknown <nil>
	// true
}

func ExampleInput_Token() {
	in, err := lambdaiface.Decode([]byte(turnOnBody))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(in.Directive)
	fmt.Printf("endpoint scope %q, payload scope %q\n", in.Token(lambdaiface.TokenEndpointScope), in.Token(lambdaiface.TokenPayloadScope))
	// Output:
	// Alexa.PowerController.TurnOn messageId=1bd5d003-31b9-476f-ad03-71d471922820 endpointId=light#kitchen
	// endpoint scope "user-token", payload scope ""
}

// A directive that cannot be relayed is answered with INVALID_DIRECTIVE,
// keeping whatever of it could be read.
func ExampleDirectiveError() {
	body := `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"2",
"messageId":"m-1","correlationToken":"ct-1"}}}`
	in, err := lambdaiface.Decode([]byte(body))
	var de *lambdaiface.DirectiveError
	if errors.As(err, &de) && in.Directive != nil {
		fmt.Println(err)
		r := lambdaiface.NewErrorResponse(in.Directive, lambdaiface.InvalidDirective, "only payloadVersion 3 is supported")
		fmt.Println(r.Event.Header.CorrelationToken, string(r.Event.Payload))
	}
	// Output:
	// lambdaiface: decode directive: directive.header.payloadVersion: must be "3"
	// ct-1 {"type":"INVALID_DIRECTIVE","message":"only payloadVersion 3 is supported"}
}

func ExampleNewErrorResponse() {
	in, _ := lambdaiface.Decode([]byte(turnOnBody))
	r := lambdaiface.NewErrorResponse(in.Directive, lambdaiface.BridgeUnreachable, "Home Assistant did not answer in time")
	r.Event.Header.MessageID = "5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4" // a fresh random id; fixed here for the output
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
	in, _ := lambdaiface.Decode([]byte(`{"directive":{"header":{"namespace":"Alexa.Authorization",
"name":"AcceptGrant","payloadVersion":"3","messageId":"m-1"},
"payload":{"grant":{"type":"OAuth2.AuthorizationCode","code":"c"},"grantee":{"type":"BearerToken","token":"grantee-token"}}}}`))
	r := lambdaiface.NewErrorResponse(in.Directive, lambdaiface.BridgeUnreachable, "Home Assistant is unreachable")
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
	in, err := lambdaiface.Decode([]byte(`{"version":"1.0",
"session":{"user":{"userId":"u","accessToken":"from-session"}},
"context":{"System":{"user":{"userId":"u","accessToken":"from-context"}}},
"request":{"type":"LaunchRequest","requestId":"r-1","locale":"en-US"}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(in.Skill.AccessToken())
	// Output:
	// from-context
}

func ExampleNewSpeechResponse() {
	out, _ := json.Marshal(lambdaiface.NewSpeechResponse("Sorry, Home Assistant is not answering right now."))
	fmt.Println(string(out))
	// Output:
	// {"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"Sorry, Home Assistant is not answering right now."},"shouldEndSession":true}}
}
