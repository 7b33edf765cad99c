package httpclient

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
)

// errTooLarge marks a body over Settings.MaxBodyBytes.
var errTooLarge = errors.New("response body exceeds the size limit")

// classify names the failure of a request made under ctx. The context is
// asked first: once its deadline has passed or it was canceled, that is
// the cause, whatever the transport made of it.
func classify(ctx context.Context, err error) Kind {
	if errors.Is(err, errTooLarge) {
		return KindTooLarge
	}
	switch ctx.Err() {
	case nil:
	case context.DeadlineExceeded:
		return KindTimeout
	default:
		return KindCanceled
	}
	return classifyErr(err)
}

// classifyErr names a failure from the error alone.
func classifyErr(err error) Kind {
	switch {
	case errors.Is(err, errTooLarge):
		return KindTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		return KindTimeout
	case errors.Is(err, context.Canceled):
		return KindCanceled
	case isDNS(err):
		return KindDNS
	case isTLS(err):
		return KindTLS
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, syscall.ENETUNREACH):
		return KindRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, errStaleConn),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF):
		return KindReset
	case isTimeout(err):
		return KindTimeout
	}
	return KindOther
}

func isDNS(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isTLS recognises handshake failures. Typed errors cover verification and
// record errors; alerts from the peer come as a net.OpError "remote error";
// crypto/tls reports its own protocol failures as plain errors whose text
// starts with "tls: ", which is the last resort.
func isTLS(err error) bool {
	var (
		unknownAuthority x509.UnknownAuthorityError
		invalid          x509.CertificateInvalidError
		hostname         x509.HostnameError
		verification     *tls.CertificateVerificationError
		record           tls.RecordHeaderError
		alert            tls.AlertError
	)
	if errors.As(err, &unknownAuthority) || errors.As(err, &invalid) ||
		errors.As(err, &hostname) || errors.As(err, &verification) ||
		errors.As(err, &record) || errors.As(err, &alert) ||
		errors.Is(err, http.ErrSchemeMismatch) {
		return true
	}
	return anyInChain(err, func(e error) bool {
		var op *net.OpError
		if errors.As(e, &op) && op.Op == "remote error" {
			return true
		}
		return strings.HasPrefix(e.Error(), "tls: ")
	})
}

// anyInChain reports whether match holds for err or any error it wraps,
// following both Unwrap forms.
func anyInChain(err error, match func(error) bool) bool {
	for err != nil {
		if match(err) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if anyInChain(e, match) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// unwrapURLError drops net/http's *url.Error wrapper, whose text repeats
// the full URL, query and all; Error carries a redacted URL instead.
func unwrapURLError(err error) error {
	var ue *url.Error
	for errors.As(err, &ue) {
		err = ue.Err
	}
	return err
}
