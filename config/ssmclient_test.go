package config

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// authorizationPattern is the SigV4 Authorization header for the test key
// and region: date of the credential scope, signed headers, signature.
var authorizationPattern = regexp.MustCompile(`^AWS4-HMAC-SHA256 Credential=` + testKeyID +
	`/(\d{8})/` + testRegion + `/ssm/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$`)

// TestDefaultClientAgainstLocalParameterStore runs the production path,
// NewParameterStore with no NewClient, configured only through the
// variables the Lambda runtime sets, and checks the request on the wire.
func TestDefaultClientAgainstLocalParameterStore(t *testing.T) {
	tests := []struct {
		name    string
		session string
	}{
		{"with session token", testSession},
		{"without session token", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startFakeParameterStore(t, nil)
			for k, v := range ssmEnv(srv.URL, "AWS_SESSION_TOKEN", tt.session, "AWS_ENDPOINT_URL", "",
				"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "", "AWS_DEFAULT_REGION", "", "AWS_MAX_ATTEMPTS", "") {
				t.Setenv(k, v)
			}
			clk := &clock{now: time.Unix(1_700_000_000, 0)}
			store := NewParameterStore(StoreSettings{TTL: time.Minute, Cache: newTTLCache(clk)})
			t.Cleanup(func() { closeStoreClient(store) })
			if n := len(srv.seen()); n != 0 {
				t.Fatalf("NewParameterStore made %d requests", n)
			}
			for range 2 {
				if got, err := store.Get(context.Background(), testParamKey); err != nil || got != testValue {
					t.Fatalf("Get() = %q, %v", got, err)
				}
			}
			calls := srv.seen()
			if len(calls) != 1 {
				t.Fatalf("%d requests within the TTL, want 1", len(calls))
			}
			checkRequest(t, calls[0], tt.session)
			clk.Advance(time.Minute)
			if got, err := store.Get(context.Background(), testParamKey); err != nil || got != testValue {
				t.Fatalf("Get() after TTL = %q, %v", got, err)
			}
			if n := len(srv.seen()); n != 2 {
				t.Fatalf("%d requests after the TTL, want 2", n)
			}
		})
	}
}

// closeStoreClient drops the idle connections of the store's default
// client, so goleak sees no transport goroutines left.
func closeStoreClient(p *ParameterStore) {
	if c, ok := p.client.(*ssmClient); ok {
		c.http.CloseIdleConnections()
	}
}

// checkRequest checks one GetParameter request as SSM expects it.
func checkRequest(t *testing.T, c ssmCall, session string) {
	t.Helper()
	if c.method != http.MethodPost || c.path != "/" {
		t.Errorf("request %s %s; want POST /", c.method, c.path)
	}
	if got := c.header.Get("X-Amz-Target"); got != "AmazonSSM.GetParameter" {
		t.Errorf("X-Amz-Target = %q", got)
	}
	if got := c.header.Get("Content-Type"); got != "application/x-amz-json-1.1" {
		t.Errorf("Content-Type = %q", got)
	}
	if c.name != testParamKey || !c.withDecryption {
		t.Errorf("body %s; want Name %q and WithDecryption true", c.body, testParamKey)
	}
	auth := c.header.Get("Authorization")
	m := authorizationPattern.FindStringSubmatch(auth)
	if m == nil {
		t.Fatalf("Authorization = %q; want a SigV4 header for %s in %s", auth, testKeyID, testRegion)
	}
	date := c.header.Get("X-Amz-Date")
	if !strings.HasPrefix(date, m[1]+"T") {
		t.Errorf("X-Amz-Date %q does not match the credential scope's date %s", date, m[1])
	}
	signed := strings.Split(m[2], ";")
	for _, h := range []string{"content-type", "host", "x-amz-date", "x-amz-target"} {
		if !slices.Contains(signed, h) {
			t.Errorf("SignedHeaders %q lacks %s", m[2], h)
		}
	}
	if got := c.header.Get("X-Amz-Security-Token"); got != session {
		t.Errorf("X-Amz-Security-Token = %q; want %q", got, session)
	}
	if slices.Contains(signed, "x-amz-security-token") != (session != "") {
		t.Errorf("SignedHeaders %q: the session token is signed iff it is sent", m[2])
	}
}

// TestRequestSignatureVerifies recomputes the signature of the received
// request, as SSM would, from the body that arrived, the headers the
// client says it signed and the test's secret key.
func TestRequestSignatureVerifies(t *testing.T) {
	tests := []struct {
		name    string
		session string
	}{
		{"with session token", testSession},
		{"without session token", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startFakeParameterStore(t, nil)
			c := newTestClient(t, ssmEnv(srv.URL+"/", "AWS_SESSION_TOKEN", tt.session))
			if _, err := c.GetParameter(context.Background(), testParamKey); err != nil {
				t.Fatal(err)
			}
			call := srv.seen()[0]
			creds := aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret, SessionToken: tt.session}
			want := expectedAuthorization(t, call, creds)
			if got := call.header.Get("Authorization"); got != want {
				t.Fatalf("Authorization = %q;\nrecomputed     %q", got, want)
			}
			wrong := creds
			wrong.SecretAccessKey += "x"
			if expectedAuthorization(t, call, wrong) == want {
				t.Fatal("the recomputed signature does not depend on the secret key")
			}
		})
	}
}

// expectedAuthorization signs a copy of the received request, made of its
// method, host, path, body and the headers listed as signed, at the time
// it carries, and returns the Authorization header that results.
func expectedAuthorization(t *testing.T, c ssmCall, creds aws.Credentials) string {
	t.Helper()
	m := authorizationPattern.FindStringSubmatch(c.header.Get("Authorization"))
	if m == nil {
		t.Fatalf("Authorization = %q is not SigV4", c.header.Get("Authorization"))
	}
	at, err := time.Parse("20060102T150405Z", c.header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatalf("X-Amz-Date: %v", err)
	}
	req, err := http.NewRequest(c.method, "http://"+c.host+c.path, bytes.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range strings.Split(m[2], ";") {
		if h != "host" && h != "content-length" {
			req.Header[http.CanonicalHeaderKey(h)] = c.header.Values(h)
		}
	}
	sum := sha256.Sum256(c.body)
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "ssm", testRegion, at); err != nil {
		t.Fatal(err)
	}
	return req.Header.Get("Authorization")
}
