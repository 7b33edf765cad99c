package reliability

import (
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// defaultBudget is the invocation deadline the matrix gives each directive,
// counted from the call: below HA_TIMEOUT's default (7s), so the rows
// where Home Assistant stalls show the function keeping the Lambda deadline.
const defaultBudget = 5 * time.Second

// stage is one prepared failure: what the function is configured with, what
// it meets, and how Home Assistant is made well again afterwards.
type stage struct {
	// env holds HA_URL and the row's own variables.
	env []string
	// sim is the simulator behind HA_URL, when there is one at the start.
	sim *hasim.Server
	// arm, when set, runs in the started process before the failing
	// directive (the breaker row trips the breaker with it).
	arm func(t *testing.T, rt *harness.Runtime)
	// sent is how many Smart Home requests the failing directive must
	// bring to sim: one where Home Assistant answers badly (a second would
	// be a retry of a directive it may have applied), none where the
	// request cannot or must not leave the function.
	sent int
	// repair makes Home Assistant reachable and healthy again.
	repair func(t *testing.T)
	// after, when set, runs once the failing directive is answered and
	// judged (a row waits there for what the fault set off to finish).
	after func(t *testing.T)
}

// faultRow is one row of the fault matrix.
type faultRow struct {
	name string
	// want is DESIGN.md's Alexa error for the row (AcceptGrant always
	// gets ACCEPT_GRANT_FAILED instead); empty for a row whose fault must
	// not fail the directive, which then gets Home Assistant's own answer.
	want gateway.ErrorType
	// budget is the invocation deadline; zero means defaultBudget.
	budget time.Duration
	setup  func(t *testing.T) stage
}

// TestFaultMatrix runs every failure of DESIGN.md's table end to end, for a
// control directive, Discovery and AcceptGrant: the real bootstrap under
// the loopback Runtime API, Home Assistant simulated on 127.0.0.1. Each
// case asserts the exact Alexa error, its schema validity, the kept
// correlationToken and endpointId, an answer before the invocation's
// deadline, a process that then serves a good directive, and (when the
// process stops) no secret in its output.
func TestFaultMatrix(t *testing.T) {
	for _, row := range faultRows() {
		t.Run(row.name, func(t *testing.T) {
			for _, name := range directives {
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					runFault(t, row, name)
				})
			}
		})
	}
}

// runFault runs one case of the matrix in a process of its own.
func runFault(t *testing.T, row faultRow, name string) {
	directive := sample(t, name)
	st := row.setup(t)
	rt := startFunction(t, st.env...)
	pid := rt.PID()
	if st.arm != nil {
		st.arm(t, rt)
	}
	calls := smartHomeCalls(st.sim)
	budget := row.budget
	if budget == 0 {
		budget = defaultBudget
	}
	a := invoke(t, rt, directive, budget)
	a.inTime(t)
	if row.want == "" {
		checkGood(t, name, directive, a.payload)
	} else {
		checkError(t, directive, a.payload, row.want)
	}
	if got := smartHomeCalls(st.sim) - calls; got != st.sent {
		t.Errorf("the failing directive brought %d requests to Home Assistant, want %d", got, st.sent)
	}
	if st.after != nil {
		st.after(t)
	}
	st.repair(t)
	good := invoke(t, rt, directive, defaultBudget)
	checkGood(t, name, directive, good.payload)
	if !rt.Alive() || rt.PID() != pid {
		t.Errorf("the function process %d did not survive (alive %v, pid now %d)", pid, rt.Alive(), rt.PID())
	}
}

// smartHomeCalls counts the Smart Home requests sim received; 0 without sim.
func smartHomeCalls(sim *hasim.Server) int {
	if sim == nil {
		return 0
	}
	return sim.Count(gateway.SmartHomePath)
}
