package lambdaiface_test

import (
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// BenchmarkDecode measures the one decode of a device directive and the
// reading of its token, the per-invocation cost on the relay path.
func BenchmarkDecode(b *testing.B) {
	body := loadSample(b, "PowerController/PowerController.TurnOn.request.json")
	b.ReportAllocs()
	for b.Loop() {
		in, err := lambdaiface.Decode(body)
		if err != nil {
			b.Fatal(err)
		}
		if in.Token(lambdaiface.TokenEndpointScope) == "" {
			b.Fatal("no token")
		}
	}
}

// BenchmarkIsAlexaMessageLargeDiscovery measures checking a Discovery
// answer of about 2 MB, the size of a large home.
func BenchmarkIsAlexaMessageLargeDiscovery(b *testing.B) {
	endpoint := `{"endpointId":"light#room","friendlyName":"Room light","description":"Light by Home Assistant","manufacturerName":"Home Assistant","displayCategories":["LIGHT"],"cookie":{},"capabilities":[{"type":"AlexaInterface","interface":"Alexa.PowerController","version":"3","properties":{"supported":[{"name":"powerState"}],"proactivelyReported":true,"retrievable":true}}]}`
	body := []byte(`{"event":{"header":{"namespace":"Alexa.Discovery","name":"Discover.Response","payloadVersion":"3","messageId":"m"},"payload":{"endpoints":[` +
		strings.Repeat(endpoint+",", 5000) + endpoint + `]}}}`)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if !lambdaiface.IsAlexaMessage(body) {
			b.Fatal("not an Alexa message")
		}
	}
}

// BenchmarkNewErrorResponse measures building an error answer.
func BenchmarkNewErrorResponse(b *testing.B) {
	in, err := lambdaiface.Decode(loadSample(b, "PowerController/PowerController.TurnOn.request.json"))
	if err != nil {
		b.Fatal(err)
	}
	d := in.Directive
	b.ReportAllocs()
	for b.Loop() {
		lambdaiface.NewErrorResponse(d, lambdaiface.BridgeUnreachable, "Home Assistant did not answer in time")
	}
}
