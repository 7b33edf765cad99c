package fakessm

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// start runs a server for the test and closes it afterwards.
func start(t *testing.T, s Settings) *Server {
	t.Helper()
	srv, err := Start(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	return srv
}

// call is one raw HTTP request to the server.
type call struct {
	method, target, contentType, body string
}

// getParameter is the call the SDK makes for name.
func getParameter(name string, decrypt bool) call {
	body, _ := json.Marshal(map[string]any{"Name": name, "WithDecryption": decrypt})
	return call{http.MethodPost, "AmazonSSM.GetParameter", "application/x-amz-json-1.1", string(body)}
}

// do sends c and returns the status and decoded JSON body.
func do(t *testing.T, srv *Server, c call) (int, map[string]any, http.Header) {
	t.Helper()
	req, err := http.NewRequest(c.method, srv.URL()+"/", strings.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	if c.target != "" {
		req.Header.Set("X-Amz-Target", c.target)
	}
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/us-east-1/ssm/aws4_request, Signature=secret-signature")
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/x-amz-json-1.1" {
		t.Errorf("Content-Type %q", ct)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, data)
	}
	return resp.StatusCode, out, resp.Header
}

func TestGetParameter(t *testing.T) {
	srv := start(t, Settings{Parameters: map[string]string{"/lee/ha_token": "s3cr3t-token"}})
	status, body, _ := do(t, srv, getParameter("/lee/ha_token", true))
	if status != http.StatusOK {
		t.Fatalf("status %d: %v", status, body)
	}
	p, ok := body["Parameter"].(map[string]any)
	if !ok {
		t.Fatalf("no Parameter in %v", body)
	}
	want := map[string]any{"Name": "/lee/ha_token", "Type": "SecureString", "Value": "s3cr3t-token", "Version": 1.0,
		"ARN": "arn:aws:ssm:us-east-1:000000000000:parameter/lee/ha_token", "DataType": "text"}
	for k, v := range want {
		if p[k] != v {
			t.Errorf("Parameter.%s = %v, want %v", k, p[k], v)
		}
	}
	if _, ok := p["LastModifiedDate"].(float64); !ok {
		t.Errorf("LastModifiedDate %v is not a number", p["LastModifiedDate"])
	}
}

func TestGetParameterWithoutDecryptionHidesTheValue(t *testing.T) {
	srv := start(t, Settings{Parameters: map[string]string{"tok": "s3cr3t-token"}})
	status, body, _ := do(t, srv, getParameter("tok", false))
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	value, _ := body["Parameter"].(map[string]any)["Value"].(string)
	decoded, err := base64.StdEncoding.DecodeString(value)
	if err != nil || value == "" || strings.Contains(value, "s3cr3t") || bytes.Contains(decoded, []byte("s3cr3t")) {
		t.Fatalf("value without decryption is %q", value)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name    string
		forced  ErrorKind
		call    call
		kind    string
		message string
	}{
		{"unknown name", "", getParameter("/missing", true), "ParameterNotFound", "Parameter /missing not found."},
		{"access denied", AccessDenied, getParameter("/lee/ha_token", true), "AccessDeniedException", "not authorized to perform: ssm:GetParameter"},
		{"throttled", Throttling, getParameter("/lee/ha_token", true), "ThrottlingException", "Rate exceeded"},
		{"forced not found for an existing name", ParameterNotFound, getParameter("/lee/ha_token", true), "ParameterNotFound", "forced"},
		{"other operation", "", call{http.MethodPost, "AmazonSSM.GetParameters", "application/x-amz-json-1.1", `{"Names":["a"]}`}, "UnknownOperationException", "GetParameters"},
		{"no target", "", call{http.MethodPost, "", "application/x-amz-json-1.1", `{"Name":"a"}`}, "UnknownOperationException", ""},
		{"GET", "", call{http.MethodGet, "AmazonSSM.GetParameter", "application/x-amz-json-1.1", ""}, "UnknownOperationException", ""},
		{"wrong content type", "", call{http.MethodPost, "AmazonSSM.GetParameter", "application/json", `{"Name":"a"}`}, "SerializationException", "x-amz-json-1.1"},
		{"body not JSON", "", call{http.MethodPost, "AmazonSSM.GetParameter", "application/x-amz-json-1.1", `Name=a`}, "SerializationException", ""},
		{"no name", "", call{http.MethodPost, "AmazonSSM.GetParameter", "application/x-amz-json-1.1", `{}`}, "ValidationException", "name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := start(t, Settings{Parameters: map[string]string{"/lee/ha_token": "s3cr3t-token"}, Error: tc.forced})
			status, body, header := do(t, srv, tc.call)
			if status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", status)
			}
			if body["__type"] != tc.kind || header.Get("X-Amzn-ErrorType") != tc.kind {
				t.Errorf("__type %v / header %q, want %s", body["__type"], header.Get("X-Amzn-ErrorType"), tc.kind)
			}
			msg, _ := body["message"].(string)
			if !strings.Contains(msg, tc.message) || strings.Contains(msg, "s3cr3t") {
				t.Errorf("message %q, want it to contain %q and no secret", msg, tc.message)
			}
		})
	}
}

func TestForceErrorAndCounting(t *testing.T) {
	srv := start(t, Settings{Parameters: map[string]string{"a": "1"}})
	steps := []struct {
		force  *ErrorKind
		status int
	}{
		{nil, http.StatusOK},
		{ptr(Throttling), http.StatusBadRequest},
		{nil, http.StatusBadRequest},
		{ptr(ErrorKind("")), http.StatusOK},
	}
	for i, st := range steps {
		if st.force != nil {
			srv.ForceError(*st.force)
		}
		if status, _, _ := do(t, srv, getParameter("a", i%2 == 0)); status != st.status {
			t.Fatalf("step %d: status %d, want %d", i, status, st.status)
		}
	}
	if srv.Count() != len(steps) {
		t.Errorf("Count = %d, want %d", srv.Count(), len(steps))
	}
	reqs := srv.Requests()
	if len(reqs) != len(steps) {
		t.Fatalf("%d requests recorded", len(reqs))
	}
	first := reqs[0]
	if first.Target != "AmazonSSM.GetParameter" || first.Name != "a" || !first.WithDecryption || !first.Signed ||
		first.ContentType != "application/x-amz-json-1.1" || reqs[1].WithDecryption {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestSetAndDeleteParameter(t *testing.T) {
	srv := start(t, Settings{})
	srv.SetParameter("p", "one")
	srv.SetParameter("p", "two")
	_, body, _ := do(t, srv, getParameter("p", true))
	p := body["Parameter"].(map[string]any)
	if p["Value"] != "two" || p["Version"] != 2.0 {
		t.Errorf("after two sets: %v", p)
	}
	srv.DeleteParameter("p")
	if status, body, _ := do(t, srv, getParameter("p", true)); status != http.StatusBadRequest || body["__type"] != "ParameterNotFound" {
		t.Errorf("after delete: %d %v", status, body)
	}
}

func TestCloseTwice(t *testing.T) {
	srv, err := Start(Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Post(srv.URL(), "application/x-amz-json-1.1", strings.NewReader("{}")); err == nil {
		t.Error("server still answers after Close")
	}
}

func ptr(k ErrorKind) *ErrorKind { return &k }
