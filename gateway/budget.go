package gateway

import (
	"context"
	"errors"
	"time"
)

// DeadlineMargin is kept free before the Lambda deadline for what runs
// after Home Assistant's last byte: checking the answer (utf8.Valid and the
// JSON scan over up to 6 MB) and handing it to the Runtime API. For a 6 MiB
// answer that is about 30 ms of CPU, about 0.4 s at the CPU share of a
// 128 MB function (7.2% of a vCPU); the margin is 2.5 times that, for a
// slower core and garbage collection. docs/RELIABILITY.md has the
// measurement.
const DeadlineMargin = time.Second

// budgetCutKey marks a context whose budget the Lambda deadline cut below
// HA_TIMEOUT.
type budgetCutKey struct{}

// Budget derives the context of one relay to Home Assistant, the token's
// read from Parameter Store included: it ends at the earlier of the Lambda
// deadline less DeadlineMargin and now + HA_TIMEOUT. ok is false when that
// leaves no time at all. When the Lambda deadline is the earlier, the
// context says so, and a request that runs out of it does not count
// against the circuit breaker: Home Assistant was given less time than it
// is allowed, so the timeout is not its failure.
func (g *Gateway) Budget(ctx context.Context) (budget context.Context, cancel context.CancelFunc, ok bool) {
	end := time.Now().Add(g.cfg.Timeout)
	if dl, has := ctx.Deadline(); has && dl.Add(-DeadlineMargin).Before(end) {
		end = dl.Add(-DeadlineMargin)
		ctx = context.WithValue(ctx, budgetCutKey{}, true)
	}
	budget, cancel = context.WithDeadline(ctx, end)
	return budget, cancel, time.Until(end) > 0
}

// outOfCutBudget reports whether ctx's budget was cut by the Lambda
// deadline and has run out: a failure then says nothing about Home
// Assistant, which would still have had time.
func outOfCutBudget(ctx context.Context) bool {
	cut, _ := ctx.Value(budgetCutKey{}).(bool)
	return cut && errors.Is(ctx.Err(), context.DeadlineExceeded)
}
