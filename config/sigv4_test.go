package config

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"pgregory.net/rapid"
)

// TestSignV4MatchesTheSDK signs arbitrary requests of the client's kind (a
// POST with a body, headers of its own, any host and path) with signV4 and
// with the AWS SDK's signer, which the tests keep as the reference, and
// wants the same headers from both.
func TestSignV4MatchesTheSDK(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		scheme := rapid.SampledFrom([]string{"http", "https"}).Draw(t, "scheme")
		host := rapid.SampledFrom([]string{"ssm.eu-west-1.amazonaws.com", "127.0.0.1:8080",
			"ssm.example:443", "ssm.example:80", "[::1]:9000"}).Draw(t, "host")
		path := rapid.StringMatching(`(/[a-zA-Z0-9 %~._+*!:@é-]{0,8}){0,3}`).Draw(t, "path")
		body := rapid.SliceOfN(rapid.Byte(), 1, 64).Draw(t, "body")
		headers := map[string][]string{}
		for _, name := range rapid.SliceOfDistinct(rapid.SampledFrom([]string{"Content-Type", "X-Amz-Target",
			"User-Agent", "X-Amzn-Trace-Id", "X-Lee-Extra", "Accept"}), rapid.ID).Draw(t, "headers") {
			headers[name] = rapid.SliceOfN(rapid.StringMatching(`[ ]{0,2}[a-zA-Z0-9./;=-]{0,6}([ ]{1,3}[a-z0-9]{1,4}){0,2}[ ]{0,2}`), 1, 2).Draw(t, name)
		}
		cr := awsCredentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: rapid.StringMatching(`[A-Za-z0-9/+]{8,40}`).Draw(t, "secret"),
			SessionToken: rapid.SampledFrom([]string{"", "FQoGZXIvYXdzEJr//session"}).Draw(t, "session")}
		region := rapid.SampledFrom([]string{"eu-west-1", "us-gov-west-1", "cn-north-1"}).Draw(t, "region")
		at := time.Unix(rapid.Int64Range(1_500_000_000, 2_500_000_000).Draw(t, "at"), 0)
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])

		ours, theirs := newSignTestRequest(t, scheme, host, path, body, headers), newSignTestRequest(t, scheme, host, path, body, headers)
		if err := signV4(ours, cr, hash, ssmService, region, at); err != nil {
			t.Fatal(err)
		}
		creds := aws.Credentials{AccessKeyID: cr.AccessKeyID, SecretAccessKey: cr.SecretAccessKey, SessionToken: cr.SessionToken}
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, theirs, hash, ssmService, region, at); err != nil {
			t.Fatal(err)
		}
		for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token"} {
			if got, want := ours.Header.Values(h), theirs.Header.Values(h); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("%s = %q, the SDK's %q", h, got, want)
			}
		}
		if ours.Host != theirs.Host {
			t.Fatalf("Host = %q, the SDK's %q", ours.Host, theirs.Host)
		}
	})
}

func newSignTestRequest(t *rapid.T, scheme, host, path string, body []byte, headers map[string][]string) *http.Request {
	u := &url.URL{Scheme: scheme, Host: host, Path: path}
	req, err := http.NewRequest(http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range headers {
		req.Header[name] = append([]string(nil), v...)
	}
	return req
}

// TestSignV4RefusesAQuery: the canonical query string is not built, so a
// request with one must not be signed wrongly.
func TestSignV4RefusesAQuery(t *testing.T) {
	req, err := http.NewRequest(http.MethodPost, "https://ssm.eu-west-1.amazonaws.com/?a=b", nil)
	if err != nil {
		t.Fatal(err)
	}
	err = signV4(req, awsCredentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret}, "", ssmService, testRegion, time.Now())
	if err == nil || !strings.Contains(err.Error(), "query") || req.Header.Get("Authorization") != "" {
		t.Fatalf("signV4 with a query: %v, Authorization %q", err, req.Header.Get("Authorization"))
	}
}
