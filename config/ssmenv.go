package config

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ssmEndpoint picks the URL GetParameter is posted to: AWS_ENDPOINT_URL_SSM,
// else AWS_ENDPOINT_URL (the SDK's own variables, so local stacks and VPC
// endpoints configured for the SDK keep working), else the region's public
// endpoint. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true skips the variables,
// as it does in the SDK. The URL is checked but not quoted in errors: it
// may carry credentials.
func ssmEndpoint(e env, region string) (string, error) {
	raw, name, ok := e.first("AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL")
	if ignore, _ := e.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"); strings.EqualFold(ignore, "true") {
		ok = false
	}
	if !ok {
		domain := "amazonaws.com"
		if strings.HasPrefix(region, "cn-") {
			domain = "amazonaws.com.cn"
		}
		return "https://ssm." + region + "." + domain + "/", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%s: want an http or https URL with a host, and no user, query or fragment (value not shown)", name)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}

// validRegion accepts region names (eu-west-1, us-gov-west-1,
// cn-north-1): the name becomes part of a host name and of the signature's
// scope, so nothing else may pass.
func validRegion(r string) bool {
	if r == "" || len(r) > 64 || r[0] == '-' || r[len(r)-1] == '-' {
		return false
	}
	for _, c := range r {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// maxAttempts reads AWS_MAX_ATTEMPTS, the SDK's variable for the total
// number of attempts of a call (first one included); unset means 3.
func maxAttempts(e env) (int, error) {
	v, ok := e.get("AWS_MAX_ATTEMPTS")
	if !ok {
		return defaultSSMAttempts, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("AWS_MAX_ATTEMPTS: want a positive integer, got %s", quote(v))
	}
	return n, nil
}

// Backoff between attempts: short, because the token is read while Alexa
// waits, and jittered, so that many functions throttled together do not
// retry together.
const (
	backoffBase = 50 * time.Millisecond
	backoffCap  = 800 * time.Millisecond
)

// jitteredBackoff waits between half and all of an exponentially growing
// ceiling (50 ms, 100 ms, 200 ms, … up to 800 ms) before retry number
// retry.
func jitteredBackoff(retry int) time.Duration {
	ceiling := backoffCap
	if retry >= 1 && retry <= 5 {
		ceiling = min(backoffBase<<(retry-1), backoffCap)
	}
	return ceiling/2 + rand.N(ceiling/2+1)
}
