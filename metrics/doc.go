// Package metrics is LEE's metrics recorder: counters and durations
// collected during an invocation and written, when flushed, as one CloudWatch
// Embedded Metric Format (EMF) line on standard output, from which CloudWatch
// Logs extracts the metrics without any API call.
//
// A Recorder accepts at most ten distinct metric names, the CloudWatch free
// tier's budget of custom metrics; the ten LEE names, their units and the
// "essential" and "all" sets are defined here so every module uses the same
// contract. Recording on a registered name does not allocate, and memory is
// bounded: a duration keeps at most 100 values per flush.
//
// The format is specified at
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html.
package metrics
