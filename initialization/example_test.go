package initialization_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lee-engine/lee/initialization"
)

func Example() {
	// A fixed clock keeps the example's output stable; a Lambda uses
	// initialization.Default instead.
	now := time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	tr := initialization.New(initialization.Settings{Now: clock})

	_ = tr.Step("config", func() error { now = now.Add(2 * time.Millisecond); return nil })
	err := tr.Step("token", func() error { return errors.New("HA_TOKEN_PARAMETER not found") })
	tr.Done()
	fmt.Println(err)

	fmt.Println(tr.Invocation(), tr.Invocation())
	s := tr.Snapshot()
	fmt.Println(s.ColdStart, s.Invocations, s.InitMS, len(s.Steps))
	// Output:
	// init step "token": HA_TOKEN_PARAMETER not found
	// true false
	// false 2 2 2
}
