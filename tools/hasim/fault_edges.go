package hasim

import (
	"io"
	"net"
	"net/http"
	"strconv"
)

// applyEdgeFault answers a request with one of the transport-edge faults
// and returns the status sent, 0 when none was.
func (s *Server) applyEdgeFault(w http.ResponseWriter, r *http.Request, kind Kind, real handlerFunc) int {
	switch kind {
	case KindSwitchProtocols:
		return s.switchProtocols(w)
	case KindTrailingBytes:
		rec := newRecorder()
		status := real(rec)
		return s.writeWithTrailingBytes(w, r, status, rec)
	case KindDrop:
		real(newRecorder())
		abort(w)
		return 0
	}
	return writeInternalError(w)
}

// switchProtocolsHead is a final 101 answer switching to WebSocket.
const switchProtocolsHead = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"

// switchProtocols takes the connection over, answers 101 and then stays
// silent until the client closes the connection or the server closes.
func (s *Server) switchProtocols(w http.ResponseWriter) int {
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return writeInternalError(w)
	}
	defer conn.Close()
	if _, err := rw.WriteString(switchProtocolsHead); err != nil {
		return 0
	}
	if err := rw.Flush(); err != nil {
		return 0
	}
	s.holdOpen(conn, rw.Reader)
	return http.StatusSwitchingProtocols
}

// writeWithTrailingBytes sends the recorded answer with its length, then
// the request's head, which the length does not cover, and holds the
// connection until the client closes it, which a client does once it
// notices the bytes nobody asked for.
func (s *Server) writeWithTrailingBytes(w http.ResponseWriter, r *http.Request, status int, rec *recorder) int {
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return writeInternalError(w)
	}
	defer conn.Close()
	rec.header.Set("Content-Length", strconv.Itoa(rec.body.Len()))
	bw := rw.Writer
	writeRawResponse(bw, status, rec.header, rec.body.Bytes())
	_, _ = bw.WriteString(r.Method + " " + r.URL.RequestURI() + " " + r.Proto + "\r\n")
	_ = r.Header.Write(bw)
	_, _ = bw.WriteString("\r\n")
	if err := bw.Flush(); err != nil {
		return 0
	}
	s.holdOpen(conn, rw.Reader)
	return status
}

// holdOpen reads and drops what the client sends on a hijacked connection
// until it closes the connection or the server closes.
func (s *Server) holdOpen(conn net.Conn, r io.Reader) {
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-s.closing:
			_ = conn.Close()
		case <-stop:
		}
	}()
	_, _ = io.Copy(io.Discard, r)
}
