package rie

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/lee-engine/lee/tools/harness"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// requireRIE returns the emulator's path. Without it the test is skipped,
// except in CI (CI=true), where the emulator is part of the contract and its
// absence fails the test.
func requireRIE(t *testing.T) string {
	t.Helper()
	path, err := LookPath()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and the emulator is missing: %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	return path
}

// buildFloor builds the performance floor into a directory of the test's own.
func buildFloor(t *testing.T) string {
	t.Helper()
	path, err := harness.BuildFloor(testContext(t), t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// script writes an executable shell script and returns its path.
func script(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bootstrap")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// testContext bounds a test's waits so a bug fails the test instead of
// hanging it; no assertion depends on this bound.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// startEmulator starts an Emulator that the test closes when it ends.
func startEmulator(t *testing.T, s Settings) *Emulator {
	t.Helper()
	e, err := Start(testContext(t), s)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return e
}
