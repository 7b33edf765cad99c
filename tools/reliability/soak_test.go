package reliability

import (
	"bytes"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// Soak sizes and bounds.
const (
	// defaultSoakN is the CI run; LEE_SOAK_N sets another (10000 for the
	// long run docs/RELIABILITY.md reports).
	defaultSoakN = 2000
	// soakWindow is how many invocations the first and last RSS figures
	// each cover.
	soakWindow = 1000
	// rssSlackKB bounds the growth of resident memory between the first
	// and the last window: a leak of even a few hundred bytes per
	// invocation over 10,000 invocations would pass it, one of a relayed
	// body per invocation would not.
	rssSlackKB = 8 << 10
	// fdSlack allows for kept-alive connections to Home Assistant.
	fdSlack = 4
	// stallEvery puts a stalled answer (a timeout) every so many
	// invocations; each costs soakTimeout.
	stallEvery = 97
	// soakTimeout is HA_TIMEOUT for the soak: short, so stalls stay cheap,
	// yet long enough that a good relay on a loaded CI machine (race
	// detector on, two shared cores) never runs out of it.
	soakTimeout = time.Second
)

// soakN is the number of invocations of the soak.
func soakN(t *testing.T) int {
	t.Helper()
	v := os.Getenv("LEE_SOAK_N")
	if v == "" {
		return defaultSoakN
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 2*soakWindow {
		t.Fatalf("LEE_SOAK_N=%q: want a number of invocations of at least %d", v, 2*soakWindow)
	}
	return n
}

// soakStats are the figures the soak reports.
type soakStats struct {
	firstRSS, lastRSS, hwm int64 // kB: highest VmRSS of the first and last windows, and overall
	baseFD, maxFD, endFD   int
	good, faults           int
}

// TestSoak sends many invocations through one bootstrap process, good
// answers alternating with every kind of failure the simulator makes (and a
// stalled answer now and then), then opens the breaker and watches it close
// again once Home Assistant is back. Resident memory may not grow beyond a
// bound between the first and the last window, open file descriptors must
// come back to their baseline, and every answer must be the right one.
func TestSoak(t *testing.T) {
	n := soakN(t)
	sim := startSim(t, hasim.Settings{}, "")
	rt := startFunction(t, "HA_URL="+sim.URL(), "LEE_TIER="+string(config.TierMinimum),
		"HA_TIMEOUT="+soakTimeout.String())
	events := make([][]byte, len(directives))
	for i, name := range directives {
		events[i] = sample(t, name)
	}
	cases := simCases()
	var st soakStats
	for i := range n {
		which := i % len(directives)
		if i%2 == 0 {
			soakGood(t, rt, directives[which], events[which], i < 2*len(cases))
			st.good++
		} else {
			c := soakFault(i, cases)
			f := c.fault
			f.Path, f.Count = gateway.SmartHomePath, 1
			if err := sim.Inject(f); err != nil {
				t.Fatal(err)
			}
			soakFailure(t, rt, events[which], c, i < 2*len(cases))
			st.faults++
		}
		st.sample(t, rt, i, n)
	}
	recoverBreaker(t, rt, sim, events)
	st.endFD = fdCount(t, rt)
	t.Logf("soak: %d invocations (%d good, %d failures); RSS max first %d: %d kB, last %d: %d kB, peak %d kB; fds baseline %d, max %d, end %d",
		n, st.good, st.faults, soakWindow, st.firstRSS, soakWindow, st.lastRSS, st.hwm, st.baseFD, st.maxFD, st.endFD)
	if st.lastRSS > st.firstRSS+rssSlackKB {
		t.Errorf("resident memory grew from %d kB to %d kB over the soak (bound: +%d kB)", st.firstRSS, st.lastRSS, rssSlackKB)
	}
	if st.endFD > st.baseFD+fdSlack {
		t.Errorf("%d file descriptors open at the end, baseline %d (+%d allowed)", st.endFD, st.baseFD, fdSlack)
	}
	// The log is read once the process has ended and all of it is captured.
	if err := rt.Close(); err != nil {
		t.Fatalf("close function: %v", err)
	}
	for _, to := range []string{"OPEN", "HALF_OPEN", "CLOSED"} {
		if !bytes.Contains(rt.Stdout(), []byte(`"to":"`+to+`"`)) {
			t.Errorf("no log line shows the breaker changing to %s", to)
		}
	}
}

// soakFault is the failure of invocation i: the simulator's cases in turn,
// and a stall every stallEvery invocations.
func soakFault(i int, cases []simCase) simCase {
	if i%stallEvery == 0 {
		return simCase{"stall", hasim.Fault{Kind: hasim.KindDelay, Delay: time.Minute}, gateway.BridgeUnreachable}
	}
	return cases[(i/2)%len(cases)]
}

// soakGood invokes a healthy directive; full checks the answer against the
// schema too (the soak does that for its first rounds only, to stay fast).
func soakGood(t *testing.T, rt *harness.Runtime, name string, event []byte, full bool) {
	t.Helper()
	a := invoke(t, rt, event, defaultBudget)
	if full {
		checkGood(t, name, event, a.payload)
		return
	}
	h := decodeEvent(t, a.payload).Event.Header
	if got := h.Namespace + "/" + h.Name; got != goodAnswers[name] {
		t.Fatalf("answer %s, want %s\n%s", got, goodAnswers[name], a.payload)
	}
}

// soakFailure invokes a directive that meets c and checks the error.
func soakFailure(t *testing.T, rt *harness.Runtime, event []byte, c simCase, full bool) {
	t.Helper()
	a := invoke(t, rt, event, defaultBudget)
	a.inTime(t)
	if full {
		checkError(t, event, a.payload, c.want)
		return
	}
	ns, want := wantError(decodeDirective(t, event), c.want)
	e := decodeEvent(t, a.payload).Event
	if e.Header.Namespace != ns || e.Payload.Type != string(want) {
		t.Fatalf("%s: answer %s %s, want %s %s\n%s", c.name, e.Header.Namespace, e.Payload.Type, ns, want, a.payload)
	}
}

// sample records memory after invocation i of n, and the descriptors every
// hundred invocations; the baseline is taken after the first round of
// every failure kind, once the process has met each.
func (st *soakStats) sample(t *testing.T, rt *harness.Runtime, i, n int) {
	t.Helper()
	rss, hwm, err := rt.ProcStatus()
	if err != nil {
		t.Fatalf("read the process's memory: %v", err)
	}
	st.hwm = max(st.hwm, hwm, rss)
	if i < soakWindow {
		st.firstRSS = max(st.firstRSS, rss)
	}
	if i >= n-soakWindow {
		st.lastRSS = max(st.lastRSS, rss)
	}
	if i%100 != 99 {
		return
	}
	fds := fdCount(t, rt)
	if st.baseFD == 0 {
		st.baseFD = fds
	}
	st.maxFD = max(st.maxFD, fds)
}

func fdCount(t *testing.T, rt *harness.Runtime) int {
	t.Helper()
	n, err := rt.FDCount()
	if err != nil {
		t.Fatalf("count the process's file descriptors: %v", err)
	}
	return n
}

// recoverBreaker opens the home_assistant breaker with consecutive 503s,
// checks that Home Assistant is then left alone, waits out the open
// timeout and checks that relays succeed again.
func recoverBreaker(t *testing.T, rt *harness.Runtime, sim *hasim.Server, events [][]byte) {
	t.Helper()
	tier := config.TierMinimum.Settings()
	threshold := int(tier.BreakerFailureThreshold)
	// A success first, so that the failures counted are only these.
	checkGood(t, directives[0], events[0], invoke(t, rt, events[0], defaultBudget).payload)
	if err := sim.Inject(hasim.Fault{Path: gateway.SmartHomePath, Count: threshold, Kind: hasim.KindStatus, Status: 503}); err != nil {
		t.Fatal(err)
	}
	calls := smartHomeCalls(sim)
	for range threshold {
		checkError(t, events[0], invoke(t, rt, events[0], defaultBudget).payload, gateway.BridgeUnreachable)
	}
	if got := smartHomeCalls(sim) - calls; got != threshold {
		t.Fatalf("%d of the %d failures that open the breaker reached Home Assistant", got, threshold)
	}
	calls = smartHomeCalls(sim)
	checkError(t, events[0], invoke(t, rt, events[0], defaultBudget).payload, gateway.BridgeUnreachable)
	if got := smartHomeCalls(sim); got != calls {
		t.Fatalf("the open breaker let %d requests through to Home Assistant", got-calls)
	}
	waitOut(tier.BreakerOpenTimeout)
	for i, name := range directives {
		checkGood(t, name, events[i], invoke(t, rt, events[i], defaultBudget).payload)
	}
}
