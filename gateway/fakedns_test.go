package gateway

import (
	"encoding/binary"
	"net"
	"testing"
)

// startNXDomain runs a DNS server on 127.0.0.1 that answers every query
// "no such name", so a name lookup fails without leaving the machine. It
// returns the server's host:port.
func startNXDomain(t *testing.T) string {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		conn.Close()
		<-done
	})
	go func() {
		defer close(done)
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply := nxDomain(buf[:n]); reply != nil {
				_, _ = conn.WriteTo(reply, from)
			}
		}
	}()
	return conn.LocalAddr().String()
}

// nxDomain builds the NXDOMAIN answer to query: same id and question, no
// records. It returns nil for a packet that is not a one-question query.
func nxDomain(query []byte) []byte {
	const headerLen = 12
	if len(query) < headerLen || binary.BigEndian.Uint16(query[4:6]) != 1 {
		return nil
	}
	end := headerLen
	for end < len(query) && query[end] != 0 { // the question's name, label by label
		end += 1 + int(query[end])
	}
	end += 1 + 4 // the root label, then type and class
	if end > len(query) {
		return nil
	}
	reply := make([]byte, 0, end)
	reply = append(reply, query[0], query[1]) // id
	reply = append(reply, 0x81, 0x83)         // response, recursion desired and available, NXDOMAIN
	reply = append(reply, 0, 1, 0, 0, 0, 0, 0, 0)
	return append(reply, query[headerLen:end]...)
}
