package main

import (
	"encoding/binary"
	"net"
	"testing"
)

// startNoSuchNameDNS runs a DNS server on 127.0.0.1 that answers every
// query with "no such name", so that resolving Home Assistant's host fails
// without any packet leaving the machine. It returns the server's
// host:port, for LEE_DNS_SERVER; the server stops when the test ends.
func startNoSuchNameDNS(tb testing.TB) string {
	tb.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	stopped := make(chan struct{})
	tb.Cleanup(func() {
		_ = conn.Close()
		<-stopped
	})
	go func() {
		defer close(stopped)
		packet := make([]byte, 512)
		for {
			n, peer, err := conn.ReadFrom(packet)
			if err != nil {
				return
			}
			if answer := noSuchName(packet[:n]); answer != nil {
				_, _ = conn.WriteTo(answer, peer)
			}
		}
	}()
	return conn.LocalAddr().String()
}

// noSuchName turns a one-question DNS query into its NXDOMAIN answer: the
// query's id and question, the response and NXDOMAIN bits set, no records.
// It returns nil for anything else.
func noSuchName(query []byte) []byte {
	const headerSize = 12
	if len(query) < headerSize || binary.BigEndian.Uint16(query[4:]) != 1 {
		return nil
	}
	i := headerSize
	for i < len(query) && query[i] != 0 { // skip the name's labels
		i += int(query[i]) + 1
	}
	questionEnd := i + 1 + 4 // the zero label, QTYPE and QCLASS
	if questionEnd > len(query) {
		return nil
	}
	answer := make([]byte, headerSize, questionEnd)
	copy(answer, query[:2])                   // id
	answer[2] = 0x80 | query[2]&0x01          // QR, and RD copied from the query
	answer[3] = 0x80 | 0x03                   // RA, RCODE 3 (NXDOMAIN)
	binary.BigEndian.PutUint16(answer[4:], 1) // one question, no records
	return append(answer, query[headerSize:questionEnd]...)
}
