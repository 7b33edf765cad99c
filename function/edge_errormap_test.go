package main

import (
	"io"
	"net/http"

	"github.com/lee-engine/lee/gateway"
)

// edgeErrorCases are the rows of the transport's edges (issue 13).
func edgeErrorCases() []errorCase {
	return []errorCase{
		{name: "101 Switching Protocols", reply: switchProtocols,
			want: wantError{"Alexa", internal, "101 Switching Protocols"}, metric: gateway.MetricInternalError, calls: 1},
	}
}

// switchProtocols answers a final 101, as a proxy taking the connection
// over for WebSocket would, and then holds the connection until the client
// closes it: net/http hands that connection over as the answer's body,
// which no deadline bounds.
func switchProtocols(w http.ResponseWriter, _ *http.Request) {
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	_, _ = rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
	if rw.Flush() != nil {
		return
	}
	_, _ = io.Copy(io.Discard, rw)
}
