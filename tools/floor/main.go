// Command floor is LEE's performance floor: the smallest Lambda function that
// still does the relay's essential work. It posts each Alexa directive,
// unchanged, to $HA_URL/api/alexa/smart_home with the directive's bearer
// token and returns Home Assistant's body, with no validation, logging,
// metrics or error handling beyond what the language forces. Benchmarks run it
// beside the real bootstrap, built the same way (harness.BuildFloor), so the
// cost of everything LEE adds on top is measured rather than guessed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	r := relay{
		url:    strings.TrimRight(os.Getenv("HA_URL"), "/") + "/api/alexa/smart_home",
		client: http.DefaultClient,
	}
	lambda.Start(r.handle)
}

// relay forwards events to one Home Assistant endpoint.
type relay struct {
	url    string
	client *http.Client
}

// handle posts the event and returns the answer's body whatever its status:
// the floor measures the path, not the judgement. The request carries the
// invocation's context, so it ends at the Lambda deadline.
func (r relay) handle(ctx context.Context, event json.RawMessage) (json.RawMessage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url, bytes.NewReader(event))
	if err != nil {
		return nil, fmt.Errorf("floor: build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+bearerToken(event))
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("floor: post to home assistant: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("floor: read home assistant's answer: %w", err)
	}
	return body, nil
}
