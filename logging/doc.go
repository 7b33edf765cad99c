// Package logging is LEE's logger: JSON lines for AWS Lambda built on the
// standard library's log/slog, with the request id and a correlation id on
// every line, a per-invocation line cap, and redaction of tokens and other
// secrets at every level.
//
// Each line is one JSON object with time, level, msg, requestId and, once
// set, correlationId, followed by the line's attributes. Logger is the main
// API; Logger.Slog exposes the same path as a *slog.Logger, and
// NewRedactingHandler offers the redaction alone as a wrapper around any
// slog.Handler.
//
// An invocation's state (its ids, its secrets, its line budget) lives in the
// context Begin returns, in the way lambdacontext carries the Lambda request,
// so several invocations can run at once in one process.
//
// Lambda collects standard output into CloudWatch Logs; see
// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html.
package logging
