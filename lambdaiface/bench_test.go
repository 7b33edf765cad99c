package lambdaiface_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lee-engine/lee/lambdaiface"
)

// BenchmarkDecode measures the one decode of a device directive and the
// reading of its token, the per-invocation cost on the relay path.
func BenchmarkDecode(b *testing.B) {
	body := fixture(b, turnOnDirective)
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
	in, err := lambdaiface.Decode(fixture(b, turnOnDirective))
	if err != nil {
		b.Fatal(err)
	}
	d := in.Directive
	b.ReportAllocs()
	for b.Loop() {
		lambdaiface.NewErrorResponse(d, lambdaiface.BridgeUnreachable, "Home Assistant did not answer in time")
	}
}

// discovery6MB is a Discovery answer just under Lambda's 6 MiB response
// limit: the largest answer the relay checks. One endpoint in four has a
// friendly name outside ASCII, as homes named in German or Japanese do.
func discovery6MB(tb testing.TB) []byte {
	tb.Helper()
	names := []string{"Kitchen light", "Küchenlicht über der Spüle", "Hall light", "台所の照明"}
	var sb strings.Builder
	sb.WriteString(`{"event":{"header":{"namespace":"Alexa.Discovery","name":"Discover.Response","payloadVersion":"3","messageId":"m"},"payload":{"endpoints":[`)
	for i := 0; sb.Len() < 6<<20-1024; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(`{"endpointId":"light#room` + strings.Repeat("x", i%7) + `","friendlyName":"` + names[i%len(names)] +
			`","description":"Light by Home Assistant","manufacturerName":"Home Assistant","displayCategories":["LIGHT"],"cookie":{},` +
			`"capabilities":[{"type":"AlexaInterface","interface":"Alexa.PowerController","version":"3","properties":{"supported":[{"name":"powerState"}],"proactivelyReported":true,"retrievable":true}}]}`)
	}
	sb.WriteString(`]}}}`)
	body := []byte(sb.String())
	if len(body) > 6<<20 || !json.Valid(body) || !utf8.Valid(body) {
		tb.Fatalf("the 6 MiB answer is %d bytes or not valid", len(body))
	}
	return body
}

// BenchmarkAnswerCheck6MB measures, on the largest answer Lambda can
// return, the checks IsAlexaMessage runs between Home Assistant's last
// byte and the relay's answer: json.Valid, utf8.Valid (the refusal of an
// answer that is valid JSON but not valid UTF-8), and IsAlexaMessage whole.
func BenchmarkAnswerCheck6MB(b *testing.B) {
	body := discovery6MB(b)
	checks := []struct {
		name  string
		check func([]byte) bool
	}{
		{"json.Valid", json.Valid},
		{"utf8.Valid", utf8.Valid},
		{"IsAlexaMessage", lambdaiface.IsAlexaMessage},
	}
	for _, c := range checks {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if !c.check(body) {
					b.Fatal("the answer was refused")
				}
			}
		})
	}
}
