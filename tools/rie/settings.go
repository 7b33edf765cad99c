package rie

import (
	"io"
	"math"
	"strconv"
	"time"

	"github.com/lee-engine/lee/tools/internal/proc"
)

// Settings configures an Emulator. The zero value of every field but Binary
// is usable.
//
//   - Binary is the bootstrap executable the emulator runs. Required.
//   - Env lists extra KEY=VALUE variables; the emulator passes its whole
//     environment on to the function, so these reach it. Nothing else of the
//     parent's environment is passed except PATH, HOME and TMPDIR. Nil: none.
//   - RIEPath is the aws-lambda-rie executable. Empty: LookPath's answer.
//   - FunctionName is AWS_LAMBDA_FUNCTION_NAME. Empty: "lee".
//   - MemoryMB is AWS_LAMBDA_FUNCTION_MEMORY_SIZE, reported to the function
//     only. Zero: 128.
//   - Timeout is the function timeout the emulator enforces, in whole seconds
//     (rounded up). Invoke waits at most this plus five seconds. Zero: 10s.
//   - ReadyTimeout bounds how long Start waits for the emulator to accept
//     connections. Zero: 10s.
//   - StopTimeout is how long Close waits after SIGTERM before SIGKILL.
//     Zero: 2s.
//   - Stdout and Stderr, when not nil, receive a copy of the emulator's
//     stdout (which carries the function's stdout and stderr) and of its own
//     log on stderr. Nil: no copy.
type Settings struct {
	Binary       string
	Env          []string
	RIEPath      string
	FunctionName string
	MemoryMB     int
	Timeout      time.Duration
	ReadyTimeout time.Duration
	StopTimeout  time.Duration
	Stdout       io.Writer
	Stderr       io.Writer
}

const invokeGrace = 5 * time.Second

func (s Settings) withDefaults() Settings {
	if s.FunctionName == "" {
		s.FunctionName = "lee"
	}
	if s.MemoryMB <= 0 {
		s.MemoryMB = 128
	}
	if s.Timeout <= 0 {
		s.Timeout = 10 * time.Second
	}
	if s.ReadyTimeout <= 0 {
		s.ReadyTimeout = 10 * time.Second
	}
	if s.StopTimeout <= 0 {
		s.StopTimeout = 2 * time.Second
	}
	return s
}

// environ is the emulator's environment, which it forwards to the function.
func (s Settings) environ() []string {
	seconds := int(math.Ceil(s.Timeout.Seconds()))
	env := append(proc.HostEnv(),
		"AWS_REGION=us-east-1",
		"AWS_DEFAULT_REGION=us-east-1",
		"AWS_LAMBDA_FUNCTION_NAME="+s.FunctionName,
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE="+strconv.Itoa(s.MemoryMB),
		"AWS_LAMBDA_FUNCTION_TIMEOUT="+strconv.Itoa(seconds),
	)
	return append(env, s.Env...)
}
