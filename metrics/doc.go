// Package metrics is LEE's metrics module: counters and duration histograms flushed as one CloudWatch Embedded Metric Format line per invocation.
package metrics
