package config_test

import (
	"context"
	"fmt"

	"github.com/lee-engine/lee/config"
)

// environment stands in for os.LookupEnv.
func environment(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

func ExampleLoad() {
	c, err := config.Load(environment(map[string]string{
		"BASE_URL":       "https://ha.example.com:8123",
		"NOT_VERIFY_SSL": "false",
		"HA_TIMEOUT":     "5",
		"LEE_PRELOAD":    "metrics, cache",
		"DEBUG":          "true",
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.HAURL, c.VerifyTLS, c.Timeout, c.Preload, c.LogLevel, c.Tier)
	// Output: https://ha.example.com:8123 true 5s [cache metrics] debug standard
}

func ExampleLoad_error() {
	_, err := config.Load(environment(map[string]string{
		"HA_URL":     "https://ha.example.com:8123",
		"HA_TIMEOUT": "abc",
	}))
	fmt.Println(err)
	// Output: config: HA_TIMEOUT: must be a duration like 5s, got "abc"
}

func ExampleConfig_String() {
	c := config.Config{
		HAURL:   "https://ha.example.com:8123",
		Token:   "eyJhbGciOiJIUzI1NiJ9.secret",
		Headers: map[string]string{"CF-Access-Client-Secret": "secret"},
		Tier:    config.TierMinimum,
	}
	fmt.Println(c.String())
	// Output: config.Config{HAURL: "https://ha.example.com:8123", Token: set, TokenParameter: "", VerifyTLS: false, CAFile: "", ClientCertFile: "", ClientKeyFile: "", Headers: [CF-Access-Client-Secret], Timeout: 0s, Tier: "minimum", LogLevel: "", Preload: [], MetricsEnabled: false, DNSServer: ""}
}

func ExampleTier_Settings() {
	s := config.TierMinimum.Settings()
	fmt.Println(s.BreakerFailureThreshold, s.MetricSet, s.SecretTTL)
	// Output: 3 essential 2m0s
}

// staticSSM answers every GetParameter with one value, as a test double.
type staticSSM string

func (s staticSSM) GetParameter(context.Context, string) (string, error) { return string(s), nil }

func ExampleParameterStore_Get() {
	store := config.NewParameterStore(config.StoreSettings{
		TTL: config.TierStandard.Settings().SecretTTL,
		// Leave NewClient nil in production: the signed HTTPS client is
		// then built from the Lambda's environment on the first Get.
		NewClient: func(context.Context) (config.ParameterClient, error) { return staticSSM("llat-value"), nil },
	})
	token, err := store.Get(context.Background(), "/lee/ha-token")
	fmt.Println(token, err)
	// Output: llat-value <nil>
}
