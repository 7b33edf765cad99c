package config

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// awsCredentials are the keys a request is signed with: on Lambda, the
// execution role's, from the environment.
type awsCredentials struct {
	AccessKeyID, SecretAccessKey, SessionToken string
}

// SigV4 constants: the algorithm's name, the form of X-Amz-Date and the
// last element of the credential scope.
const (
	sigV4Algorithm = "AWS4-HMAC-SHA256"
	amzDateLayout  = "20060102T150405Z"
	sigV4Request   = "aws4_request"
)

// sigV4Unsigned are the headers a signature leaves out, as the AWS SDKs
// do: they may change on the way (a proxy's User-Agent or trace id) or are
// the signature itself.
var sigV4Unsigned = [...]string{"Authorization", "User-Agent", "X-Amzn-Trace-Id", "Expect", "Transfer-Encoding"}

// signV4 signs req with AWS Signature Version 4
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html)
// for service in region at t, over a body whose SHA-256 is payloadHash (in
// hex): it sets X-Amz-Date, X-Amz-Security-Token when there is a session
// token, and Authorization. Every header already set is signed except
// those in sigV4Unsigned, with the host and the content length. A
// request with a query is refused: GetParameter has none, and ssmEndpoint
// refuses an endpoint with one. Written here rather than taken from the
// AWS SDK, whose packages' initialisation ran at every cold start,
// Parameter Store configured or not.
func signV4(req *http.Request, cr awsCredentials, payloadHash, service, region string, t time.Time) error {
	if req.URL.RawQuery != "" {
		return errors.New("sign request: a query string is not supported")
	}
	amzDate := t.UTC().Format(amzDateLayout)
	req.Header.Set("X-Amz-Date", amzDate)
	if cr.SessionToken != "" {
		req.Header.Set("X-Amz-Security-Token", cr.SessionToken)
	}
	signed, canonical := canonicalHeaders(req)
	canonicalRequest := req.Method + "\n" + canonicalURI(req.URL) + "\n\n" + canonical + "\n" + signed + "\n" + payloadHash
	scope := amzDate[:8] + "/" + region + "/" + service + "/" + sigV4Request
	requestHash := sha256.Sum256([]byte(canonicalRequest))
	toSign := sigV4Algorithm + "\n" + amzDate + "\n" + scope + "\n" + hex.EncodeToString(requestHash[:])
	key := []byte("AWS4" + cr.SecretAccessKey)
	for _, part := range []string{amzDate[:8], region, service, sigV4Request} {
		key = hmacSHA256(key, part)
	}
	req.Header.Set("Authorization", sigV4Algorithm+" Credential="+cr.AccessKeyID+"/"+scope+
		", SignedHeaders="+signed+", Signature="+hex.EncodeToString(hmacSHA256(key, toSign)))
	return nil
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// canonicalHeaders returns the signed header names (lower case, sorted,
// joined by ";") and the canonical headers block: one "name:value" line
// each, values trimmed with inner runs of spaces made one, several values
// joined by ",". The host is the request's, without the scheme's default
// port (which req.Host is set to, so that the Host header sent is the one
// signed).
func canonicalHeaders(req *http.Request) (signed, canonical string) {
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	if port := req.URL.Port(); port != "" && (req.URL.Scheme == "https" && port == "443" || req.URL.Scheme == "http" && port == "80") {
		host = strings.TrimSuffix(host, ":"+port)
		req.Host = host
	}
	values := map[string][]string{"host": {host}}
	if req.ContentLength > 0 {
		values["content-length"] = []string{strconv.FormatInt(req.ContentLength, 10)}
	}
	for name, v := range req.Header {
		lower := strings.ToLower(name)
		if unsignedHeader(name) || lower == "content-length" {
			continue
		}
		values[lower] = append(values[lower], v...)
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		b.WriteString(name)
		b.WriteByte(':')
		for i, v := range values[name] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(collapseSpaces(v))
		}
		b.WriteByte('\n')
	}
	return strings.Join(names, ";"), b.String()
}

func unsignedHeader(name string) bool {
	for _, u := range sigV4Unsigned {
		if strings.EqualFold(name, u) {
			return true
		}
	}
	return false
}

// collapseSpaces makes each run of spaces in v one space and trims the
// white space around it.
func collapseSpaces(v string) string {
	if strings.Contains(v, "  ") {
		var b strings.Builder
		for i := 0; i < len(v); i++ {
			if v[i] == ' ' && i > 0 && v[i-1] == ' ' {
				continue
			}
			b.WriteByte(v[i])
		}
		v = b.String()
	}
	return strings.TrimSpace(v)
}

// canonicalURI is the request's path as sent, escaped once more, as SigV4
// asks of every service but S3: each byte outside the unreserved
// characters and "/" becomes %XX.
func canonicalURI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
	}
	return b.String()
}
