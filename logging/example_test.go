package logging_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/lee-engine/lee/logging"
)

func ExampleLogger() {
	var out bytes.Buffer
	log := logging.New(logging.Settings{Writer: &out})

	// Once per invocation: the Lambda request id, then the Alexa messageId
	// and the token the directive carries, all in the invocation's context.
	ctx := log.Begin(context.Background(), "7d5a-request")
	log.SetCorrelationID(ctx, "alexa-message-1")
	log.AddSecret(ctx, "ha-access-token-from-directive")

	log.Info(ctx, "relaying directive",
		slog.String("namespace", "Alexa.PowerController"),
		slog.String("authorization", "Bearer ha-access-token-from-directive"))
	log.Error(ctx, "home assistant refused",
		slog.Any("err", errors.New("401 for token ha-access-token-from-directive")))
	log.End(ctx)

	for _, line := range bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n")) {
		var m map[string]any
		_ = json.Unmarshal(line, &m)
		fmt.Println(m["level"], m["requestId"], m["correlationId"], m["msg"], m["authorization"], m["err"])
	}
	// Output:
	// INFO 7d5a-request alexa-message-1 relaying directive [REDACTED] <nil>
	// ERROR 7d5a-request alexa-message-1 home assistant refused <nil> 401 for token [REDACTED]
}

func ExampleLogger_End() {
	var out bytes.Buffer
	log := logging.New(logging.Settings{Writer: &out, MaxLinesPerInvocation: 2})
	ctx := log.Begin(context.Background(), "req")
	for range 5 {
		log.Info(ctx, "busy")
	}
	fmt.Println("dropped:", log.Dropped(ctx))
	log.End(ctx)
	fmt.Println("lines:", bytes.Count(out.Bytes(), []byte("\n")))
	// Output:
	// dropped: 3
	// lines: 3
}

func ExampleNewRedactingHandler() {
	// Drop the time so the output is stable.
	noTime := func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	next := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime})
	log := slog.New(logging.NewRedactingHandler(next, "fallback-token-value"))
	log.Info("calling Home Assistant with Bearer fallback-token-value",
		"apiKey", "k-123", "user", "alice")
	// Output:
	// {"level":"INFO","msg":"calling Home Assistant with Bearer [REDACTED]","apiKey":"[REDACTED]","user":"alice"}
}

func ExampleParseLevel() {
	level, err := logging.ParseLevel("WARN")
	fmt.Println(level, err)
	_, err = logging.ParseLevel("loud")
	fmt.Println(errors.Is(err, logging.ErrUnknownLevel))
	// Output:
	// WARN <nil>
	// true
}
