package hasim

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

const (
	contentJSON = "application/json"
	contentText = "text/plain; charset=utf-8"
)

// writeJSON writes v compactly and without escaping <, > and &, as Home
// Assistant's views (orjson) do.
func writeJSON(w http.ResponseWriter, status int, v any) int {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return writeInternalError(w)
	}
	return writeBody(w, status, contentJSON, bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// writeMessage writes Home Assistant's json_message: {"message": text}.
func writeMessage(w http.ResponseWriter, status int, text string) int {
	return writeJSON(w, status, map[string]string{"message": text})
}

// writeStatusText writes aiohttp's answer to an HTTP exception raised by a
// view or the router: a text body "<code>: <reason>" (e.g. "401:
// Unauthorized").
func writeStatusText(w http.ResponseWriter, status int) int {
	return writeBody(w, status, contentText, []byte(strconv.Itoa(status)+": "+http.StatusText(status)))
}

// writeInternalError writes aiohttp's answer to an exception a handler did
// not catch.
func writeInternalError(w http.ResponseWriter) int {
	return writeBody(w, http.StatusInternalServerError, contentText,
		[]byte("500 Internal Server Error\n\nServer got itself in trouble"))
}

func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) int {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
	return status
}
