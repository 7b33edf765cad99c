package config

import (
	"context"
	"errors"
	"fmt"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
)

// newDefaultClient is the production SSM client: the SDK's standard
// configuration chain, so the Lambda role's credentials and region are
// used, and the SDK's own variables (AWS_ENDPOINT_URL_SSM,
// AWS_MAX_ATTEMPTS, AWS_RETRY_MODE) tune it without code changes.
func newDefaultClient(ctx context.Context) (GetParameterAPI, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	return ssm.NewFromConfig(cfg), nil
}

// classify wraps an SSM error with the sentinel its error code stands
// for, keeping the SDK error (operation, status, request id) as cause.
func classify(name string, err error) error {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "ParameterNotFound", "ParameterVersionNotFound":
			return fmt.Errorf("config: get SSM parameter %q: %w: %w", name, ErrParameterNotFound, err)
		case "AccessDeniedException", "AccessDenied":
			return fmt.Errorf("config: get SSM parameter %q: %w: %w", name, ErrAccessDenied, err)
		case "ThrottlingException", "Throttling", "TooManyRequestsException":
			return fmt.Errorf("config: get SSM parameter %q: %w: %w", name, ErrThrottled, err)
		}
	}
	return fmt.Errorf("config: get SSM parameter %q: %w", name, err)
}
