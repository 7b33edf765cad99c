package config

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// ssmRequest is what the fake Parameter Store saw of one call.
type ssmRequest struct {
	target, contentType, authorization string
	name                               string
	withDecryption                     bool
}

// fakeParameterStore speaks the SSM JSON 1.1 protocol for GetParameter on
// 127.0.0.1 and records every request.
type fakeParameterStore struct {
	*httptest.Server
	mu       sync.Mutex
	requests []ssmRequest
}

func startFakeParameterStore(t *testing.T) *fakeParameterStore {
	f := &fakeParameterStore{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeParameterStore) serve(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name           string
		WithDecryption bool
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	f.mu.Lock()
	f.requests = append(f.requests, ssmRequest{
		target: r.Header.Get("X-Amz-Target"), contentType: r.Header.Get("Content-Type"),
		authorization: r.Header.Get("Authorization"), name: body.Name, withDecryption: body.WithDecryption,
	})
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	if r.Method != http.MethodPost || r.URL.Path != "/" || r.Header.Get("X-Amz-Target") != "AmazonSSM.GetParameter" {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"UnknownOperationException","message":"unexpected request"}`))
		return
	}
	switch body.Name {
	case "/lee/ha-token":
		_, _ = w.Write([]byte(`{"Parameter":{"Name":"/lee/ha-token","Type":"SecureString","Value":"llat-from-ssm","Version":1}}`))
	case "/lee/denied":
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"AccessDeniedException","message":"User is not authorized to perform ssm:GetParameter"}`))
	case "/lee/busy":
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"ThrottlingException","message":"Rate exceeded"}`))
	default:
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"ParameterNotFound","message":"no such parameter"}`))
	}
}

func (f *fakeParameterStore) seen() []ssmRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ssmRequest(nil), f.requests...)
}

// pointSDKAt configures the AWS SDK's default chain, through its standard
// environment variables only, to reach endpoint with static test
// credentials and nothing else: no profile, no instance metadata, one
// attempt per call so a throttled call is not retried with backoff.
func pointSDKAt(t *testing.T, endpoint string) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
		"AWS_ENDPOINT_URL", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT",
		"AWS_CA_BUNDLE", "AWS_DEFAULTS_MODE", "AWS_DEFAULT_REGION",
	} {
		t.Setenv(name, "")
	}
	vars := map[string]string{
		"AWS_ACCESS_KEY_ID":           "AKIDLEETEST",
		"AWS_SECRET_ACCESS_KEY":       "lee-test-secret-key",
		"AWS_REGION":                  "eu-west-1",
		"AWS_EC2_METADATA_DISABLED":   "true",
		"AWS_CONFIG_FILE":             empty,
		"AWS_SHARED_CREDENTIALS_FILE": empty,
		"AWS_ENDPOINT_URL_SSM":        endpoint,
		"AWS_MAX_ATTEMPTS":            "1",
		"AWS_RETRY_MODE":              "standard",
	}
	for k, v := range vars {
		t.Setenv(k, v)
	}
}

func TestDefaultClientAgainstLocalParameterStore(t *testing.T) {
	srv := startFakeParameterStore(t)
	pointSDKAt(t, srv.URL)
	clk := &clock{now: time.Unix(1_700_000_000, 0)}
	store := NewParameterStore(StoreSettings{TTL: time.Minute, Now: clk.Now})
	ctx := context.Background()

	if n := len(srv.seen()); n != 0 {
		t.Fatalf("NewParameterStore made %d requests", n)
	}
	for range 2 {
		if got, err := store.Get(ctx, "/lee/ha-token"); err != nil || got != "llat-from-ssm" {
			t.Fatalf("Get() = %q, %v", got, err)
		}
	}
	reqs := srv.seen()
	if len(reqs) != 1 {
		t.Fatalf("%d requests within the TTL, want 1", len(reqs))
	}
	r := reqs[0]
	if r.target != "AmazonSSM.GetParameter" || r.contentType != "application/x-amz-json-1.1" ||
		r.name != "/lee/ha-token" || !r.withDecryption {
		t.Fatalf("request = %+v", r)
	}
	if !strings.HasPrefix(r.authorization, "AWS4-HMAC-SHA256 Credential=AKIDLEETEST/") ||
		!strings.Contains(r.authorization, "/eu-west-1/ssm/aws4_request") {
		t.Fatalf("request not signed with the environment's credentials and region: %q", r.authorization)
	}
	clk.Advance(time.Minute)
	if got, err := store.Get(ctx, "/lee/ha-token"); err != nil || got != "llat-from-ssm" {
		t.Fatalf("Get() after TTL = %q, %v", got, err)
	}
	if n := len(srv.seen()); n != 2 {
		t.Fatalf("%d requests after the TTL, want 2", n)
	}
}

func TestDefaultClientErrors(t *testing.T) {
	srv := startFakeParameterStore(t)
	pointSDKAt(t, srv.URL)
	store := NewParameterStore(StoreSettings{})
	tests := []struct {
		name string
		want error
	}{
		{"/lee/missing", ErrParameterNotFound},
		{"/lee/denied", ErrAccessDenied},
		{"/lee/busy", ErrThrottled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.seen())
			_, err := store.Get(context.Background(), tt.name)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), `"`+tt.name+`"`) {
				t.Fatalf("Get() = %v, want %v naming the parameter", err, tt.want)
			}
			if n := len(srv.seen()) - before; n != 1 {
				t.Fatalf("%d requests, want exactly 1", n)
			}
		})
	}
}
