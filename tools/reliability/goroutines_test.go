package reliability

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/hasim"
	"go.uber.org/goleak"
)

// gatewayCalls is how many requests the goroutine test sends.
const gatewayCalls = 1000

// stallBudget is the deadline of a request that meets a stalled answer.
const stallBudget = 50 * time.Millisecond

// TestGatewayGoroutines sends a thousand requests through an in-process
// gateway to the simulator, good answers alternating with every failure
// the simulator makes and with stalls cut short by the caller's deadline,
// checks each outcome, and then requires that no goroutine is left behind
// once the gateway and the simulator are closed.
func TestGatewayGoroutines(t *testing.T) {
	baseline := goleak.IgnoreCurrent()
	// Registered first, so it runs last: after the gateway and the
	// simulator are closed by their own cleanups.
	t.Cleanup(func() {
		goleak.VerifyNone(t, baseline, goleak.IgnoreAnyFunction("net/http.(*conn).closeWriteAndWait"))
	})
	sim := startSim(t, hasim.Settings{}, "")
	g := newGateway(t, sim.URL(), io.Discard)
	body := sample(t, turnOn)
	cases := append(simCases(), simCase{name: "stall", fault: hasim.Fault{Kind: hasim.KindDelay, Delay: time.Minute}})
	for i := range gatewayCalls {
		c := simCase{name: "good"}
		if i%2 == 1 {
			c = cases[(i/2)%len(cases)]
			f := c.fault
			f.Path, f.Count = gateway.SmartHomePath, 1
			if err := sim.Inject(f); err != nil {
				t.Fatal(err)
			}
		}
		if err := callOnce(g, body, c); err != nil {
			t.Fatalf("call %d (%s): %v", i, c.name, err)
		}
	}
	if got := sim.Count(gateway.SmartHomePath); got != gatewayCalls {
		t.Errorf("the simulator received %d requests, want %d (one per call: nothing retried, nothing refused)", got, gatewayCalls)
	}
}

// callOnce sends body through g and checks the outcome c calls for.
func callOnce(g *gateway.Gateway, body []byte, c simCase) error {
	budget := 5 * time.Second
	if c.fault.Kind == hasim.KindDelay {
		budget = stallBudget
	}
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	res, err := g.CallHomeAssistant(ctx, gateway.SmartHomePath, directiveToken, body)
	var he *gateway.HAError
	errors.As(err, &he)
	switch c.fault.Kind {
	case "":
		if err != nil || res.Status != http.StatusOK || !gateway.IsAlexaMessage(res.Body) {
			return outcome("an Alexa answer with 200", res, err)
		}
	case hasim.KindStatus:
		if err != nil || res.Status != c.fault.Status {
			return outcome("status "+http.StatusText(c.fault.Status), res, err)
		}
	case hasim.KindHuge, hasim.KindReset, hasim.KindDelay:
		want := map[hasim.Kind]gateway.HTTPErrorKind{
			hasim.KindHuge: gateway.HTTPTooLarge, hasim.KindReset: gateway.HTTPReset, hasim.KindDelay: gateway.HTTPTimeout,
		}[c.fault.Kind]
		if he == nil || he.Kind != want {
			return outcome("a transport error of kind "+want.String(), res, err)
		}
	default:
		if err != nil || res.Status != http.StatusOK || gateway.IsAlexaMessage(res.Body) {
			return outcome("a 200 answer that is not an Alexa message", res, err)
		}
	}
	return nil
}

// outcome describes an unexpected result.
func outcome(want string, res *gateway.HAResult, err error) error {
	if err != nil {
		return errors.New("want " + want + ", got error: " + err.Error())
	}
	return errors.New("want " + want + ", got " + res.String())
}
