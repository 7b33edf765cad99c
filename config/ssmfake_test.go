package config

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Credentials and value the SSM tests use; none of them may ever appear
// in an error.
const (
	testKeyID    = "AKIDLEETEST"
	testSecret   = "lee-test-secret-key-5f1d0c9a7e"
	testSession  = "lee-test-session-token-8b2e41c7"
	testRegion   = "eu-west-1"
	testValue    = "llat-from-ssm-3d9a61"
	testParamKey = "/lee/ha-token"
)

// ssmCall is what the fake Parameter Store received in one request.
type ssmCall struct {
	method, host, path string
	header             http.Header
	body               []byte
	name               string
	withDecryption     bool
}

// ssmReply is one answer of the fake: status, extra headers and body.
type ssmReply struct {
	status int
	header map[string]string
	body   string
}

// fakeParameterStore is an SSM endpoint on 127.0.0.1. It records every
// request and answers with reply, or, when reply is nil, with testValue
// for testParamKey and ParameterNotFound for any other name.
type fakeParameterStore struct {
	*httptest.Server
	reply func(call int, name string) ssmReply

	mu    sync.Mutex
	calls []ssmCall
}

func startFakeParameterStore(t *testing.T, reply func(call int, name string) ssmReply) *fakeParameterStore {
	t.Helper()
	f := &fakeParameterStore{reply: reply}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeParameterStore) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var in struct {
		Name           string
		WithDecryption bool
	}
	_ = json.Unmarshal(body, &in)
	f.mu.Lock()
	f.calls = append(f.calls, ssmCall{
		method: r.Method, host: r.Host, path: r.URL.Path, header: r.Header.Clone(),
		body: body, name: in.Name, withDecryption: in.WithDecryption,
	})
	n := len(f.calls)
	f.mu.Unlock()
	rep := ssmReply{status: http.StatusOK, body: `{"Parameter":{"Name":"` + testParamKey + `","Type":"SecureString","Value":"` + testValue + `","Version":3}}`}
	switch {
	case f.reply != nil:
		rep = f.reply(n, in.Name)
	case in.Name != testParamKey:
		rep = ssmReply{status: http.StatusBadRequest, body: `{"__type":"ParameterNotFound","message":"Parameter not found."}`}
	}
	w.Header().Set("Content-Type", ssmContentType)
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(rep.status)
	_, _ = io.WriteString(w, rep.body)
}

func (f *fakeParameterStore) seen() []ssmCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ssmCall(nil), f.calls...)
}

// ssmEnv is the environment the Lambda runtime would give a function
// whose SSM endpoint is endpoint, with pairs added or overriding.
func ssmEnv(endpoint string, pairs ...string) map[string]string {
	return with(map[string]string{
		"AWS_ACCESS_KEY_ID":     testKeyID,
		"AWS_SECRET_ACCESS_KEY": testSecret,
		"AWS_SESSION_TOKEN":     testSession,
		"AWS_REGION":            testRegion,
		"AWS_ENDPOINT_URL_SSM":  endpoint,
	}, pairs...)
}

// newTestClient builds the default client from vars, without pauses
// between attempts, and closes its idle connections after the test.
func newTestClient(t *testing.T, vars map[string]string) *ssmClient {
	t.Helper()
	c, err := newSSMClient(envMap(vars))
	if err != nil {
		t.Fatalf("newSSMClient: %v", err)
	}
	c.backoff = func(int) time.Duration { return 0 }
	t.Cleanup(c.http.CloseIdleConnections)
	return c
}

// storeOver is a ParameterStore using c, so errors carry the name as
// ParameterStore.Get reports them.
func storeOver(c ParameterClient) *ParameterStore {
	return NewParameterStore(StoreSettings{NewClient: func(context.Context) (ParameterClient, error) { return c, nil }})
}
