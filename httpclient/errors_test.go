package httpclient_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

func TestKindString(t *testing.T) {
	want := map[httpclient.Kind]string{
		httpclient.KindOther: "other", httpclient.KindRefused: "refused", httpclient.KindDNS: "dns",
		httpclient.KindTLS: "tls", httpclient.KindTimeout: "timeout", httpclient.KindReset: "reset",
		httpclient.KindTooLarge: "too large", httpclient.KindStatus: "status", httpclient.KindCanceled: "canceled",
		httpclient.Kind(42): "kind 42",
	}
	for k, w := range want {
		t.Run(w, func(t *testing.T) {
			if got := k.String(); got != w {
				t.Fatalf("String() = %q, want %q", got, w)
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want httpclient.Kind
	}{
		{"nil", nil, httpclient.KindOther},
		{"plain", errors.New("x"), httpclient.KindOther},
		{"wrapped Error", fmt.Errorf("relay: %w", &httpclient.Error{Kind: httpclient.KindDNS}), httpclient.KindDNS},
		{"deadline", context.DeadlineExceeded, httpclient.KindTimeout},
		{"canceled", fmt.Errorf("x: %w", context.Canceled), httpclient.KindCanceled},
		{"refused", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, httpclient.KindRefused},
		{"unreachable", &net.OpError{Op: "dial", Err: syscall.EHOSTUNREACH}, httpclient.KindRefused},
		{"reset", &net.OpError{Op: "read", Err: syscall.ECONNRESET}, httpclient.KindReset},
		{"eof", io.ErrUnexpectedEOF, httpclient.KindReset},
		{"dns", &net.DNSError{Err: "no such host", Name: "ha", IsNotFound: true}, httpclient.KindDNS},
		{"tls alert", &net.OpError{Op: "remote error", Err: errors.New("tls: bad certificate")}, httpclient.KindTLS},
		{"tls text", errors.Join(errors.New("a"), errors.New("tls: handshake failure")), httpclient.KindTLS},
		{"net timeout", &net.OpError{Op: "dial", Err: timeoutErr{}}, httpclient.KindTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := httpclient.KindOf(tt.err); got != tt.want {
				t.Fatalf("KindOf = %s, want %s", got, tt.want)
			}
		})
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestErrorText(t *testing.T) {
	cause := errors.New("cause")
	tests := []struct {
		err  *httpclient.Error
		want string
	}{
		{&httpclient.Error{Kind: httpclient.KindRefused, Op: "POST", URL: "http://ha/api", Attempts: 2, Err: cause},
			"httpclient: POST http://ha/api (refused, 2 attempts): cause"},
		{&httpclient.Error{Kind: httpclient.KindStatus, Op: "POST", URL: "http://ha/api", Status: 404, Attempts: 1},
			"httpclient: POST http://ha/api (status, HTTP 404)"},
		{&httpclient.Error{Kind: httpclient.KindTooLarge, Op: "GET", URL: "https://ha/", Status: 200, Attempts: 1, Err: cause},
			"httpclient: GET https://ha/ (too large, HTTP 200): cause"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Fatalf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, cause) && tt.err.Err != nil {
				t.Fatal("Unwrap does not reach the cause")
			}
		})
	}
}

func TestStatusErrorOfNil(t *testing.T) {
	if err := httpclient.StatusError(nil); httpclient.KindOf(err) != httpclient.KindOther || err == nil {
		t.Fatalf("StatusError(nil) = %v", err)
	}
	if err := httpclient.StatusError(&httpclient.Response{StatusCode: 299}); err != nil {
		t.Fatalf("StatusError(299) = %v", err)
	}
}
