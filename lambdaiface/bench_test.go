package lambdaiface_test

import (
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// BenchmarkDecodeDirectiveToken measures the per-invocation cost of
// reading a device directive and its token.
func BenchmarkDecodeDirectiveToken(b *testing.B) {
	body := fixture(b, turnOnDirective)
	b.ReportAllocs()
	for b.Loop() {
		d, err := lambdaiface.DecodeDirective(body)
		if err != nil {
			b.Fatal(err)
		}
		if tok, _ := d.Token(); tok == "" {
			b.Fatal("no token")
		}
	}
}

// BenchmarkClassify measures classifying a device directive.
func BenchmarkClassify(b *testing.B) {
	body := fixture(b, turnOnDirective)
	b.ReportAllocs()
	for b.Loop() {
		if k, err := lambdaiface.Classify(body); err != nil || k != lambdaiface.KindSmartHome {
			b.Fatal(k, err)
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
	d, err := lambdaiface.DecodeDirective(fixture(b, turnOnDirective))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lambdaiface.NewErrorResponse(d, "5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4", lambdaiface.BridgeUnreachable, "Home Assistant did not answer in time")
	}
}
