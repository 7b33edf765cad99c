package initialization

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestSnapshotJSONGolden(t *testing.T) {
	clock := newFakeClock()
	tr := New(Settings{Now: clock.Now})
	_ = tr.Step("config", func() error { clock.Advance(1500 * time.Microsecond); return nil })
	_ = tr.Step("token", func() error { clock.Advance(2 * time.Millisecond); return errors.New("parameter not found") })
	tr.Done()
	tr.Invocation()
	clock.Advance(time.Second)

	got, err := json.MarshalIndent(tr.Snapshot(), "", "  ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "snapshot.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatalf("update golden: %v", err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("snapshot JSON differs from %s:\n%s", golden, got)
	}

	var back Snapshot
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if back.InitDuration != 3500*time.Microsecond || len(back.Steps) != 2 || back.Steps[1].Err != "parameter not found" {
		t.Fatalf("round trip lost data: %+v", back)
	}
}
