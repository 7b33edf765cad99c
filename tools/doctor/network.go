package doctor

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// resolver is the system resolver, or Go's own one talking to DNSServer.
func (r *run) resolver() *net.Resolver {
	if r.s.DNSServer == "" {
		return net.DefaultResolver
	}
	server := r.s.DNSServer
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, server)
		},
	}
}

// checkDNS resolves the host as the function will, and warns when only
// private addresses come back: Lambda runs on the internet.
func (r *run) checkDNS(ctx context.Context) bool {
	if ip, err := netip.ParseAddr(r.host); err == nil {
		r.addrs = []netip.Addr{ip.Unmap()}
		if !public(ip) {
			r.add("dns", Warn, r.host+" is a private address: Lambda, which runs on the internet, cannot reach it",
				"give the public name or address that reaches Home Assistant from outside your network")
			return true
		}
		r.pass("dns", r.host+" is an IP address; nothing to resolve")
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, r.s.Timeout)
	defer cancel()
	addrs, err := r.resolver().LookupNetIP(ctx, "ip", r.host)
	if err != nil {
		r.dnsFailure(err)
		return false
	}
	var shown []string
	anyPublic := false
	for _, a := range addrs {
		a = a.Unmap()
		r.addrs = append(r.addrs, a)
		shown = append(shown, a.String())
		anyPublic = anyPublic || public(a)
	}
	if !anyPublic {
		r.add("dns", Warn, r.host+" resolves here to private addresses only ("+strings.Join(shown, ", ")+"): Lambda resolves it with public DNS and cannot reach these",
			"make sure the public DNS record points at your router's public address (split-horizon DNS is fine when the public answer is public)")
		return true
	}
	r.pass("dns", r.host+" resolves to "+strings.Join(shown, ", "))
	return true
}

func (r *run) dnsFailure(err error) {
	var de *net.DNSError
	switch {
	case errors.As(err, &de) && de.IsNotFound:
		r.add("dns", Fail, r.host+" does not exist in DNS (no such host)",
			"check the spelling, and that the DNS record (or your dynamic DNS name) exists and is published")
	case errors.As(err, &de) && de.IsTimeout, errors.Is(err, context.DeadlineExceeded):
		r.add("dns", Fail, fmt.Sprintf("no DNS answer for %s within %v", r.host, r.s.Timeout),
			"check this machine's network and DNS server (or the one given with --dns-server)")
	default:
		r.add("dns", Fail, "looking up "+r.host+" failed: "+err.Error(),
			"check the host name and this machine's DNS settings")
	}
}

// public reports whether a is routable on the internet.
func public(a netip.Addr) bool {
	return a.IsGlobalUnicast() && !a.IsPrivate()
}

// checkTCP connects to each address in turn and keeps the first that
// answers; the HTTP steps then dial that same address.
func (r *run) checkTCP(ctx context.Context) bool {
	var lastErr error
	for _, a := range r.addrs {
		addr := net.JoinHostPort(a.String(), r.port)
		d := net.Dialer{Timeout: r.s.Timeout}
		start := time.Now()
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			lastErr = err
			continue
		}
		elapsed := time.Since(start)
		conn.Close()
		r.addr = addr
		r.pass("tcp", fmt.Sprintf("connected to %s in %d ms", addr, elapsed.Milliseconds()))
		return true
	}
	r.tcpFailure(lastErr)
	return false
}

func (r *run) tcpFailure(err error) {
	target := net.JoinHostPort(r.host, r.port)
	var ne net.Error
	switch {
	case err == nil:
		r.add("tcp", Fail, "no address to connect to for "+target, "check the DNS record")
	case errors.Is(err, syscall.ECONNREFUSED):
		r.add("tcp", Fail, "connection to "+target+" refused: nothing listens on port "+r.port,
			"check the port in the URL, that Home Assistant (or its proxy) runs, and the router's port forwarding")
	case errors.As(err, &ne) && ne.Timeout():
		r.add("tcp", Fail, fmt.Sprintf("no answer from %s within %v: a firewall or the router drops the connection", target, r.s.Timeout),
			"open the port in the firewall and forward it on the router to Home Assistant")
	default:
		r.add("tcp", Fail, "connecting to "+target+" failed: "+err.Error(),
			"check the network path from the internet to Home Assistant")
	}
}
