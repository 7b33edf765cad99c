package fakedns

import (
	"encoding/binary"
	"errors"
	"strings"
)

// DNS constants used here (RFC 1035 §3.2 and §4.1).
const (
	typeA      = 1
	classIN    = 1
	headerLen  = 12
	flagQR     = 1 << 15
	flagAA     = 1 << 10
	flagRD     = 1 << 8
	opcodeMask = 0xF << 11

	rcodeNoError  = 0
	rcodeFormErr  = 1
	rcodeNXDomain = 3
	rcodeNotImp   = 4

	// answerTTL is short: a test may change the records between queries.
	answerTTL = 5
	maxLabel  = 63
	maxName   = 255
)

// errMalformed reports a query that cannot be parsed far enough to answer
// even with FORMERR (shorter than a header).
var errMalformed = errors.New("malformed DNS message")

// question is the single question of a query.
type question struct {
	name  string // lower case, without the trailing dot
	qtype uint16
	class uint16
	raw   []byte // the question section as received, echoed in the answer
}

// query is a parsed request.
type query struct {
	id    uint16
	flags uint16
	q     question
	rcode int // non-zero when the query is refused as it stands
}

// parseQuery reads the header and the one question a resolver sends.
// Queries with other than one question, or that are responses, get FORMERR;
// opcodes other than QUERY get NOTIMP. Name compression is not accepted in
// questions, as no resolver sends it there.
func parseQuery(msg []byte) (query, error) {
	if len(msg) < headerLen {
		return query{}, errMalformed
	}
	q := query{id: binary.BigEndian.Uint16(msg[0:]), flags: binary.BigEndian.Uint16(msg[2:])}
	switch {
	case q.flags&flagQR != 0 || binary.BigEndian.Uint16(msg[4:]) != 1:
		q.rcode = rcodeFormErr
		return q, nil
	case q.flags&opcodeMask != 0:
		q.rcode = rcodeNotImp
		return q, nil
	}
	name, end, ok := readName(msg, headerLen)
	if !ok || end+4 > len(msg) {
		q.rcode = rcodeFormErr
		return q, nil
	}
	q.q = question{
		name:  name,
		qtype: binary.BigEndian.Uint16(msg[end:]),
		class: binary.BigEndian.Uint16(msg[end+2:]),
		raw:   msg[headerLen : end+4],
	}
	return q, nil
}

// readName decodes an uncompressed domain name starting at off and returns
// it in lower case without the root dot, and the offset after it.
func readName(msg []byte, off int) (string, int, bool) {
	var labels []string
	total := 0
	for {
		if off >= len(msg) {
			return "", 0, false
		}
		n := int(msg[off])
		off++
		if n == 0 {
			break
		}
		if n > maxLabel || off+n > len(msg) {
			return "", 0, false
		}
		total += n + 1
		if total > maxName {
			return "", 0, false
		}
		labels = append(labels, strings.ToLower(string(msg[off:off+n])))
		off += n
	}
	return strings.Join(labels, "."), off, true
}

// answer builds the response to q: ip (4 bytes) as an A record when found,
// else rcode with no records.
func answer(q query, ip []byte, rcode int) []byte {
	flags := flagQR | flagAA | q.flags&(opcodeMask|flagRD) | uint16(rcode)
	out := make([]byte, headerLen, headerLen+len(q.q.raw)+16)
	binary.BigEndian.PutUint16(out[0:], q.id)
	binary.BigEndian.PutUint16(out[2:], flags)
	if q.q.raw == nil {
		return out
	}
	binary.BigEndian.PutUint16(out[4:], 1)
	out = append(out, q.q.raw...)
	if ip == nil {
		return out
	}
	binary.BigEndian.PutUint16(out[6:], 1)
	// The answer's name points back at the question's (offset 12).
	out = append(out, 0xC0, headerLen)
	out = binary.BigEndian.AppendUint16(out, typeA)
	out = binary.BigEndian.AppendUint16(out, classIN)
	out = binary.BigEndian.AppendUint32(out, answerTTL)
	out = binary.BigEndian.AppendUint16(out, 4)
	return append(out, ip...)
}
