// Package logging is LEE's logging module: a log/slog JSON logger for AWS Lambda with request ids, a per-invocation line cap and secret redaction.
package logging
