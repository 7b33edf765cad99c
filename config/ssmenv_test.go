package config

import (
	"strings"
	"testing"
)

// TestNewSSMClientSettings: where the client sends its requests, for
// which region, with which credentials and how many attempts.
func TestNewSSMClientSettings(t *testing.T) {
	base := map[string]string{"AWS_ACCESS_KEY_ID": testKeyID, "AWS_SECRET_ACCESS_KEY": testSecret, "AWS_REGION": testRegion}
	tests := []struct {
		name                    string
		vars                    map[string]string
		endpoint, region, token string
		attempts                int
	}{
		{"public endpoint", base, "https://ssm.eu-west-1.amazonaws.com/", testRegion, "", 3},
		{"default region", with(base, "AWS_REGION", "", "AWS_DEFAULT_REGION", "us-gov-west-1"),
			"https://ssm.us-gov-west-1.amazonaws.com/", "us-gov-west-1", "", 3},
		{"AWS_REGION wins", with(base, "AWS_DEFAULT_REGION", "us-east-1"), "https://ssm.eu-west-1.amazonaws.com/", testRegion, "", 3},
		{"China", with(base, "AWS_REGION", "cn-north-1"), "https://ssm.cn-north-1.amazonaws.com.cn/", "cn-north-1", "", 3},
		{"service endpoint", with(base, "AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:4566", "AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
			"http://127.0.0.1:4566/", testRegion, "", 3},
		{"general endpoint", with(base, "AWS_ENDPOINT_URL", "https://vpce.example.com/ssm"), "https://vpce.example.com/ssm", testRegion, "", 3},
		{"endpoints ignored", with(base, "AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
			"https://ssm.eu-west-1.amazonaws.com/", testRegion, "", 3},
		{"session token and attempts", with(base, "AWS_SESSION_TOKEN", testSession, "AWS_MAX_ATTEMPTS", " 7 "),
			"https://ssm.eu-west-1.amazonaws.com/", testRegion, testSession, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := newSSMClient(envMap(tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			if c.endpoint != tt.endpoint || c.region != tt.region || c.maxAttempts != tt.attempts {
				t.Errorf("endpoint %q, region %q, attempts %d; want %q, %q, %d",
					c.endpoint, c.region, c.maxAttempts, tt.endpoint, tt.region, tt.attempts)
			}
			cr := c.credentials
			if cr.AccessKeyID != testKeyID || cr.SecretAccessKey != testSecret || cr.SessionToken != tt.token {
				t.Errorf("credentials %q/%q/%q not taken from the environment", cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken)
			}
		})
	}
}

// TestNewSSMClientRefuses: a missing or bad variable is an error naming
// it, which never quotes a credential or an endpoint URL.
func TestNewSSMClientRefuses(t *testing.T) {
	base := map[string]string{"AWS_ACCESS_KEY_ID": testKeyID, "AWS_SECRET_ACCESS_KEY": testSecret,
		"AWS_SESSION_TOKEN": testSession, "AWS_REGION": testRegion}
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"no region", with(base, "AWS_REGION", ""), "AWS_REGION"},
		{"bad region", with(base, "AWS_REGION", "eu-west-1.evil.example/"), "AWS_REGION"},
		{"no key id", with(base, "AWS_ACCESS_KEY_ID", ""), "AWS_ACCESS_KEY_ID"},
		{"no secret key", with(base, "AWS_SECRET_ACCESS_KEY", " "), "AWS_SECRET_ACCESS_KEY"},
		{"attempts not a number", with(base, "AWS_MAX_ATTEMPTS", "three"), "AWS_MAX_ATTEMPTS"},
		{"attempts zero", with(base, "AWS_MAX_ATTEMPTS", "0"), "AWS_MAX_ATTEMPTS"},
		{"endpoint not a URL", with(base, "AWS_ENDPOINT_URL_SSM", "127.0.0.1:4566"), "AWS_ENDPOINT_URL_SSM"},
		{"endpoint with user", with(base, "AWS_ENDPOINT_URL", "https://user:"+testSecret+"@proxy.example.com"), "AWS_ENDPOINT_URL"},
		{"endpoint with query", with(base, "AWS_ENDPOINT_URL_SSM", "https://ssm.example.com/?key="+testSession), "AWS_ENDPOINT_URL_SSM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := newSSMClient(envMap(tt.vars))
			if err == nil {
				t.Fatalf("newSSMClient() = %+v; want an error", c)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %s", err, tt.want)
			}
			for _, secret := range []string{testSecret, testSession} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error %q quotes a credential", err)
				}
			}
		})
	}
}
