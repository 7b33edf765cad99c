package fakedns

import (
	"encoding/binary"
	"net"
	"net/netip"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// rawQuery builds a query for name and qtype with the given header fields.
func rawQuery(id, flags, qdcount uint16, name string, qtype uint16) []byte {
	msg := make([]byte, headerLen)
	binary.BigEndian.PutUint16(msg[0:], id)
	binary.BigEndian.PutUint16(msg[2:], flags)
	binary.BigEndian.PutUint16(msg[4:], qdcount)
	for _, label := range splitLabels(name) {
		msg = append(msg, byte(len(label)))
		msg = append(msg, label...)
	}
	msg = append(msg, 0)
	msg = binary.BigEndian.AppendUint16(msg, qtype)
	return binary.BigEndian.AppendUint16(msg, classIN)
}

func splitLabels(name string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '.' {
			if i > start {
				out = append(out, name[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// exchange sends one raw datagram to srv and returns the reply.
func exchange(t *testing.T, srv *Server, msg []byte) []byte {
	t.Helper()
	conn, err := net.Dial("udp", srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write(msg); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1500)
	n, err := conn.Read(buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf[:n]
}

func TestRawExchanges(t *testing.T) {
	srv := start(t, map[string]netip.Addr{"ha.lee.test": netip.MustParseAddr("127.0.0.9")})
	compressed := rawQuery(9, flagRD, 1, "", typeA)
	compressed = append(compressed[:headerLen], 0xC0, 0x0C, 0, 1, 0, 1)
	tests := []struct {
		name    string
		msg     []byte
		rcode   int
		answers uint16
		ip      []byte
	}{
		{"A for a known name", rawQuery(7, flagRD, 1, "ha.lee.test", typeA), rcodeNoError, 1, []byte{127, 0, 0, 9}},
		{"AAAA for a known name is empty", rawQuery(7, flagRD, 1, "ha.lee.test", 28), rcodeNoError, 0, nil},
		{"unknown name", rawQuery(7, flagRD, 1, "nope.lee.test", typeA), rcodeNXDomain, 0, nil},
		{"a response is not a query", rawQuery(7, flagQR, 1, "ha.lee.test", typeA), rcodeFormErr, 0, nil},
		{"two questions", rawQuery(7, 0, 2, "ha.lee.test", typeA), rcodeFormErr, 0, nil},
		{"inverse query opcode", rawQuery(7, 1<<11, 1, "ha.lee.test", typeA), rcodeNotImp, 0, nil},
		{"compressed question name", compressed, rcodeFormErr, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reply := exchange(t, srv, tc.msg)
			if len(reply) < headerLen {
				t.Fatalf("reply of %d bytes", len(reply))
			}
			if id := binary.BigEndian.Uint16(reply); id != binary.BigEndian.Uint16(tc.msg) {
				t.Errorf("reply id %d, want the query's", id)
			}
			flags := binary.BigEndian.Uint16(reply[2:])
			if flags&flagQR == 0 || int(flags&0xF) != tc.rcode {
				t.Errorf("flags %#04x, want QR and rcode %d", flags, tc.rcode)
			}
			if got := binary.BigEndian.Uint16(reply[6:]); got != tc.answers {
				t.Fatalf("%d answers, want %d", got, tc.answers)
			}
			if tc.ip != nil && string(reply[len(reply)-4:]) != string(tc.ip) {
				t.Errorf("answer address %v, want %v", reply[len(reply)-4:], tc.ip)
			}
		})
	}
}

func TestParseQueryNeverPanics(t *testing.T) {
	srv := &Server{records: map[string][4]byte{"a.b": {1, 2, 3, 4}}}
	rapid.Check(t, func(t *rapid.T) {
		msg := rapid.SliceOfN(rapid.Byte(), 0, 600).Draw(t, "msg")
		reply, ok := srv.reply(msg)
		if ok && len(reply) < headerLen {
			t.Fatalf("short reply %v", reply)
		}
		if !ok && len(msg) >= headerLen {
			t.Fatalf("no reply to a %d-byte message", len(msg))
		}
	})
}

func TestParseQueryRoundTrip(t *testing.T) {
	label := rapid.StringMatching(`[a-z0-9-]{1,20}`)
	rapid.Check(t, func(t *rapid.T) {
		labels := rapid.SliceOfN(label, 1, 5).Draw(t, "labels")
		name := ""
		for i, l := range labels {
			if i > 0 {
				name += "."
			}
			name += l
		}
		id := rapid.Uint16().Draw(t, "id")
		q, err := parseQuery(rawQuery(id, flagRD, 1, name, typeA))
		if err != nil || q.rcode != 0 || q.q.name != name || q.id != id || q.q.qtype != typeA {
			t.Fatalf("parsed %+v, %v for %s", q, err, name)
		}
	})
}
