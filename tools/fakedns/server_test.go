package fakedns

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"slices"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// resolverFor returns a pure-Go resolver that sends every query to srv.
func resolverFor(srv *Server) *net.Resolver {
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", srv.Addr())
		},
	}
}

func start(t *testing.T, records map[string]netip.Addr) *Server {
	t.Helper()
	srv, err := Start(Settings{Records: records})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	return srv
}

func TestResolve(t *testing.T) {
	srv := start(t, map[string]netip.Addr{
		"ha.lee.test":         netip.MustParseAddr("127.0.0.1"),
		"Elsewhere.LEE.test.": netip.MustParseAddr("10.1.2.3"),
	})
	r := resolverFor(srv)
	tests := []struct {
		name     string
		host     string
		want     []string
		notFound bool
	}{
		{"configured name", "ha.lee.test", []string{"127.0.0.1"}, false},
		{"names are case-insensitive", "HA.Lee.Test", []string{"127.0.0.1"}, false},
		{"configured with a trailing dot and capitals", "elsewhere.lee.test", []string{"10.1.2.3"}, false},
		{"fully qualified query", "ha.lee.test.", []string{"127.0.0.1"}, false},
		{"unknown name", "missing.lee.test", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			got, err := r.LookupHost(ctx, tc.host)
			if tc.notFound {
				var dnsErr *net.DNSError
				if !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
					t.Fatalf("LookupHost(%s) = %v, %v; want not found", tc.host, got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("LookupHost(%s) = %v, want %v", tc.host, got, tc.want)
			}
		})
	}
	if srv.Queries() == 0 {
		t.Error("the resolver never reached the server")
	}
}

func TestRecordsChangeWhileRunning(t *testing.T) {
	srv := start(t, nil)
	r := resolverFor(srv)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.LookupHost(ctx, "late.lee.test"); err == nil {
		t.Fatal("resolved a name before it was set")
	}
	if err := srv.Set("late.lee.test", netip.MustParseAddr("192.0.2.7")); err != nil {
		t.Fatal(err)
	}
	got, err := r.LookupHost(ctx, "late.lee.test")
	if err != nil || !slices.Equal(got, []string{"192.0.2.7"}) {
		t.Fatalf("after Set: %v, %v", got, err)
	}
	srv.Delete("LATE.lee.test")
	if _, err := r.LookupHost(ctx, "late.lee.test"); err == nil {
		t.Fatal("resolved a name after it was deleted")
	}
}

func TestSetRejectsIPv6(t *testing.T) {
	srv := start(t, nil)
	if err := srv.Set("v6.lee.test", netip.MustParseAddr("::1")); err == nil {
		t.Fatal("an IPv6 address was accepted for an A record")
	}
	if _, err := Start(Settings{Records: map[string]netip.Addr{"x": {}}}); err == nil {
		t.Fatal("Start accepted an invalid address")
	}
}

func TestCloseTwice(t *testing.T) {
	srv, err := Start(Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}
