package httpclient_test

import (
	"bytes"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

func shared(t *testing.T, s httpclient.Settings) *httpclient.Client {
	t.Helper()
	c, err := httpclient.Shared(s)
	if err != nil {
		t.Fatalf("Shared: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func TestSharedOnePerConfiguration(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	base := httpclient.Settings{Logger: logger, Headers: map[string]string{"x-id": "a"}, UserAgent: "shared-test"}
	first := shared(t, base)
	same := []httpclient.Settings{
		base,
		{Logger: logger, Headers: map[string]string{"X-Id": "a"}, UserAgent: "shared-test", MaxBodyBytes: httpclient.DefaultMaxBodyBytes},
		{Logger: logger, Headers: map[string]string{"X-ID": "a"}, UserAgent: "shared-test", DialTimeout: httpclient.DefaultDialTimeout},
	}
	for i, s := range same {
		if shared(t, s) != first {
			t.Errorf("equivalent settings #%d got another client", i)
		}
	}
	different := []httpclient.Settings{
		{Logger: logger, Headers: map[string]string{"x-id": "b"}, UserAgent: "shared-test"},
		{Logger: logger, Headers: map[string]string{"x-id": "a", "x-other": ""}, UserAgent: "shared-test"},
		{Logger: logger, Headers: map[string]string{"x-id": "a"}, UserAgent: "shared-test", MaxBodyBytes: 1},
		{Logger: logger, Headers: map[string]string{"x-id": "a"}, UserAgent: "shared-test", InsecureSkipVerify: true},
		{Logger: logger, Headers: map[string]string{"x-id": "a"}},
	}
	for i, s := range different {
		if shared(t, s) == first {
			t.Errorf("different settings #%d share the client", i)
		}
	}
}

func TestSharedConcurrent(t *testing.T) {
	s := httpclient.Settings{UserAgent: "concurrent-test", Logger: slog.New(slog.DiscardHandler)}
	const n = 16
	got := make([]*httpclient.Client, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i], _ = httpclient.Shared(s) })
	}
	wg.Wait()
	for i := range got {
		if got[i] == nil || got[i] != got[0] {
			t.Fatalf("call %d got %p, want %p", i, got[i], got[0])
		}
	}
	got[0].CloseIdleConnections()
}

func TestSharedRetriesAfterFailure(t *testing.T) {
	path := t.TempDir() + "/ca.pem"
	s := httpclient.Settings{CAFile: path, Logger: slog.New(slog.DiscardHandler)}
	if _, err := httpclient.Shared(s); err == nil {
		t.Fatal("Shared accepted a missing CA file")
	}
	pem, err := os.ReadFile(newCA(t, "late-ca").pemFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem, 0o600); err != nil {
		t.Fatal(err)
	}
	shared(t, s)
}

func TestSharedWarnsOnceForInsecure(t *testing.T) {
	var buf bytes.Buffer
	s := httpclient.Settings{InsecureSkipVerify: true, UserAgent: "insecure-shared", Logger: slog.New(slog.NewTextHandler(&buf, nil))}
	for range 3 {
		shared(t, s)
	}
	if n := strings.Count(buf.String(), "level=WARN"); n != 1 {
		t.Fatalf("%d warnings, want 1:\n%s", n, buf.String())
	}
}
