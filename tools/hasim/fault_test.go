package hasim_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lee-engine/lee/tools/hasim"
)

func kitchenOff() string {
	return directiveJSON("Alexa.PowerController", "TurnOff", "light#kitchen", map[string]any{})
}

func TestStatusAndBodyFaults(t *testing.T) {
	tests := []struct {
		name        string
		fault       hasim.Fault
		status      int
		contentType string
		check       func(body []byte) bool
	}{
		{"503", hasim.Fault{Kind: hasim.KindStatus, Status: 503}, 503, "application/json",
			func(b []byte) bool { return string(b) == `{"message":"Service Unavailable"}` }},
		{"500 with message", hasim.Fault{Kind: hasim.KindStatus, Status: 500, Message: "boom"}, 500, "application/json",
			func(b []byte) bool { return string(b) == `{"message":"boom"}` }},
		{"401", hasim.Fault{Kind: hasim.KindStatus, Status: 401}, 401, "text/plain; charset=utf-8",
			func(b []byte) bool { return string(b) == "401: Unauthorized" }},
		{"login page", hasim.Fault{Kind: hasim.KindHTML}, 200, "text/html; charset=utf-8",
			func(b []byte) bool { return strings.Contains(string(b), "<title>Home Assistant</title>") }},
		{"challenge", hasim.Fault{Kind: hasim.KindHTML, Page: "challenge", Status: 403}, 403, "text/html; charset=utf-8",
			func(b []byte) bool { return strings.Contains(string(b), "Just a moment...") }},
		{"invalid json", hasim.Fault{Kind: hasim.KindInvalidJSON}, 200, "application/json",
			func(b []byte) bool { return len(b) > 0 && !json.Valid(b) }},
		{"empty", hasim.Fault{Kind: hasim.KindEmptyBody}, 200, "application/json",
			func(b []byte) bool { return len(b) == 0 }},
		{"non alexa", hasim.Fault{Kind: hasim.KindNonAlexaJSON}, 200, "application/json",
			func(b []byte) bool {
				var m map[string]any
				return json.Unmarshal(b, &m) == nil && m["event"] == nil
			}},
		{"huge", hasim.Fault{Kind: hasim.KindHuge, Size: 7 << 20}, 200, "application/json",
			func(b []byte) bool { return len(b) == 7<<20 && json.Valid(b) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startSim(t, hasim.Settings{})
			if err := s.srv.Inject(tc.fault); err != nil {
				t.Fatal(err)
			}
			status, h, b := s.do("POST", "/api/alexa/smart_home", testToken, kitchenOff())
			if status != tc.status || h.Get("Content-Type") != tc.contentType || !tc.check(b) {
				t.Errorf("got %d %q %.200q", status, h.Get("Content-Type"), b)
			}
			if st, _ := s.srv.State("light.kitchen"); st.State != "on" {
				t.Errorf("a fault that replaces the answer let the directive through")
			}
			r := s.srv.Requests()
			if len(r) != 1 || r[0].Fault != tc.fault.Kind || r[0].Status != tc.status {
				t.Errorf("record %+v", r)
			}
		})
	}
}

func TestInvalidUTF8AnswerIsTheRealOneWithABadByte(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindInvalidUTF8, Count: 1}); err != nil {
		t.Fatal(err)
	}
	status, h, b := s.do("POST", "/api/alexa/smart_home", testToken, kitchenOff())
	if status != 200 || h.Get("Content-Type") != "application/json" || !json.Valid(b) || utf8.Valid(b) {
		t.Fatalf("got %d %q %q; want valid JSON that is not valid UTF-8", status, h.Get("Content-Type"), b)
	}
	var m struct{ Event json.RawMessage }
	if err := json.Unmarshal(b, &m); err != nil || len(m.Event) == 0 {
		t.Errorf("the answer lost its event: %v", err)
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "off" {
		t.Errorf("the directive was not applied")
	}
}

func TestTruncatedAnswerIsHalfOfTheRealOne(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindTruncated, Count: 1}); err != nil {
		t.Fatal(err)
	}
	status, h, b := s.do("POST", "/api/alexa/smart_home", testToken, kitchenOff())
	if status != 200 || h.Get("Content-Type") != "application/json" || json.Valid(b) || !strings.HasPrefix(string(b), `{"event":{"header":`) {
		t.Fatalf("got %d %q %s", status, h.Get("Content-Type"), b)
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "off" {
		t.Errorf("a truncated answer still applies the directive")
	}
	_, _, whole := s.do("POST", "/api/alexa/smart_home", testToken, kitchenOff())
	if n := len(whole) / 2; len(b) < n-40 || len(b) > n+40 {
		t.Errorf("truncated to %d bytes, the whole answer has %d", len(b), len(whole))
	}
}

func TestResetCutsTheConnection(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindReset, Path: "/api/alexa/smart_home"}); err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.srv.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := kitchenOff()
	req, _ := http.NewRequest("POST", s.srv.URL()+"/api/alexa/smart_home", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testToken)
	if err := req.Write(conn); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		t.Fatalf("no status line: %v", err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !errors.Is(err, io.ErrUnexpectedEOF) || int64(len(got)) >= resp.ContentLength {
		t.Errorf("status %d, read %d of %d bytes, err %v", resp.StatusCode, len(got), resp.ContentLength, err)
	}
	if r := s.srv.Requests(); len(r) != 1 || r[0].Status != 0 || r[0].Fault != hasim.KindReset {
		t.Errorf("record %+v", r)
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "off" {
		t.Errorf("a reset answer still applies the directive")
	}
}

func TestDelayThenNormalAnswer(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindDelay, Delay: time.Millisecond, Count: 1}); err != nil {
		t.Fatal(err)
	}
	msg := s.directive(kitchenOff())
	if dig(msg, "event", "header", "name") != "Response" {
		t.Errorf("got %v", msg)
	}
	if len(s.srv.Faults()) != 0 {
		t.Errorf("a count-1 fault stays after its request")
	}
}

// TestDelayEndsWhenTheClientGivesUp waits for the delayed request to be
// recorded, then cancels it; the directive must not be applied.
func TestDelayEndsWhenTheClientGivesUp(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	if err := s.srv.Inject(hasim.Fault{Kind: hasim.KindDelay, Delay: time.Hour}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", s.srv.URL()+"/api/alexa/smart_home", strings.NewReader(kitchenOff()))
	req.Header.Set("Authorization", "Bearer "+testToken)
	done := make(chan error, 1)
	go func() {
		resp, err := s.client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	waitRequests(t, s.srv, func(r []hasim.Request) bool { return len(r) == 1 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("client error %v", err)
	}
	r := waitRequests(t, s.srv, func(r []hasim.Request) bool { return len(r) == 1 && r[0].Done })
	if r[0].Fault != hasim.KindDelay || r[0].Status != 0 {
		t.Errorf("record %+v", r[0])
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "on" {
		t.Errorf("an abandoned delayed directive was applied")
	}
}

func TestCloseReturnsWithADelayPending(t *testing.T) {
	srv, err := hasim.Start(hasim.Settings{Tokens: []string{testToken}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Inject(hasim.Fault{Kind: hasim.KindDelay, Delay: time.Hour}); err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	done := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest("GET", srv.URL()+"/api/", nil)
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	waitRequests(t, srv, func(r []hasim.Request) bool { return len(r) == 1 })
	if err := srv.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := <-done; err == nil {
		t.Errorf("the delayed request got an answer from a closed server")
	}
	if err := srv.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestFaultCountAndPath(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	for _, f := range []hasim.Fault{
		{Kind: hasim.KindStatus, Status: 502, Count: 2, Path: "/api/alexa/smart_home"},
		{Kind: hasim.KindStatus, Status: 504},
	} {
		if err := s.srv.Inject(f); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		method, path string
		want         int
	}{
		{"POST", "/api/alexa/smart_home", 502},
		{"GET", "/api/", 504},
		{"POST", "/api/alexa/smart_home", 502},
		{"POST", "/api/alexa/smart_home", 504},
	}
	for i, st := range steps {
		status, _, _ := s.do(st.method, st.path, testToken, kitchenOff())
		if status != st.want {
			t.Errorf("step %d %s: status %d, want %d", i, st.path, status, st.want)
		}
	}
	if f := s.srv.Faults(); len(f) != 1 || f[0].Status != 504 {
		t.Errorf("active faults %+v", f)
	}
	s.srv.ClearFaults()
	if status, _, _ := s.do("GET", "/api/", testToken, ""); status != 200 {
		t.Errorf("after ClearFaults: %d", status)
	}
	if s.srv.Count("/api/alexa") != 3 || s.srv.Count("") != 5 {
		t.Errorf("counts %d and %d", s.srv.Count("/api/alexa"), s.srv.Count(""))
	}
}

func TestInvalidFaultsAreRefused(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	for _, f := range []hasim.Fault{
		{},
		{Kind: "explode"},
		{Kind: hasim.KindStatus, Status: 200},
		{Kind: hasim.KindStatus},
		{Kind: hasim.KindDelay},
		{Kind: hasim.KindHuge, Size: 10},
		{Kind: hasim.KindHTML, Page: "captcha"},
		{Kind: hasim.KindEmptyBody, Count: -1},
		{Kind: hasim.KindReset, Path: "api/alexa"},
	} {
		if err := s.srv.Inject(f); err == nil {
			t.Errorf("Inject(%+v) accepted", f)
		}
	}
	if len(s.srv.Faults()) != 0 {
		t.Errorf("refused faults were stored")
	}
}

// waitRequests waits, within the test's deadline, until cond holds for
// the request log.
func waitRequests(t *testing.T, srv *hasim.Server, cond func([]hasim.Request) bool) []hasim.Request {
	t.Helper()
	r, err := srv.WaitRequests(t.Context(), cond)
	if err != nil {
		t.Fatalf("requests never matched: %v (log %+v)", err, r)
	}
	return r
}
