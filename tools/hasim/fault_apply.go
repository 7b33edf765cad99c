package hasim

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// handlerFunc is the simulator's normal answer to a request; it returns
// the status it wrote.
type handlerFunc func(w http.ResponseWriter) int

// applyFault answers a request according to f; real produces the normal
// answer for the kinds that let Home Assistant handle the request. It
// returns the status sent, 0 when none was sent completely.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, f Fault, real handlerFunc) int {
	switch f.Kind {
	case KindStatus:
		if f.Status == http.StatusUnauthorized {
			return writeStatusText(w, f.Status)
		}
		msg := f.Message
		if msg == "" {
			msg = http.StatusText(f.Status)
		}
		return writeMessage(w, f.Status, msg)
	case KindHTML:
		return writeHTML(w, f)
	case KindTruncated:
		rec := newRecorder()
		status := real(rec)
		half := rec.body.Bytes()[:rec.body.Len()/2]
		copyHeader(w.Header(), rec.header)
		return writeBody(w, status, rec.header.Get("Content-Type"), half)
	case KindInvalidJSON:
		return writeBody(w, http.StatusOK, contentJSON, []byte(invalidJSONBody))
	case KindEmptyBody:
		return writeBody(w, http.StatusOK, contentJSON, nil)
	case KindNonAlexaJSON:
		return writeBody(w, http.StatusOK, contentJSON, []byte(nonAlexaBody))
	case KindHuge:
		return s.writeHuge(w, f.Size)
	case KindDelay:
		return s.delay(w, r, f.Delay, real)
	case KindReset:
		rec := newRecorder()
		status := real(rec)
		resetAfterHalf(w, status, rec)
		return 0
	case KindInvalidUTF8:
		rec := newRecorder()
		status := real(rec)
		copyHeader(w.Header(), rec.header)
		return writeBody(w, status, rec.header.Get("Content-Type"), withInvalidUTF8(rec.body.Bytes()))
	case KindSwitchProtocols, KindTrailingBytes, KindDrop:
		return s.applyEdgeFault(w, r, f.Kind, real)
	}
	return writeInternalError(w)
}

// invalidJSONBody is a Python dict printed instead of serialized: close to
// JSON, but not JSON.
const invalidJSONBody = `{'event': {'header': {'namespace': 'Alexa', 'name': 'Response', 'payloadVersion': '3'}, 'payload': {}}}`

// nonAlexaBody is valid JSON of the wrong kind: what /api/ answers.
const nonAlexaBody = `{"message":"API running."}`

// withInvalidUTF8 adds a member holding a byte that is not UTF-8 to the
// JSON object body (left as it is when it is not an object).
func withInvalidUTF8(body []byte) []byte {
	end := bytes.LastIndexByte(body, '}')
	if end < 0 {
		return body
	}
	out := append([]byte(nil), body[:end]...)
	if t := bytes.TrimSpace(out); len(t) > 0 && t[len(t)-1] != '{' {
		out = append(out, ',')
	}
	out = append(out, `"note":"K`+"\xfc"+`che"`...)
	return append(out, body[end:]...)
}

// delay waits d, then answers normally. When the client goes away or the
// server closes first, it drops the connection without an answer.
func (s *Server) delay(w http.ResponseWriter, r *http.Request, d time.Duration, real handlerFunc) int {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return real(w)
	case <-r.Context().Done():
	case <-s.closing:
	}
	abort(w)
	return 0
}

// abort closes the connection under w without writing anything, so the
// client sees the connection end rather than an empty answer.
func abort(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		_ = conn.Close()
	}
}

// resetAfterHalf writes the status line, the headers (announcing the whole
// body) and half the body, then closes the connection. When the connection
// cannot be taken over, the short body makes the HTTP server close it too.
func resetAfterHalf(w http.ResponseWriter, status int, rec *recorder) {
	body := rec.body.Bytes()
	half := body[:len(body)/2]
	rec.header.Set("Content-Length", strconv.Itoa(len(body)))
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		copyHeader(w.Header(), rec.header)
		w.WriteHeader(status)
		_, _ = w.Write(half)
		return
	}
	defer conn.Close()
	writeRawResponse(rw.Writer, status, rec.header, half)
}

func writeRawResponse(bw *bufio.Writer, status int, h http.Header, body []byte) {
	fmt.Fprintf(bw, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	_ = h.Write(bw)
	_, _ = bw.WriteString("\r\n")
	_, _ = bw.Write(body)
	_ = bw.Flush()
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = append([]string(nil), v...)
	}
}

// recorder captures a normal answer so a fault can break it.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}

// Prefix and suffix of a KindHuge body; the padding between them makes
// the document exactly the requested size and keeps it valid JSON.
const (
	hugePrefix = `{"event":{"header":{"namespace":"Alexa.Discovery","name":"Discover.Response",` +
		`"payloadVersion":"3","messageId":"00000000-0000-4000-8000-000000000000"},` +
		`"payload":{"endpoints":[]}},"padding":"`
	hugeSuffix = `"}`
)

// writeHuge streams a JSON document of size bytes, stopping early when the
// client or the server goes away.
func (s *Server) writeHuge(w http.ResponseWriter, size int) int {
	if size == 0 {
		size = DefaultHugeSize
	}
	h := w.Header()
	h.Set("Content-Type", contentJSON)
	h.Set("Content-Length", strconv.Itoa(size))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write([]byte(hugePrefix)); err != nil {
		return 0
	}
	chunk := []byte(strings.Repeat("x", 32<<10))
	for left := size - len(hugePrefix) - len(hugeSuffix); left > 0; {
		select {
		case <-s.closing:
			return 0
		default:
		}
		n := min(left, len(chunk))
		if _, err := w.Write(chunk[:n]); err != nil {
			return 0
		}
		left -= n
	}
	if _, err := w.Write([]byte(hugeSuffix)); err != nil {
		return 0
	}
	return http.StatusOK
}
