package gateway

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lee-engine/lee/config"
)

// fakeSSM is Parameter Store for tests: one value, or one failure.
type fakeSSM struct {
	value string
	err   error
	calls atomic.Int32
}

func (f *fakeSSM) GetParameter(_ context.Context, name string) (string, error) {
	f.calls.Add(1)
	if name != testParameter {
		return "", fmt.Errorf("fakeSSM: parameter %q: %w", name, config.ErrParameterNotFound)
	}
	if f.err != nil {
		return "", f.err
	}
	return f.value, nil
}

// testParameter is the HA_TOKEN_PARAMETER of these tests.
const testParameter = "/lee/ha-token"

const ssmToken = "ssm-token-7c4e2b91d0"

// fallbackCase is one configuration of the fallback token's sources.
type fallbackCase struct {
	name      string
	token     string // HA_TOKEN
	parameter string // HA_TOKEN_PARAMETER
	ssm       *fakeSSM
	clientErr error
	want      string
	wantErr   bool
	wantLog   string // text a warning must contain
	ssmCalls  int32
}

func TestFallbackToken(t *testing.T) {
	outage := errors.New("simulated Parameter Store outage")
	tests := []fallbackCase{
		{name: "HA_TOKEN", token: testToken, want: testToken},
		{name: "nothing configured", want: ""},
		{name: "parameter", parameter: testParameter, ssm: &fakeSSM{value: ssmToken}, want: ssmToken, ssmCalls: 1},
		{name: "parameter wins over HA_TOKEN", token: testToken, parameter: testParameter,
			ssm: &fakeSSM{value: ssmToken}, want: ssmToken, ssmCalls: 1},
		{name: "outage with HA_TOKEN", token: testToken, parameter: testParameter,
			ssm: &fakeSSM{err: outage}, want: testToken, wantLog: "HA_TOKEN_PARAMETER", ssmCalls: 2},
		{name: "outage alone", parameter: testParameter, ssm: &fakeSSM{err: outage}, wantErr: true, ssmCalls: 2},
		{name: "no client", parameter: testParameter, clientErr: errors.New("no credentials"), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFallback(t, tt) })
	}
}

// checkFallback reads the fallback token twice (the second read comes from
// the cache, or retries) and checks the answer, the calls and the log.
func checkFallback(t *testing.T, tt fallbackCase) {
	cfg := testConfig(localURL)
	cfg.Token, cfg.TokenParameter = tt.token, tt.parameter
	out := &syncBuffer{}
	var builds atomic.Int32
	g, err := New(cfg, Options{Stdout: out, NewParameterClient: func(context.Context) (config.ParameterClient, error) {
		builds.Add(1)
		if tt.clientErr != nil {
			return nil, tt.clientErr
		}
		return tt.ssm, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second call is served from the cache, or retried
		got, err := g.FallbackToken(context.Background())
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), config.VarTokenParameter) {
				t.Fatalf("FallbackToken = %q, %v; want an error naming %s", got, err, config.VarTokenParameter)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Fatalf("FallbackToken = %q, %v; want %q", got, err, tt.want)
		}
	}
	if tt.ssm != nil && tt.ssm.calls.Load() != tt.ssmCalls {
		t.Errorf("Parameter Store called %d times; want %d", tt.ssm.calls.Load(), tt.ssmCalls)
	}
	if tt.clientErr != nil && builds.Load() != 2 {
		t.Errorf("SSM client built %d times; want a retry after the failure", builds.Load())
	}
	if usesSSM := tt.parameter != ""; g.Stats().Interfaces[Config].Constructed != usesSSM {
		t.Errorf("config core constructed = %v; want %v", !usesSSM, usesSSM)
	}
	if tt.wantLog != "" && !strings.Contains(out.String(), tt.wantLog) {
		t.Errorf("log %q lacks the warning about %s", out.String(), tt.wantLog)
	}
	for _, secret := range []string{ssmToken, testToken} {
		if strings.Contains(out.String(), secret) {
			t.Errorf("log shows a token: %s", out.String())
		}
	}
}

// TestFallbackTokenFromSSMIsRedacted: a token read from Parameter Store is
// a log secret from then on.
func TestFallbackTokenFromSSMIsRedacted(t *testing.T) {
	cfg := testConfig(localURL)
	cfg.Token, cfg.TokenParameter = "", testParameter
	out := &syncBuffer{}
	g, err := New(cfg, Options{Stdout: out, NewParameterClient: func(context.Context) (config.ParameterClient, error) {
		return &fakeSSM{value: ssmToken}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.FallbackToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	g.LogInfo(context.Background(), "calling with "+ssmToken)
	if strings.Contains(out.String(), ssmToken) || !strings.Contains(out.String(), "[REDACTED]") {
		t.Errorf("log line %q; want the SSM token redacted", out.String())
	}
}
