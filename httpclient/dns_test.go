package httpclient_test

import (
	"encoding/binary"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
)

// DNS constants the fake server needs.
const (
	dnsTypeA      = 1
	rcodeOK       = 0
	rcodeNXDomain = 3
)

// dnsAnswer decides the reply to a query: a response code, and for an A
// query answered with rcodeOK, optionally an address. aQueries counts the
// A queries seen so far, this one included.
type dnsAnswer func(name string, qtype uint16, aQueries int) (rcode int, ip net.IP)

// startDNS runs a tiny UDP DNS responder on 127.0.0.1 and returns its
// address, so resolution tests never send a query off the machine.
func startDNS(t *testing.T, answer dnsAnswer) string {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen udp: %v", err)
	}
	done := make(chan struct{})
	go serveDNS(conn, answer, done)
	t.Cleanup(func() {
		conn.Close()
		<-done
	})
	return conn.LocalAddr().String()
}

func serveDNS(conn net.PacketConn, answer dnsAnswer, done chan<- struct{}) {
	defer close(done)
	var mu sync.Mutex
	aQueries := 0
	buf := make([]byte, 1500)
	for {
		n, from, err := conn.ReadFrom(buf)
		if err != nil {
			return
		}
		name, qtype, qend, err := parseQuestion(buf[:n])
		if err != nil {
			continue
		}
		mu.Lock()
		if qtype == dnsTypeA {
			aQueries++
		}
		count := aQueries
		mu.Unlock()
		rcode, ip := answer(name, qtype, count)
		_, _ = conn.WriteTo(dnsReply(buf[:qend], rcode, ip), from)
	}
}

// parseQuestion reads the single question of a query and returns where it
// ends (the EDNS record after it is ignored).
func parseQuestion(msg []byte) (name string, qtype uint16, end int, err error) {
	if len(msg) < 12 || binary.BigEndian.Uint16(msg[4:6]) != 1 {
		return "", 0, 0, errors.New("not a one-question query")
	}
	var labels []string
	i := 12
	for i < len(msg) && msg[i] != 0 {
		l := int(msg[i])
		if l > 63 || i+1+l > len(msg) {
			return "", 0, 0, errors.New("bad label")
		}
		labels = append(labels, string(msg[i+1:i+1+l]))
		i += 1 + l
	}
	if i+5 > len(msg) {
		return "", 0, 0, errors.New("short question")
	}
	qtype = binary.BigEndian.Uint16(msg[i+1 : i+3])
	return strings.Join(labels, ".") + ".", qtype, i + 5, nil
}

// dnsReply answers query (header and question) with rcode, and with one A
// record for ip when ip is set.
func dnsReply(query []byte, rcode int, ip net.IP) []byte {
	reply := append([]byte(nil), query...)
	flags := binary.BigEndian.Uint16(query[2:4])
	// QR, the query's opcode and RD, RA, rcode.
	binary.BigEndian.PutUint16(reply[2:4], 0x8000|flags&0x7900|0x0080|uint16(rcode))
	binary.BigEndian.PutUint16(reply[6:8], 0)   // answers
	binary.BigEndian.PutUint16(reply[8:10], 0)  // authority
	binary.BigEndian.PutUint16(reply[10:12], 0) // additional
	if ip4 := ip.To4(); ip4 != nil && rcode == rcodeOK {
		binary.BigEndian.PutUint16(reply[6:8], 1)
		// Name (pointer to the question), type A, class IN, TTL 0, length 4.
		reply = append(reply, 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4)
		reply = append(reply, ip4...)
	}
	return reply
}
