package reliability

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// The secrets of these tests. Every function process is given all of them
// (the directives carry directiveToken) and runs at LOG_LEVEL=debug; none
// may ever appear in its stdout, its stderr or an answer.
const (
	// directiveToken replaces the token of Amazon's sample directives, so
	// that a leak cannot hide behind a common phrase.
	directiveToken = "lee-rel-directive-5e0c2a9f71b3d846"
	// fallbackToken is HA_TOKEN.
	fallbackToken = "lee-rel-fallback-8d41b6e2c07a95f3"
	// headerSecret is the secret value of HA_HEADERS.
	headerSecret = "lee-rel-header-3f9a7c15e2d8b604"
	// ssmToken is the value of the SSM parameter of the fakessm tests.
	ssmToken = "lee-rel-ssm-6b2e94d0a1f7c358"
	// awsSecretKey is the AWS secret access key the SSM tests give the SDK.
	awsSecretKey = "lee-rel-aws-secret-0c7d2b91e4f6a835"
)

// headersEnv is HA_HEADERS as a Cloudflare Access service token sets it.
const headersEnv = `HA_HEADERS={"CF-Access-Client-Id":"lee-reliability.access","CF-Access-Client-Secret":"` + headerSecret + `"}`

// secret is one value the output must not show, with the name a failure
// reports it by.
type secret struct {
	name, value string
}

// clientKeyLines are the base64 lines of the client key's PEM file: any one
// of them in the output is a leak of the key.
func clientKeyLines(t *testing.T) ([]string, error) {
	b, err := os.ReadFile(certs(t).Client.KeyFile)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "-----") {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// secrets is every secret of the tests, the client key's lines included.
func secrets(t *testing.T) []secret {
	t.Helper()
	lines, err := clientKeyLines(t)
	if err != nil || len(lines) == 0 {
		t.Fatalf("read the client key to search for it: %v (%d lines)", err, len(lines))
	}
	list := []secret{
		{"the directive token", directiveToken},
		{"HA_TOKEN", fallbackToken},
		{"the HA_HEADERS secret", headerSecret},
		{"the SSM parameter value", ssmToken},
		{"the AWS secret access key", awsSecretKey},
	}
	for i, l := range lines {
		list = append(list, secret{fmt.Sprintf("line %d of the client key PEM", i+2), l})
	}
	return list
}

// leaks names the secrets that occur in output.
func leaks(list []secret, output []byte) []string {
	var found []string
	for _, s := range list {
		if bytes.Contains(output, []byte(s.value)) {
			found = append(found, s.name)
		}
	}
	return found
}

// checkNoSecrets fails the test when output shows a secret.
func checkNoSecrets(t *testing.T, what string, output []byte) {
	t.Helper()
	for _, name := range leaks(secrets(t), output) {
		t.Errorf("%s shows %s:\n%s", what, name, tail(output, 4000))
	}
}

// audit counts the output checked for secrets, for the test log.
var audit struct {
	sync.Mutex
	processes int
	bytes     int
}

func recordAudit(n int) {
	audit.Lock()
	audit.processes++
	audit.bytes += n
	audit.Unlock()
}

// tail is the end of b, at most n bytes, for failure messages.
func tail(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	return b[len(b)-n:]
}
