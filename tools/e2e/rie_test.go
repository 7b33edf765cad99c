package e2e

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/rie"
)

// TestUnderRuntimeInterfaceEmulator runs the same binary under AWS's own
// Runtime API implementation: a TurnOn is relayed to the simulator and
// answered correctly. Without the emulator the test is skipped, except in
// CI, where its absence is a failure.
func TestUnderRuntimeInterfaceEmulator(t *testing.T) {
	t.Parallel()
	path, err := rie.LookPath()
	if errors.Is(err, exec.ErrNotFound) && os.Getenv("CI") != "true" {
		t.Skipf("the Runtime Interface Emulator is not installed: %v", err)
	}
	if err != nil {
		t.Fatalf("CI needs the Runtime Interface Emulator (make rie installs it): %v", err)
	}
	sim := startSim(t, hasim.Settings{})
	ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
	defer cancel()
	emu, err := rie.Start(ctx, rie.Settings{
		Binary:  bootstrap,
		RIEPath: path,
		Env:     []string{"HA_URL=" + sim.URL(), "LOG_LEVEL=debug", headersEnv, "HA_TOKEN=" + fallbackToken},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := emu.Close(); err != nil {
			t.Errorf("close emulator: %v", err)
		}
		checkNoSecrets(t, "stdout (under the emulator)", emu.Stdout())
		checkNoSecrets(t, "stderr (under the emulator)", emu.Stderr())
	})
	turnOff(t, sim, "light.kitchen")
	req := sample(t, "PowerController.TurnOn")
	body, err := emu.Invoke(ctx, req)
	if err != nil {
		t.Fatalf("invoke: %v\nstderr: %s", err, emu.Stderr())
	}
	ev := wantAnswer(t, req, body, "Alexa", "Response")
	if want := decodeDirective(t, req).endpointID(); ev.endpointID() != want || want == "" {
		t.Errorf("endpointId %q, want the directive's %q", ev.endpointID(), want)
	}
	if got := lastRequest(t, sim); got.Namespace != "Alexa.PowerController" || got.Name != "TurnOn" || got.TokenIndex != 0 {
		t.Errorf("the simulator saw %s/%s with token %d, want Alexa.PowerController/TurnOn with the directive's token", got.Namespace, got.Name, got.TokenIndex)
	}
	if st, _ := sim.State("light.kitchen"); st.State != "on" {
		t.Errorf("light.kitchen is %q after TurnOn", st.State)
	}
}

// turnOff switches an entity off through Home Assistant's REST API, so a
// TurnOn afterwards has something to change.
func turnOff(t *testing.T, sim *hasim.Server, entity string) {
	t.Helper()
	domain, _, _ := strings.Cut(entity, ".")
	req, err := http.NewRequest(http.MethodPost, sim.URL()+"/api/services/"+domain+"/turn_off", strings.NewReader(`{"entity_id":"`+entity+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+directiveToken)
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if st, _ := sim.State(entity); resp.StatusCode != http.StatusOK || st.State != "off" {
		t.Fatalf("turning %s off: status %d, state %q", entity, resp.StatusCode, st.State)
	}
}
