package bench

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/lee-engine/lee/tools/fakessm"
)

// ssmParameter is the parameter name the SSM variant reads its token from.
const ssmParameter = "/lee/bench/ha-token"

// runVariants compares configurations of the bootstrap two by two:
// LEE_PRELOAD=all against LEE_PRELOAD unset (TurnOn with a token), and the
// fallback token from SSM against HA_TOKEN (TurnOn without a token, so the
// fallback is needed). The SSM variant talks to a local fake SSM through
// AWS_ENDPOINT_URL_SSM with static test credentials and no AWS files, and
// the run fails unless the fake was really asked.
func runVariants(ctx context.Context, r runner, ours, haURL, tmp string) ([]Comparison, error) {
	withToken, err := turnOnEvent(benchToken)
	if err != nil {
		return nil, err
	}
	noToken, err := turnOnEvent("")
	if err != nil {
		return nil, err
	}
	base := []string{"HA_URL=" + haURL}
	preload, err := r.compare(ctx, "LEE_PRELOAD",
		subject{name: "LEE_PRELOAD=all", binary: ours, env: append(base[:1:1], "LEE_PRELOAD=all"), event: withToken, wantName: "Response"},
		subject{name: "LEE_PRELOAD unset", binary: ours, env: base, event: withToken, wantName: "Response"})
	if err != nil {
		return nil, err
	}
	ssm, err := fakessm.Start(fakessm.Settings{Parameters: map[string]string{ssmParameter: benchToken}})
	if err != nil {
		return nil, err
	}
	defer ssm.Close()
	ssmEnv := append(base[:1:1],
		"HA_TOKEN_PARAMETER="+ssmParameter,
		"AWS_ENDPOINT_URL_SSM="+ssm.URL(),
		"AWS_ACCESS_KEY_ID=AKIDLEEBENCHEXAMPLE",
		"AWS_SECRET_ACCESS_KEY=lee-bench-not-a-secret",
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_CONFIG_FILE="+filepath.Join(tmp, "no-aws-config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(tmp, "no-aws-credentials"),
	)
	token, err := r.compare(ctx, "HA_TOKEN_PARAMETER",
		subject{name: "HA_TOKEN_PARAMETER (SSM)", binary: ours, env: ssmEnv, event: noToken, wantName: "Response"},
		subject{name: "HA_TOKEN", binary: ours, env: append(base[:1:1], "HA_TOKEN="+benchToken), event: noToken, wantName: "Response"})
	if err != nil {
		return nil, err
	}
	if want := r.n + 2; ssm.Count() < want {
		return nil, fmt.Errorf("the SSM variant asked the fake SSM %d times, want at least %d (one per process)", ssm.Count(), want)
	}
	return []Comparison{preload, token}, nil
}
