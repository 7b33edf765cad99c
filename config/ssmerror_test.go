package config

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestErrorForms: every way SSM names an error code maps to the same
// sentinel, and the error names the parameter and the code.
func TestErrorForms(t *testing.T) {
	bodyType := func(code string) ssmReply {
		return ssmReply{status: http.StatusBadRequest, body: `{"__type":"` + code + `","message":"refused"}`}
	}
	tests := []struct {
		name     string
		reply    ssmReply
		want     error // nil: no sentinel
		wantText string
	}{
		{"bare __type", bodyType("ParameterNotFound"), ErrParameterNotFound, "ParameterNotFound"},
		{"prefixed __type", bodyType("com.amazonaws.ssm#ParameterNotFound"), ErrParameterNotFound, "ParameterNotFound (HTTP 400"},
		{"header only", ssmReply{status: http.StatusBadRequest, header: map[string]string{
			"X-Amzn-ErrorType": "ParameterNotFound:http://internal.amazon.com/coral/com.amazonaws.ssm/"}}, ErrParameterNotFound, "ParameterNotFound"},
		{"header wins over body", ssmReply{status: http.StatusBadRequest, header: map[string]string{"X-Amzn-ErrorType": "AccessDeniedException"},
			body: `{"__type":"ParameterNotFound"}`}, ErrAccessDenied, "AccessDeniedException"},
		{"code field", ssmReply{status: http.StatusBadRequest, body: `{"code":"ParameterVersionNotFound"}`}, ErrParameterNotFound, "ParameterVersionNotFound"},
		{"access denied", bodyType("AccessDeniedException"), ErrAccessDenied, "AccessDeniedException"},
		{"403 without code", ssmReply{status: http.StatusForbidden, body: `<html>Forbidden</html>`}, ErrAccessDenied, "HTTP 403"},
		{"unrecognized client", bodyType("UnrecognizedClientException"), ErrAccessDenied, "UnrecognizedClientException"},
		{"invalid signature", bodyType("com.amazon.coral.service#InvalidSignatureException"), ErrAccessDenied, "InvalidSignatureException"},
		{"expired token", bodyType("ExpiredTokenException"), ErrAccessDenied, "ExpiredTokenException"},
		{"throttled", bodyType("ThrottlingException"), ErrThrottled, "ThrottlingException"},
		{"429 without code", ssmReply{status: http.StatusTooManyRequests}, ErrThrottled, "HTTP 429"},
		{"validation", bodyType("ValidationException"), nil, "ValidationException"},
		{"server error", ssmReply{status: http.StatusInternalServerError, body: `{"__type":"InternalServerError"}`}, nil, "InternalServerError (HTTP 500"},
		{"empty value", ssmReply{status: http.StatusOK, body: `{"Parameter":{"Name":"/p","Value":""}}`}, ErrParameterNotFound, "no value"},
		{"no parameter", ssmReply{status: http.StatusOK, body: `{}`}, ErrParameterNotFound, "no value"},
		{"not JSON", ssmReply{status: http.StatusOK, body: `<html>`}, nil, "not a GetParameter result"},
		{"redirect not followed", ssmReply{status: http.StatusTemporaryRedirect, header: map[string]string{
			"Location": "http://127.0.0.1:1/"}}, nil, "HTTP 307"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startFakeParameterStore(t, func(int, string) ssmReply { return tt.reply })
			store := storeOver(newTestClient(t, ssmEnv(srv.URL, "AWS_MAX_ATTEMPTS", "1")))
			got, err := store.Get(context.Background(), "/lee/odd")
			if err == nil || got != "" {
				t.Fatalf("Get() = %q, %v; want an error", got, err)
			}
			for _, s := range []error{ErrParameterNotFound, ErrAccessDenied, ErrThrottled} {
				if errors.Is(err, s) != (s == tt.want) {
					t.Errorf("errors.Is(%v, %v) = %v", err, s, !(s == tt.want))
				}
			}
			if !strings.Contains(err.Error(), `"/lee/odd"`) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q; want it to name the parameter and %q", err, tt.wantText)
			}
			var apiErr *SSMError
			if errors.As(err, &apiErr) != (tt.reply.status != http.StatusOK) {
				t.Errorf("errors.As(*SSMError) = %v for HTTP %d", !(tt.reply.status != http.StatusOK), tt.reply.status)
			}
			if n := len(srv.seen()); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

// TestErrorsCarryNoSecret: an answer that quotes the credentials, or a
// broken success that holds the value, yields an error without them.
func TestErrorsCarryNoSecret(t *testing.T) {
	tests := []struct {
		name  string
		reply ssmReply
	}{
		{"message quotes the secret key", ssmReply{status: http.StatusBadRequest,
			body: `{"__type":"InvalidSignatureException","message":"expected key ` + testSecret + `"}`}},
		{"message quotes the session token", ssmReply{status: http.StatusForbidden,
			body: `{"message":"token ` + testSession + ` is expired"}`}},
		{"code and request id are the session token", ssmReply{status: http.StatusBadRequest,
			header: map[string]string{"X-Amzn-ErrorType": testSession, "X-Amzn-RequestId": testSession}}},
		{"truncated success", ssmReply{status: http.StatusOK,
			body: `{"Parameter":{"Name":"/lee/ha-token","Value":"` + testValue + `"`}},
		{"value of the wrong type", ssmReply{status: http.StatusOK,
			body: `{"Parameter":{"Value":["` + testValue + `"]}}`}},
		{"answer too large", ssmReply{status: http.StatusOK,
			body: `{"Parameter":{"Value":"` + testValue + strings.Repeat("x", maxSSMAnswer) + `"}}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startFakeParameterStore(t, func(int, string) ssmReply { return tt.reply })
			store := storeOver(newTestClient(t, ssmEnv(srv.URL, "AWS_MAX_ATTEMPTS", "1")))
			got, err := store.Get(context.Background(), testParamKey)
			if err == nil || got != "" {
				t.Fatalf("Get() = %q, %v; want an error", got, err)
			}
			for _, secret := range []string{testSecret, testSession, testValue} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error %q carries a secret", err)
				}
			}
			if !strings.Contains(err.Error(), testParamKey) {
				t.Errorf("error %q does not name the parameter", err)
			}
		})
	}
}

// TestCleanCodeProperty: whatever namespace and URI surround a code, the
// bare code comes out; whatever the input, the output is "" or a plain
// identifier.
func TestCleanCodeProperty(t *testing.T) {
	code := rapid.StringMatching(`[A-Za-z][A-Za-z0-9_]{0,40}`)
	rapid.Check(t, func(t *rapid.T) {
		c := code.Draw(t, "code")
		ns := rapid.SampledFrom([]string{"", "com.amazonaws.ssm#", "aws.protocoltests#", "a.b#c#"}).Draw(t, "namespace")
		uri := rapid.SampledFrom([]string{"", ":", ":http://internal.amazon.com/coral/x/", ":#odd"}).Draw(t, "uri")
		if got := cleanCode(ns + c + uri); got != c {
			t.Fatalf("cleanCode(%q) = %q; want %q", ns+c+uri, got, c)
		}
		raw := rapid.String().Draw(t, "raw")
		if got := cleanCode(raw); got != "" && cleanIdentifier(got) != got {
			t.Fatalf("cleanCode(%q) = %q, not an identifier", raw, got)
		}
	})
}

// TestSSMErrorWithholdsSecretsProperty: whatever an error answer holds,
// its SSMError text never contains a credential that it quoted.
func TestSSMErrorWithholdsSecretsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		secret := rapid.StringMatching(`[A-Za-z0-9/+=]{16,64}`).Draw(t, "secret")
		before, after := rapid.String().Draw(t, "before"), rapid.String().Draw(t, "after")
		where := rapid.IntRange(0, 2).Draw(t, "where")
		resp := &http.Response{StatusCode: rapid.IntRange(400, 599).Draw(t, "status"), Header: http.Header{}}
		msg, err := json.Marshal(before + secret + after)
		if err != nil {
			t.Fatal(err)
		}
		body := `{"__type":"ThrottlingException","message":` + string(msg) + `}`
		switch where {
		case 1:
			resp.Header.Set("X-Amzn-ErrorType", before+secret+after)
		case 2:
			resp.Header.Set("X-Amzn-RequestId", secret)
		}
		e := newSSMError(resp, []byte(body), "", secret)
		if strings.Contains(e.Error(), secret) {
			t.Fatalf("SSMError %q quotes the secret %q", e.Error(), secret)
		}
	})
}

// TestCodeKind names every error code with a sentinel of its own.
func TestCodeKind(t *testing.T) {
	want := map[error][]string{
		ErrParameterNotFound: {"ParameterNotFound", "ParameterVersionNotFound"},
		ErrAccessDenied: {"AccessDeniedException", "AccessDenied", "UnrecognizedClientException",
			"InvalidSignatureException", "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId",
			"SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationTokenException"},
		ErrThrottled: {"ThrottlingException", "Throttling", "TooManyRequestsException",
			"ThrottledException", "RequestLimitExceeded"},
		nil: {"", "InternalServerError", "ValidationException", "parameternotfound", "Throttling "},
	}
	for kind, codes := range want {
		for _, code := range codes {
			if got := codeKind(code); got != kind {
				t.Errorf("codeKind(%q) = %v, want %v", code, got, kind)
			}
		}
	}
}
