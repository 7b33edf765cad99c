package hasim_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/lee-engine/lee/tools/hasim"
)

// Start a simulator, send it a directive, and read what Home Assistant did.
func Example() {
	srv, err := hasim.Start(hasim.Settings{Tokens: []string{"my-token"}}, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	directive := `{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOff",` +
		`"payloadVersion":"3","messageId":"1","correlationToken":"c"},` +
		`"endpoint":{"endpointId":"light#kitchen"},"payload":{}}}`
	req, _ := http.NewRequest("POST", srv.URL()+"/api/alexa/smart_home", strings.NewReader(directive))
	req.Header.Set("Authorization", "Bearer my-token")
	resp, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	light, _ := srv.State("light.kitchen")
	r := srv.Requests()[0]
	fmt.Println(resp.StatusCode, light.State, srv.Count("/api/alexa/smart_home"), r.Name, r.TokenMatched)
	// Output: 200 off 1 TurnOff true
}

// Inject a fault: the next request to the Alexa endpoint gets a 503, the
// one after is answered normally.
func ExampleServer_Inject() {
	srv := hasim.New(hasim.Settings{Tokens: []string{"my-token"}})
	defer srv.Close()
	err := srv.Inject(hasim.Fault{Path: "/api/alexa/smart_home", Count: 1, Kind: hasim.KindStatus, Status: 503})
	fmt.Println(err, len(srv.Faults()))
	// Output: <nil> 1
}

// Faults can be given as JSON, as lee ha-sim --fault and POST /_sim/faults
// take them.
func ExampleParseFaults() {
	faults, err := hasim.ParseFaults([]byte(`[{"kind":"delay","delay":"2s","count":1},{"kind":"huge","size":8000000}]`))
	fmt.Println(err, faults[0].Delay, faults[1].Size)
	// Output: <nil> 2s 8000000
}
