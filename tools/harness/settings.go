package harness

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/lee-engine/lee/tools/internal/proc"
)

// Settings configures a Runtime. The zero value of every field but Binary is
// usable.
//
//   - Binary is the path of the bootstrap executable to run. Required. The
//     process runs in the binary's directory, as Lambda runs bootstrap in
//     /var/task.
//   - Env lists extra KEY=VALUE variables for the process (its configuration,
//     e.g. HA_URL). Nothing else of the parent's environment is passed on
//     except PATH, HOME and TMPDIR. An entry here overrides a variable the
//     harness sets itself, except AWS_LAMBDA_RUNTIME_API; an entry for
//     AWS_LAMBDA_MAX_CONCURRENCY is refused by Start (set MaxConcurrency).
//     Nil: none.
//   - FunctionName is AWS_LAMBDA_FUNCTION_NAME and the last part of the
//     invoked function ARN. Empty: "lee".
//   - Handler is _HANDLER. Empty: "bootstrap".
//   - MemoryMB is AWS_LAMBDA_FUNCTION_MEMORY_SIZE. It is reported to the
//     function only, not enforced; measure with ProcStatus. Zero: 128.
//   - Timeout is the deadline Invoke gives each invocation, counted from the
//     call (a cold start's initialisation counts against the first one).
//     Zero: 10s.
//   - MaxConcurrency is how many invocations the process may have in flight
//     at once, as in Lambda Managed Instances. Above 1, the process gets
//     AWS_LAMBDA_MAX_CONCURRENCY set to it (aws-lambda-go then runs that
//     many workers, each asking for the next event), the harness hands out
//     up to that many events at once, and each invocation is settled only by
//     its own answer or its deadline; a request for the next event while
//     that many are unanswered waits until one is answered. Zero or 1: one
//     invocation at a time, as in an on-demand execution environment, where
//     asking for the next event ends the one in flight. Negative: refused.
//   - StopTimeout is how long Close waits for the process to exit after
//     SIGTERM before it sends SIGKILL. Zero: 2s.
//   - Stdout and Stderr, when not nil, receive a copy of the process's output
//     as it is written (the harness always keeps its own copy). Nil: no copy.
type Settings struct {
	Binary         string
	Env            []string
	FunctionName   string
	Handler        string
	MemoryMB       int
	Timeout        time.Duration
	MaxConcurrency int
	StopTimeout    time.Duration
	Stdout         io.Writer
	Stderr         io.Writer
}

// Defaults applied by withDefaults; exported values would invite callers to
// depend on them, so they stay unexported.
const (
	defaultFunctionName = "lee"
	defaultHandler      = "bootstrap"
	defaultMemoryMB     = 128
	defaultTimeout      = 10 * time.Second
	defaultStopTimeout  = 2 * time.Second
	region              = "us-east-1"
	accountID           = "000000000000"
)

// MaxPayload is Lambda's limit, in bytes, for a synchronous invocation's event
// and for the function's response (6 MB). Larger events are refused and
// larger responses become a Function.ResponseSizeTooLarge error, as on AWS.
const MaxPayload = 6 * 1024 * 1024

// envMaxConcurrency is the variable Lambda Managed Instances use to tell a
// runtime how many invocations it may run at once.
const envMaxConcurrency = "AWS_LAMBDA_MAX_CONCURRENCY"

// check refuses settings the harness cannot honour.
func (s Settings) check() error {
	if s.Binary == "" {
		return errors.New("Settings.Binary is empty")
	}
	if s.MaxConcurrency < 0 {
		return fmt.Errorf("Settings.MaxConcurrency is %d: want 0 or more", s.MaxConcurrency)
	}
	for _, kv := range s.Env {
		if strings.HasPrefix(kv, envMaxConcurrency+"=") {
			return fmt.Errorf("Settings.Env sets %s: set Settings.MaxConcurrency instead, so the harness hands out as many events as the process runs workers", envMaxConcurrency)
		}
	}
	return nil
}

// concurrent reports whether invocations may overlap.
func (s Settings) concurrent() bool {
	return s.MaxConcurrency > 1
}

func (s Settings) withDefaults() Settings {
	if s.FunctionName == "" {
		s.FunctionName = defaultFunctionName
	}
	if s.Handler == "" {
		s.Handler = defaultHandler
	}
	if s.MemoryMB <= 0 {
		s.MemoryMB = defaultMemoryMB
	}
	if s.Timeout <= 0 {
		s.Timeout = defaultTimeout
	}
	if s.StopTimeout <= 0 {
		s.StopTimeout = defaultStopTimeout
	}
	return s
}

// functionARN is the unqualified ARN Lambda reports for an invocation of
// $LATEST.
func (s Settings) functionARN() string {
	return "arn:aws:lambda:" + region + ":" + accountID + ":function:" + s.FunctionName
}

// environ builds the process environment: the few host variables a program
// needs to run at all, what Lambda sets, then the caller's list. The runtime
// API address comes last so that no caller entry can redirect the process.
func (s Settings) environ(taskRoot, runtimeAPI string) []string {
	env := append(proc.HostEnv(),
		"AWS_REGION="+region,
		"AWS_DEFAULT_REGION="+region,
		"AWS_LAMBDA_FUNCTION_NAME="+s.FunctionName,
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE="+strconv.Itoa(s.MemoryMB),
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/"+s.FunctionName,
		"AWS_LAMBDA_LOG_STREAM_NAME=harness",
		"LAMBDA_TASK_ROOT="+taskRoot,
		"TZ=:UTC",
		"_HANDLER="+s.Handler,
	)
	env = append(env, s.Env...)
	if s.concurrent() {
		env = append(env, envMaxConcurrency+"="+strconv.Itoa(s.MaxConcurrency))
	}
	return append(env, "AWS_LAMBDA_RUNTIME_API="+runtimeAPI)
}
