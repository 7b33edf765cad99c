package freetier

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteText prints the estimate for people: one line per meter against its
// allowance, which Lambda limit binds and why, the bill beyond the free tier
// and the prices used with their date.
func WriteText(w io.Writer, e Estimate) error {
	tw := &textWriter{w: w}
	tw.line("LEE monthly free-tier estimate (%s prices as of %s)", e.Prices.Region, e.Prices.AsOf)
	tw.line("inputs:             %d MB %s, %s ms measured → %d ms billed (Lambda rounds up to 1 ms), %s invocations/month",
		e.MemoryMB, e.Arch, strconv.FormatFloat(e.MeasuredDurationMS, 'f', -1, 64), e.BilledDurationMS, group(e.Invocations))
	tw.line("Lambda requests:    %s of %s free (%s)", group(int64(e.Requests.Used)), group(FreeRequests), pct(e.Requests.Percent))
	tw.line("Lambda compute:     %s GB-s of %s free (%s); %.6f GB-s per invocation",
		groupFloat(e.Compute.Used), group(FreeGBSeconds), pct(e.Compute.Percent), e.GBSecondsPerInvocation)
	tw.line("binding limit:      %s", bindingText(e))
	tw.line("CloudWatch metrics: %d of %d free custom metrics (%s)", int64(e.Metrics.Used), FreeMetrics, pct(e.Metrics.Percent))
	tw.line("CloudWatch logs:    %s bytes/invocation → %.3f GB/month of %d GB free ingestion (%s)",
		strconv.FormatFloat(e.LogBytesPerInvocation, 'f', -1, 64), e.Logs.Used, FreeLogGB, pct(e.Logs.Percent))
	c := e.Cost
	tw.line("beyond free tier:   %s/month (requests %s, compute %s, metrics %s, logs %s)",
		usd(c.Total), usd(c.Requests), usd(c.Compute), usd(c.Metrics), usd(c.Logs))
	p := e.Prices
	tw.line("prices used:        Lambda requests $%s per 1M; compute $%s per GB-s (x86_64), $%s per GB-s (arm64); "+
		"CloudWatch $%s per custom metric-month, $%s per GB of logs ingested; %s, as of %s",
		num(p.RequestsPerMillion), num(p.GBSecondX86), num(p.GBSecondArm), num(p.MetricMonth), num(p.LogIngestionGB), p.Region, p.AsOf)
	tw.line("note:               free tiers are per AWS account, shared by every function and log group in it; check %s", p.Sources)
	return tw.err
}

// bindingText explains which Lambda limit runs out first, with numbers.
func bindingText(e Estimate) string {
	if e.BindingLimit == LimitCompute {
		return fmt.Sprintf("compute — %.4f GB-s per invocation exhausts 400,000 GB-s after %s invocations, before the 1,000,000 free requests",
			e.GBSecondsPerInvocation, group(e.ComputeFreeInvocations))
	}
	return fmt.Sprintf("requests, not compute — the free tier covers %s invocations/month; compute alone would cover %s",
		group(e.FreeInvocations), group(e.ComputeFreeInvocations))
}

// textWriter keeps the first write error so WriteText reads as a list.
type textWriter struct {
	w   io.Writer
	err error
}

func (t *textWriter) line(format string, args ...any) {
	if t.err != nil {
		return
	}
	_, t.err = fmt.Fprintf(t.w, format+"\n", args...)
}

// group renders n with thousands separators: 1000000 → "1,000,000".
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// groupFloat renders v with thousands separators and one decimal.
func groupFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return s
	}
	return group(n) + "." + frac
}

// pct renders a percentage with two decimals.
func pct(p float64) string {
	return strconv.FormatFloat(p, 'f', 2, 64) + "%"
}

// usd renders an amount in dollars and cents.
func usd(v float64) string {
	return "$" + strconv.FormatFloat(v, 'f', 2, 64)
}

// num renders a price with as many digits as it has, and at least cents.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if _, frac, _ := strings.Cut(s, "."); len(frac) < 2 {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return s
}
