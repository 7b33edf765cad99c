package config

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
)

// newDefaultClient is the production SSM client, built from the variables
// the Lambda runtime sets: the execution role's credentials
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and
// AWS_REGION. It honours the SDK's own AWS_ENDPOINT_URL_SSM /
// AWS_ENDPOINT_URL and AWS_MAX_ATTEMPTS.
//
// It deliberately does not use config.LoadDefaultConfig: that chain links
// SSO, STS, IMDS and shared-file parsing into the binary (about 1.8 MB of the
// arm64 bootstrap, measured) for credential sources a Lambda never uses.
func newDefaultClient(context.Context) (GetParameterAPI, error) {
	id, secret := os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
	if id == "" || secret == "" {
		return nil, errors.New("no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): the Lambda runtime sets them from the execution role")
	}
	region := firstEnv("AWS_REGION", "AWS_DEFAULT_REGION")
	if region == "" {
		return nil, errors.New("no AWS region in the environment (AWS_REGION)")
	}
	opts := ssm.Options{
		Region:      region,
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(id, secret, os.Getenv("AWS_SESSION_TOKEN"))),
	}
	if ep := firstEnv("AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL"); ep != "" {
		opts.BaseEndpoint = aws.String(ep)
	}
	if v := os.Getenv("AWS_MAX_ATTEMPTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("AWS_MAX_ATTEMPTS: want a positive integer, got %q", v)
		}
		opts.RetryMaxAttempts = n
	}
	return ssm.New(opts), nil
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(os.Getenv(n)); v != "" {
			return v
		}
	}
	return ""
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
