package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/lee-engine/lee/gateway"
)

// benchRelayCase is one directive of BenchmarkRelay: the project's fixture
// directive and the answer the stand-in Home Assistant returns for it.
type benchRelayCase struct {
	name     string
	request  string // fixture of the directive, under testdata/smarthome
	response string // fixture of Home Assistant's answer
}

var benchRelayCases = []benchRelayCase{
	{"turnon", turnOnRequest, turnOnResponse},
	{"discovery", discoveryRequest, discoveryResponse},
}

// benchConfigVars are every variable the function's configuration reads, primary
// spellings and aliases. The benchmark blanks them (blank means unset) so the
// developer's own environment cannot change what is measured.
var benchConfigVars = []string{
	"HA_URL", "BASE_URL", "HA_TOKEN", "LONG_LIVED_ACCESS_TOKEN", "HA_TOKEN_PARAMETER",
	"HA_VERIFY_TLS", "NOT_VERIFY_SSL", "HA_CA_FILE", "HA_CLIENT_CERT_FILE", "HA_CLIENT_KEY_FILE",
	"HA_HEADERS", "HA_TIMEOUT", "LEE_TIER", "LOG_LEVEL", "DEBUG", "LEE_PRELOAD", "LEE_METRICS",
	"LEE_DNS_SERVER",
}

// BenchmarkRelay measures one full warm relay in-process, as the Lambda
// runtime would call it: the handler's Invoke with a Lambda context and a
// deadline, event validation and decoding, the token lookup, the POST to a
// Home Assistant on loopback and the answer passed back, with the default
// configuration (info logs and EMF metrics, written to io.Discard). The
// allocation count is the whole process's, so it includes the loopback
// server's share of the HTTP exchange; BenchmarkRelay/floor measures that
// exchange alone, so turnon − floor is what the relay itself costs.
func BenchmarkRelay(b *testing.B) {
	for _, rc := range benchRelayCases {
		b.Run(rc.name, func(b *testing.B) {
			event := fixtureFile(b, rc.request)
			answer := fixtureFile(b, rc.response)
			ha := newBenchHA(b, fixtureToken, answer)
			h := newBenchHandler(b, ha.URL)
			ctx := benchInvocationContext(b)

			got, err := h.Invoke(ctx, event)
			if err != nil || !bytes.Equal(got, answer) {
				b.Fatalf("the relay did not pass Home Assistant's answer through: err %v, %d bytes answered, want %d", err, len(got), len(answer))
			}
			b.SetBytes(int64(len(event) + len(answer)))
			b.ReportAllocs()
			for b.Loop() {
				got, err = h.Invoke(ctx, event)
				if err != nil || len(got) != len(answer) {
					b.Fatalf("relay failed: err %v, %d bytes answered, want %d", err, len(got), len(answer))
				}
			}
		})
	}
	b.Run("floor", benchmarkHTTPFloor)
}

// benchmarkHTTPFloor is the TurnOn exchange with net/http alone and no LEE
// code: the same POST to the same stand-in, the body read whole. Its
// allocations are the share of BenchmarkRelay/turnon's that any net/http
// relay pays in this process, client and server side together.
func benchmarkHTTPFloor(b *testing.B) {
	rc := benchRelayCases[0]
	event := fixtureFile(b, rc.request)
	answer := fixtureFile(b, rc.response)
	ha := newBenchHA(b, fixtureToken, answer)
	client := &http.Client{Transport: &http.Transport{}}
	b.Cleanup(client.CloseIdleConnections)
	url := ha.URL + gateway.SmartHomePath
	post := func() ([]byte, error) {
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(event))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+fixtureToken)
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	b.SetBytes(int64(len(event) + len(answer)))
	b.ReportAllocs()
	for b.Loop() {
		got, err := post()
		if err != nil || !bytes.Equal(got, answer) {
			b.Fatalf("bare POST failed: err %v, %d bytes answered, want %d", err, len(got), len(answer))
		}
	}
}

// newBenchHA serves Home Assistant's Alexa endpoint on 127.0.0.1: answer
// for a POST with the expected bearer token, 401 for any other token, 404
// elsewhere, as Home Assistant does. The request body is read whole, as Home
// Assistant reads it.
func newBenchHA(b *testing.B, token string, answer []byte) *httptest.Server {
	b.Helper()
	auth := "Bearer " + token
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		switch {
		case r.Method != http.MethodPost || r.URL.Path != gateway.SmartHomePath:
			http.NotFound(w, r)
		case r.Header.Get("Authorization") != auth:
			w.WriteHeader(http.StatusUnauthorized)
		default:
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(answer)
		}
	}))
	b.Cleanup(srv.Close)
	return srv
}

// newBenchHandler builds the function's handler the way main does, from the
// environment, with only HA_URL set.
func newBenchHandler(b *testing.B, haURL string) *handler {
	b.Helper()
	for _, name := range benchConfigVars {
		b.Setenv(name, "")
	}
	b.Setenv("HA_URL", haURL)
	g, err := gateway.Load(gateway.Options{Stdout: io.Discard})
	if err != nil {
		b.Fatalf("load gateway: %v", err)
	}
	h, err := newHandler(g)
	if err != nil {
		b.Fatalf("newHandler: %v", err)
	}
	g.MarkInitDone()
	return h
}

// benchInvocationContext is what aws-lambda-go hands the handler: a deadline and
// the Lambda context. It is made once, outside the timed loop, because the
// runtime library builds it, not the function.
func benchInvocationContext(b *testing.B) context.Context {
	b.Helper()
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	b.Cleanup(cancel)
	return lambdacontext.NewContext(ctx, &lambdacontext.LambdaContext{
		AwsRequestID:       "8f507cfc-example-request",
		InvokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:lee",
	})
}

// largeAnswerBytes is close under Lambda's 6 MiB response limit: about
// the largest answer the relay can pass through.
const largeAnswerBytes = 6<<20 - 16<<10

// BenchmarkRelay6MiB measures the relay of Discovery with the largest
// answer it can pass through, and, as floor, the same exchange with
// net/http alone. relay − floor is LEE's own work on the answer (the
// checks of IsAlexaMessage above all), which runs after Home Assistant's
// last byte and before the answer leaves: what the deadline margin of
// smarthome.go must leave time for, with the Runtime API's copy of the
// answer (about what floor's transfer costs). docs/RELIABILITY.md reports
// it under CPU throttling.
func BenchmarkRelay6MiB(b *testing.B) {
	rc := benchRelayCases[1]
	event := fixtureFile(b, rc.request)
	answer := largeDiscovery(b, largeAnswerBytes)
	if len(answer) > 6<<20 {
		b.Fatalf("the large answer is %d bytes, over Lambda's limit", len(answer))
	}
	ha := newBenchHA(b, fixtureToken, answer)
	b.Run("relay", func(b *testing.B) {
		h := newBenchHandler(b, ha.URL)
		ctx := benchInvocationContext(b)
		b.SetBytes(int64(len(answer)))
		for b.Loop() {
			got, err := h.Invoke(ctx, event)
			if err != nil || len(got) != len(answer) {
				b.Fatalf("relay failed: err %v, %d bytes answered, want %d", err, len(got), len(answer))
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		client := &http.Client{Transport: &http.Transport{}}
		b.Cleanup(client.CloseIdleConnections)
		b.SetBytes(int64(len(answer)))
		for b.Loop() {
			req, err := http.NewRequest(http.MethodPost, ha.URL+gateway.SmartHomePath, bytes.NewReader(event))
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+fixtureToken)
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			n, err := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || n != int64(len(answer)) {
				b.Fatalf("bare POST: %v, %d bytes, want %d", err, n, len(answer))
			}
		}
	})
}
