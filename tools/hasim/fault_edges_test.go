package hasim_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

// rawExchange sends one Smart Home request over a connection of its own
// and returns the connection and a reader positioned at the answer.
func rawExchange(t *testing.T, s *sim, body string) (net.Conn, *bufio.Reader, *http.Request) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.srv.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	req, _ := http.NewRequest("POST", s.srv.URL()+"/api/alexa/smart_home", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Cf-Access-Client-Secret", "echoed-header-value")
	if err := req.Write(conn); err != nil {
		t.Fatal(err)
	}
	return conn, bufio.NewReader(conn), req
}

func TestSwitchProtocolsHoldsTheConnection(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindSwitchProtocols, Count: 1}); err != nil {
		t.Fatal(err)
	}
	conn, br, req := rawExchange(t, s, kitchenOff())
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Upgrade") != "websocket" ||
		!strings.EqualFold(resp.Header.Get("Connection"), "upgrade") {
		t.Fatalf("got %d %v; want 101 with Upgrade: websocket", resp.StatusCode, resp.Header)
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "on" {
		t.Errorf("a protocol switch applied the directive")
	}
	// The server stays silent; the record is finished once the client
	// hangs up.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	if n, err := br.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Errorf("after the 101: read %d bytes, %v; want the server to say nothing and close", n, err)
	}
	r := waitRequests(t, s.srv, func(r []hasim.Request) bool { return len(r) == 1 && r[0].Done })
	if r[0].Fault != hasim.KindSwitchProtocols || r[0].Status != http.StatusSwitchingProtocols {
		t.Errorf("record %+v", r[0])
	}
}

func TestCloseEndsAHeldProtocolSwitch(t *testing.T) {
	srv, err := hasim.Start(hasim.Settings{Tokens: []string{testToken}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Inject(hasim.Fault{Kind: hasim.KindSwitchProtocols}); err != nil {
		t.Fatal(err)
	}
	s := &sim{t: t, srv: srv}
	_, br, req := rawExchange(t, s, kitchenOff())
	if resp, err := http.ReadResponse(br, req); err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("got %v, %v", resp, err)
	}
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := br.ReadByte(); err == nil {
		t.Error("the held connection outlived the server")
	}
}

func TestTrailingBytesFollowTheAnswer(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindTrailingBytes, Count: 1}); err != nil {
		t.Fatal(err)
	}
	conn, br, req := rawExchange(t, s, kitchenOff())
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	var msg map[string]any
	if err != nil || resp.StatusCode != 200 || json.Unmarshal(body, &msg) != nil || dig(msg, "event", "header", "name") != "Response" {
		t.Fatalf("answer %d %s, %v; want the real answer", resp.StatusCode, body, err)
	}
	if r := s.srv.Requests(); r[0].Done {
		t.Errorf("the request was done before the client closed the connection: %+v", r[0])
	}
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(br)
	for _, want := range []string{"POST /api/alexa/smart_home HTTP/1.1\r\n", "Authorization: Bearer " + testToken, "Cf-Access-Client-Secret: echoed-header-value"} {
		if !strings.Contains(string(rest), want) {
			t.Errorf("bytes after the answer %q lack %q", rest, want)
		}
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "off" {
		t.Errorf("the directive was not applied")
	}
	r := waitRequests(t, s.srv, func(r []hasim.Request) bool { return len(r) == 1 && r[0].Done })
	if r[0].Fault != hasim.KindTrailingBytes || r[0].Status != http.StatusOK {
		t.Errorf("record %+v", r[0])
	}
}

func TestDropAppliesAndSaysNothing(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindDrop, Count: 1}); err != nil {
		t.Fatal(err)
	}
	_, br, _ := rawExchange(t, s, kitchenOff())
	if b, err := io.ReadAll(br); len(b) != 0 || err != nil {
		t.Fatalf("read %q, %v; want the connection closed without a byte", b, err)
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "off" {
		t.Errorf("the dropped directive was not applied")
	}
	r := waitRequests(t, s.srv, func(r []hasim.Request) bool { return len(r) == 1 && r[0].Done })
	if r[0].Fault != hasim.KindDrop || r[0].Status != 0 {
		t.Errorf("record %+v", r[0])
	}
}
