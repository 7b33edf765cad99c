package config

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// The SSM wire protocol for GetParameter: AWS JSON 1.1, one POST to the
// service root, the operation named in a header.
const (
	ssmTarget      = "AmazonSSM.GetParameter"
	ssmContentType = "application/x-amz-json-1.1"
	ssmService     = "ssm"
)

// Limits of one GetParameter exchange. A SecureString holds at most 8 KiB
// (advanced tier), so 64 KiB of answer leaves room for its metadata and
// refuses anything else. The dial, TLS and header timeouts bound a stalled
// endpoint even when the caller's context has no deadline.
const (
	maxSSMAnswer       = 64 << 10
	ssmDialTimeout     = 2 * time.Second
	ssmTLSTimeout      = 2 * time.Second
	ssmHeaderTimeout   = 5 * time.Second
	defaultSSMAttempts = 3
)

// ssmClient is the default ParameterClient: a GetParameter request built,
// signed with SigV4 and sent by hand. It stands in for the SDK's
// service/ssm client, whose package initialisation alone allocated 1.56 MB
// on every cold start, whether or not a parameter was configured.
type ssmClient struct {
	endpoint    string
	region      string
	credentials aws.Credentials
	maxAttempts int
	http        *http.Client
	signer      *v4.Signer
	userAgent   string
	// backoff says how long to wait before retry number retry (1 for the
	// second attempt); tests replace it.
	backoff func(retry int) time.Duration
}

// newDefaultClient builds the ssmClient from the process environment,
// which on Lambda carries the execution role's credentials and region.
func newDefaultClient(context.Context) (ParameterClient, error) {
	return newSSMClient(os.LookupEnv)
}

// newSSMClient reads what the client needs from lookup: the region
// (AWS_REGION, else AWS_DEFAULT_REGION), the endpoint
// (AWS_ENDPOINT_URL_SSM, else AWS_ENDPOINT_URL, else the region's public
// endpoint), the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// the optional AWS_SESSION_TOKEN) and AWS_MAX_ATTEMPTS (default 3).
// Errors name the variable at fault and never quote a credential.
func newSSMClient(lookup lookupFunc) (*ssmClient, error) {
	e := env{lookup: lookup}
	region, _, ok := e.first("AWS_REGION", "AWS_DEFAULT_REGION")
	if !ok {
		return nil, errors.New("no AWS region in the environment (AWS_REGION or AWS_DEFAULT_REGION): the Lambda runtime sets AWS_REGION")
	}
	if !validRegion(region) {
		return nil, fmt.Errorf("AWS_REGION: want a region name like eu-west-1, got %s", quote(region))
	}
	endpoint, err := ssmEndpoint(e, region)
	if err != nil {
		return nil, err
	}
	id, idSet := e.get("AWS_ACCESS_KEY_ID")
	secret, secretSet := e.get("AWS_SECRET_ACCESS_KEY")
	if !idSet || !secretSet {
		return nil, errors.New("no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): the Lambda runtime sets them from the execution role")
	}
	token, _ := e.get("AWS_SESSION_TOKEN")
	attempts, err := maxAttempts(e)
	if err != nil {
		return nil, err
	}
	return &ssmClient{
		endpoint:    endpoint,
		region:      region,
		credentials: aws.Credentials{AccessKeyID: id, SecretAccessKey: secret, SessionToken: token, Source: "environment"},
		maxAttempts: attempts,
		http:        newSSMHTTPClient(),
		signer:      v4.NewSigner(),
		userAgent:   "lee-config/" + Version,
		backoff:     jitteredBackoff,
	}, nil
}

// newSSMHTTPClient is the client's own transport: connections to SSM are
// not shared with Home Assistant's, and a dead endpoint fails within the
// dial and TLS timeouts. Redirects are not followed, since SSM sends none
// and following one would forward the session token header.
func newSSMHTTPClient() *http.Client {
	return &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: ssmDialTimeout, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   ssmTLSTimeout,
			ResponseHeaderTimeout: ssmHeaderTimeout,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          2,
			IdleConnTimeout:       90 * time.Second,
		},
	}
}

// GetParameter reads name decrypted. Throttling and 5xx answers are
// retried, up to maxAttempts attempts in all, after a jittered pause that
// is never allowed to run past ctx's deadline; other failures are
// returned at once. Errors wrap ErrParameterNotFound, ErrAccessDenied or
// ErrThrottled where the answer means one of them, and a *SSMError for
// any answer that is not a success. They never carry the value or a
// credential.
func (c *ssmClient) GetParameter(ctx context.Context, name string) (string, error) {
	body, err := json.Marshal(struct {
		Name           string
		WithDecryption bool
	}{name, true})
	if err != nil {
		return "", fmt.Errorf("encode GetParameter request: %w", err)
	}
	for attempt := 1; ; attempt++ {
		value, err := c.attempt(ctx, body, attempt)
		var apiErr *SSMError
		if err == nil || !errors.As(err, &apiErr) || !apiErr.retryable() {
			return value, err
		}
		if attempt >= c.maxAttempts {
			return "", err
		}
		if waitErr := c.pause(ctx, c.backoff(attempt)); waitErr != nil {
			return "", fmt.Errorf("%w (not retried: %w)", err, waitErr)
		}
	}
}

// pause waits d unless ctx ends first, and refuses at once when ctx's
// deadline would pass before d does: an attempt that cannot start in time
// is not worth waiting for.
func (c *ssmClient) pause(ctx context.Context, d time.Duration) error {
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= d {
		return context.DeadlineExceeded
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// attempt sends one signed request, the n-th, and reads its answer.
func (c *ssmClient) attempt(ctx context.Context, body []byte, n int) (string, error) {
	req, err := c.newRequest(ctx, body)
	if err != nil {
		return "", err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("call SSM: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < http.StatusOK {
		// A final 1xx (101 Switching Protocols) hands the raw connection
		// over as the body, which no deadline bounds: nothing to read.
		return "", fmt.Errorf("SSM answered HTTP %d, not a GetParameter result", resp.StatusCode)
	}
	answer, err := readAnswer(ctx, resp.Body)
	if err != nil {
		return "", fmt.Errorf("read SSM answer (HTTP %d): %w", resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK {
		apiErr := newSSMError(resp, answer, c.credentials.SecretAccessKey, c.credentials.SessionToken)
		apiErr.Attempts = n
		return "", classify(apiErr)
	}
	return decodeValue(answer)
}

// readAnswer reads at most maxSSMAnswer bytes of body within ctx: when
// ctx ends the body is closed, which ends any read still waiting.
func readAnswer(ctx context.Context, body io.ReadCloser) ([]byte, error) {
	stop := context.AfterFunc(ctx, func() { _ = body.Close() })
	defer stop()
	answer, err := io.ReadAll(io.LimitReader(body, maxSSMAnswer+1))
	if err != nil {
		return nil, err
	}
	if len(answer) > maxSSMAnswer {
		return nil, fmt.Errorf("larger than %d KiB", maxSSMAnswer>>10)
	}
	return answer, nil
}

// newRequest builds the POST for body and signs it for this moment.
func (c *ssmClient) newRequest(ctx context.Context, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("build SSM request: %w", err)
	}
	req.Header.Set("Content-Type", ssmContentType)
	req.Header.Set("X-Amz-Target", ssmTarget)
	req.Header.Set("User-Agent", c.userAgent)
	sum := sha256.Sum256(body)
	if err := c.signer.SignHTTP(ctx, c.credentials, req, hex.EncodeToString(sum[:]), ssmService, c.region, time.Now()); err != nil {
		return nil, fmt.Errorf("sign SSM request: %w", err)
	}
	return req, nil
}

// decodeValue takes the value out of a successful answer. A missing or
// empty value counts as not found, since no token can be empty. The
// answer itself is never quoted: it holds the secret.
func decodeValue(answer []byte) (string, error) {
	var out struct {
		Parameter *struct {
			Value *string
		}
	}
	if err := json.Unmarshal(answer, &out); err != nil {
		return "", errors.New("SSM answered HTTP 200 with a body that is not a GetParameter result")
	}
	if out.Parameter == nil || out.Parameter.Value == nil || *out.Parameter.Value == "" {
		return "", fmt.Errorf("%w: the answer carries no value", ErrParameterNotFound)
	}
	return *out.Parameter.Value, nil
}
