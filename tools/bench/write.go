package bench

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Row labels of the cold-start tables; ParseTables' callers find rows by
// these prefixes.
const (
	RowReady         = "exec → first /next"
	RowFirstResponse = "exec → first response"
	RowColdPeakRSS   = "peak RSS after the first response"
	RowMinorFaults   = "minor page faults at the first response"
	RowColdCPU       = "CPU time, exec → exit after the first response"
	RowPeakRSS       = "peak RSS after"
	RowWarmP50       = "warm relay p50"
	RowWarmP99       = "warm relay p99"
	RowInterfaces    = "interfaces constructed before the first invocation"
	RowSize          = "bootstrap size"
	RowSizeArm64     = "bootstrap size linux/arm64"
)

// notApplicable fills a cell that has no value.
const notApplicable = "–"

// WriteColdStart prints the report as Markdown: a line about the run, the
// table of ours against the floor with the targets, the free-tier inputs,
// the package initialisation of both, and one table per variant.
func WriteColdStart(w io.Writer, r *ColdStartReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# lee bench coldstart\n\n%s · %s/%s · %s (%d CPUs) · %s · %d MB · %d fresh processes each, alternating · %d warm relays\n\n",
		r.Date.Format("2006-01-02 15:04 UTC"), r.Host.OS, r.Host.Arch, orUnknown(r.Host.CPU), r.Host.CPUs, r.Host.GoVersion, r.MemoryMB, r.N, r.Warm)
	if err := mainTable(r).write(&b); err != nil {
		return err
	}
	ft := r.FreeTier
	fmt.Fprintf(&b, "free-tier inputs (lee freetier --from-bench): %d MB, %s, billed %.0f ms per warm relay (p50 rounded up), %.0f log bytes per invocation (function %.0f + Lambda's START/END/REPORT %d), %d metric names (%s)\n\n",
		ft.MemoryMB, ft.Arch, ft.BilledDurationMS, ft.LogBytesPerInvocation, r.Main.A.LogBytesPerInvocation,
		r.PlatformLogBytesPerInvocation, ft.MetricNames, strings.Join(r.Main.A.MetricNames, ", "))
	if r.Init != nil {
		if err := initTable(*r.Init).write(&b); err != nil {
			return err
		}
	}
	for _, v := range r.Variants {
		if err := comparisonTable("variant: "+v.Title, v, nil, r.Warm).write(&b); err != nil {
			return err
		}
	}
	if missed := MissedTargets(r.Targets); len(missed) > 0 {
		fmt.Fprintf(&b, "targets missed:\n- %s\n", strings.Join(missed, "\n- "))
	} else {
		b.WriteString("all targets met\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mainTable is ours against the floor, with the target column and the
// binary sizes.
func mainTable(r *ColdStartReport) Table {
	targetOf := func(prefix string) string {
		for _, t := range r.Targets {
			if strings.HasPrefix(t.Name, prefix) {
				return t.verdict()
			}
		}
		return ""
	}
	t := comparisonTable("ours vs floor", r.Main, targetOf, r.Warm)
	s := r.Sizes
	t.Rows = append(t.Rows,
		[]string{fmt.Sprintf("%s linux/%s, MB", RowSize, s.Arch), mb(s.OursBytes), mb(s.FloorBytes), ratioCell(ratio(float64(s.OursBytes), float64(s.FloorBytes))), ""},
		[]string{RowSizeArm64 + " stripped, MB", mb(s.OursArm64Bytes), mb(s.FloorArm64Bytes), ratioCell(ratio(float64(s.OursArm64Bytes), float64(s.FloorArm64Bytes))), targetOf("bootstrap linux/arm64")},
	)
	return t
}

// comparisonTable lays out one comparison. targetOf, when not nil, fills a
// target column from a target-name prefix and names the ratio column
// "A/B" (e.g. "ours/floor"); without targets (a variant) it is "ratio",
// always the first configuration over the second.
func comparisonTable(title string, c Comparison, targetOf func(string) string, warm int) Table {
	a, b := c.A, c.B
	rows := [][]string{
		{fmt.Sprintf("%s, ms (median of %d)", RowReady, len(a.ReadyMS)), ms(a.ReadyMedianMS), ms(b.ReadyMedianMS), ratioCell(c.Ratios.Ready), ""},
		{fmt.Sprintf("%s (TurnOn), ms (median of %d)", RowFirstResponse, len(a.FirstResponseMS)), ms(a.FirstResponseMedianMS), ms(b.FirstResponseMedianMS), ratioCell(c.Ratios.FirstResponse), "cold start"},
		{fmt.Sprintf("%s, MiB (median of %d)", RowColdPeakRSS, len(a.ColdPeakRSSKB)), mib(a.ColdPeakRSSMedianKB), mib(b.ColdPeakRSSMedianKB), ratioCell(c.Ratios.ColdPeakRSS), ""},
		{fmt.Sprintf("%s (user+sys), ms (median of %d)", RowColdCPU, len(a.ColdCPUMS)), optionalMS(a.ColdCPUMedianMS), optionalMS(b.ColdCPUMedianMS), ratioCell(c.Ratios.ColdCPU), ""},
		{fmt.Sprintf("%s (median of %d)", RowMinorFaults, len(a.ColdMinorFaults)), faults(a.ColdMinorFaultsMedian), faults(b.ColdMinorFaultsMedian), ratioCell(c.Ratios.MinorFaults), ""},
		{fmt.Sprintf("%s %d warm relays (VmHWM), MiB", RowPeakRSS, warm), mib(float64(a.PeakRSSKB)), mib(float64(b.PeakRSSKB)), ratioCell(c.Ratios.PeakRSS), "peak RSS"},
		{fmt.Sprintf("%s, ms (of %d)", RowWarmP50, warm), ms(a.WarmP50MS), ms(b.WarmP50MS), ratioCell(c.Ratios.WarmP50), ""},
		{fmt.Sprintf("%s, ms (of %d)", RowWarmP99, warm), ms(a.WarmP99MS), ms(b.WarmP99MS), ratioCell(c.Ratios.WarmP99), ""},
		{RowInterfaces, count(a.InterfacesAtInit), count(b.InterfacesAtInit), "", "interfaces"},
	}
	columns := []string{"metric", a.Name, b.Name, "ratio"}
	if targetOf == nil {
		for i := range rows {
			rows[i] = rows[i][:4]
		}
		return Table{Title: title, Columns: columns, Rows: rows}
	}
	for _, r := range rows {
		if r[4] != "" {
			r[4] = targetOf(r[4])
		}
	}
	columns[3] = a.Name + "/" + b.Name
	return Table{Title: title, Columns: append(columns, "target"), Rows: rows}
}

func ms(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func mib(kb float64) string { return strconv.FormatFloat(kb/1024, 'f', 1, 64) }

func mb(bytes int64) string { return strconv.FormatFloat(float64(bytes)/1e6, 'f', 2, 64) }

// optionalMS prints milliseconds a report written before they were
// measured does not have.
func optionalMS(v float64) string {
	if v <= 0 {
		return notApplicable
	}
	return ms(v)
}

// faults prints a median count of page faults; a report written before
// they were counted has none.
func faults(n float64) string {
	if n <= 0 {
		return notApplicable
	}
	return strconv.FormatFloat(n, 'f', 0, 64)
}

func ratioCell(v float64) string {
	if v <= 0 {
		return notApplicable
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func count(n int) string {
	if n < 0 {
		return notApplicable
	}
	return strconv.Itoa(n)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown CPU"
	}
	return s
}
