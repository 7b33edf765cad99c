package gateway

import (
	"context"
	"errors"
	"testing"
	"testing/quick"
	"time"
)

// lambdaMargin is the time kept free before the Lambda deadline to check
// and send the answer (docs/RELIABILITY.md sizes it); the tests state it
// rather than reuse the constant (DeadlineMargin) they check.
const lambdaMargin = time.Second

// budgetOf is Budget of a gateway whose HA_TIMEOUT is limit, and whether
// the budget's context says the Lambda deadline cut it.
func budgetOf(parent context.Context, limit time.Duration) (context.Context, context.CancelFunc, bool, bool) {
	cfg := testConfig(localURL)
	cfg.Timeout = limit
	ctx, cancel, ok := (&Gateway{cfg: cfg}).Budget(parent)
	cut, _ := ctx.Value(budgetCutKey{}).(bool)
	return ctx, cancel, ok, cut
}

// TestBudget: the relay's deadline is the earlier of the Lambda deadline
// less 1 s and now + HA_TIMEOUT, ok is false when that leaves no time,
// and the context is marked cut when the Lambda deadline is the earlier. Deadlines are
// compared, not elapsed time: "now" is bracketed by readings of the clock
// before and after the call.
func TestBudget(t *testing.T) {
	const limit = 7 * time.Second
	tests := []struct {
		name       string
		lambda     time.Duration // Lambda deadline from now; 0 for none
		wantLambda bool          // the deadline is the Lambda deadline less the margin
		wantOK     bool
	}{
		{name: "no Lambda deadline", wantOK: true},
		{name: "Lambda deadline far away", lambda: time.Hour, wantOK: true},
		{name: "Lambda deadline just after HA_TIMEOUT plus margin", lambda: limit + lambdaMargin + 100*time.Millisecond, wantOK: true},
		{name: "Lambda deadline just before HA_TIMEOUT plus margin", lambda: limit + lambdaMargin - 100*time.Millisecond, wantLambda: true, wantOK: true},
		{name: "Lambda deadline in 2 s", lambda: 2 * time.Second, wantLambda: true, wantOK: true},
		{name: "Lambda deadline inside the margin", lambda: lambdaMargin / 2, wantLambda: true},
		{name: "Lambda deadline passed", lambda: -time.Second, wantLambda: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent := context.Background()
			var lambdaDeadline time.Time
			if tc.lambda != 0 {
				lambdaDeadline = time.Now().Add(tc.lambda)
				var cancel context.CancelFunc
				parent, cancel = context.WithDeadline(parent, lambdaDeadline)
				defer cancel()
			}

			before := time.Now()
			ctx, cancel, ok, cut := budgetOf(parent, limit)
			after := time.Now()
			defer cancel()

			if ok != tc.wantOK {
				t.Errorf("ok %v; want %v", ok, tc.wantOK)
			}
			if cut != tc.wantLambda {
				t.Errorf("cut %v; want %v (the Lambda deadline ends the budget)", cut, tc.wantLambda)
			}
			got, has := ctx.Deadline()
			if !has {
				t.Fatal("the relay context has no deadline")
			}
			if tc.wantLambda {
				if want := lambdaDeadline.Add(-lambdaMargin); !got.Equal(want) {
					t.Errorf("deadline %v; want the Lambda deadline less %v, %v", got, lambdaMargin, want)
				}
				return
			}
			if got.Before(before.Add(limit)) || got.After(after.Add(limit)) {
				t.Errorf("deadline %v; want now + %v, between %v and %v", got, limit, before.Add(limit), after.Add(limit))
			}
		})
	}
}

// TestBudgetCancel: the cancel function ends the relay's context, and the
// relay's context ends with its parent.
func TestBudgetCancel(t *testing.T) {
	ctx, cancel, ok, _ := budgetOf(context.Background(), time.Hour)
	if !ok {
		t.Fatal("ok false with an hour of budget")
	}
	cancel()
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("after cancel the context's error is %v; want context.Canceled", ctx.Err())
	}

	parent, stop := context.WithCancel(context.Background())
	ctx, cancel, _, _ = budgetOf(parent, time.Hour)
	defer cancel()
	stop()
	<-ctx.Done()
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("after the parent's cancel the context's error is %v; want context.Canceled", ctx.Err())
	}
}

// TestBudgetProperty checks the rule for arbitrary Lambda deadlines and
// limits: the deadline is min(Lambda deadline − margin, now + limit), ok
// says whether it is still ahead and cut whether the Lambda deadline won.
func TestBudgetProperty(t *testing.T) {
	rule := func(lambdaMs int16, limitMs uint16) bool {
		limit := time.Duration(limitMs%8000+1) * time.Millisecond
		lambdaDeadline := time.Now().Add(time.Duration(lambdaMs) * time.Millisecond)
		parent, stop := context.WithDeadline(context.Background(), lambdaDeadline)
		defer stop()

		before := time.Now()
		ctx, cancel, ok, cut := budgetOf(parent, limit)
		after := time.Now()
		defer cancel()

		got, _ := ctx.Deadline()
		fromLambda := lambdaDeadline.Add(-lambdaMargin)
		if cut != got.Equal(fromLambda) {
			return false // cut says exactly whether the Lambda deadline won
		}
		switch {
		case got.Equal(fromLambda):
			// Chosen only when it is not later than now + limit.
			if fromLambda.After(after.Add(limit)) {
				return false
			}
		case got.Before(before.Add(limit)) || got.After(after.Add(limit)):
			return false
		case fromLambda.Before(before.Add(limit)):
			return false // the Lambda deadline was earlier and must have won
		}
		if ok && !got.After(before) {
			return false
		}
		return ok || !got.After(after)
	}
	if err := quick.Check(rule, &quick.Config{MaxCount: 500}); err != nil {
		t.Error(err)
	}
}
