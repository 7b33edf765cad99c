// Command relay is the consumer of TestConsumer: a program outside the LEE
// workspace that requires github.com/lee-engine/lee/gateway at a released
// version, with no replace directive, and relays one Alexa Discovery
// directive to the Home Assistant at the URL it is given through a dispatch
// table of one row, with the token in LEE_CONSUMER_TOKEN. It prints the
// gateway's version, Home Assistant's status and the answer's event name.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/lee-engine/lee/gateway"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: LEE_CONSUMER_TOKEN=T relay HA_URL")
		os.Exit(2)
	}
	token := os.Getenv("LEE_CONSUMER_TOKEN")
	g, err := gateway.New(&gateway.Configuration{HAURL: os.Args[1], VerifyTLS: true}, gateway.Options{Stdout: io.Discard})
	if err != nil {
		fmt.Fprintln(os.Stderr, "relay:", err)
		os.Exit(1)
	}
	directive, err := json.Marshal(map[string]any{"directive": map[string]any{
		"header":  map[string]string{"namespace": "Alexa.Discovery", "name": "Discover", "payloadVersion": "3", "messageId": "consumer-1"},
		"payload": map[string]any{"scope": map[string]string{"type": "BearerToken", "token": token}},
	}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "relay:", err)
		os.Exit(1)
	}
	var status int
	table, err := gateway.NewTable(gateway.Row{Name: "discovery", Kind: gateway.KindSmartHome, Namespace: gateway.NamespaceDiscovery,
		Token: gateway.TokenPayloadScope, Handle: func(ctx context.Context, req *gateway.Request) ([]byte, error) {
			tok, err := g.Token(ctx, req)
			if err != nil {
				return nil, err
			}
			res, err := g.CallHomeAssistant(ctx, gateway.SmartHomePath, tok, req.Raw)
			if err != nil {
				return nil, err
			}
			status = res.Status
			return res.Body, nil
		}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "relay:", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 7*time.Second)
	defer cancel()
	body, err := g.Invoke(ctx, table, directive)
	if err != nil {
		fmt.Fprintln(os.Stderr, "relay:", err)
		os.Exit(1)
	}
	var answer struct {
		Event struct {
			Header struct{ Namespace, Name string }
		}
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		fmt.Fprintf(os.Stderr, "relay: HTTP %d, not JSON: %v\n", status, err)
		os.Exit(1)
	}
	fmt.Printf("gateway %s: HTTP %d %s %s\n", gateway.Version, status, answer.Event.Header.Namespace, answer.Event.Header.Name)
}
