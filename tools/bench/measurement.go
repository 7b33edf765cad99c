package bench

// Measurement is everything measured for one configuration of one binary.
type Measurement struct {
	// Name labels the configuration, e.g. "ours", "floor", "LEE_PRELOAD=all".
	Name string `json:"name"`

	// ReadyMS holds, per fresh process, the time from exec to its first
	// GET /runtime/invocation/next (its init), in milliseconds.
	ReadyMS []float64 `json:"ready_ms"`
	// FirstResponseMS holds, per fresh process, the time from exec to the
	// answer of its first invocation, a TurnOn relay: a whole cold start.
	FirstResponseMS []float64 `json:"first_response_ms"`
	// ColdPeakRSSKB holds, per fresh process, its peak resident memory
	// (VmHWM) right after that first answer, in KiB.
	ColdPeakRSSKB []int64 `json:"cold_peak_rss_kb"`
	// ColdMinorFaults holds, per fresh process, its minor page faults
	// (/proc/<pid>/stat) right after that first answer: the pages of its
	// binary and of fresh memory it touched.
	ColdMinorFaults []int64 `json:"cold_minor_faults,omitempty"`
	// ColdCPUMS holds, per fresh process, the user and system CPU time it
	// used from exec to its exit right after that first answer (the
	// kernel's accounting of the reaped process), in milliseconds. Time
	// spent waiting for a CPU is not in it, so it varies less from process
	// to process than the wall-clock series; in a virtual machine, time the
	// hypervisor takes away while the process runs is still in it.
	ColdCPUMS []float64 `json:"cold_cpu_ms,omitempty"`
	// The medians of the five series above.
	ReadyMedianMS         float64 `json:"ready_median_ms"`
	FirstResponseMedianMS float64 `json:"first_response_median_ms"`
	ColdPeakRSSMedianKB   float64 `json:"cold_peak_rss_median_kb"`
	ColdMinorFaultsMedian float64 `json:"cold_minor_faults_median,omitempty"`
	ColdCPUMedianMS       float64 `json:"cold_cpu_median_ms,omitempty"`

	// WarmRelays is how many warm invocations the long-lived process
	// answered after its cold one.
	WarmRelays int `json:"warm_relays"`
	// PeakRSSKB is that process's VmHWM after them, in KiB: what Lambda
	// reports as Max Memory Used.
	PeakRSSKB int64 `json:"peak_rss_kb"`
	// WarmP50MS and WarmP99MS are percentiles of their durations, from the
	// event's delivery to the answer's arrival, the span Lambda bills.
	WarmP50MS float64 `json:"warm_p50_ms"`
	WarmP99MS float64 `json:"warm_p99_ms"`

	// InterfacesAtInit is how many gateway interfaces the function says
	// existed before its first invocation (its "cold start" log line), the
	// largest over the fresh processes; -1 when it logs no such line, as the
	// floor does.
	InterfacesAtInit int `json:"interfaces_at_init"`
	// LogBytesPerInvocation is the long-lived process's standard output (its
	// log and metric lines) divided by its invocations, the cold one
	// included.
	LogBytesPerInvocation float64 `json:"log_bytes_per_invocation"`
	// MetricNames are the distinct Embedded Metric Format metric names the
	// processes wrote, sorted.
	MetricNames []string `json:"metric_names"`
}

// Ratios compares two measurements, A over B, metric by metric; 0 where B is
// zero.
type Ratios struct {
	Ready         float64 `json:"ready"`
	FirstResponse float64 `json:"first_response"`
	ColdPeakRSS   float64 `json:"cold_peak_rss"`
	MinorFaults   float64 `json:"minor_faults,omitempty"`
	ColdCPU       float64 `json:"cold_cpu,omitempty"`
	PeakRSS       float64 `json:"peak_rss"`
	WarmP50       float64 `json:"warm_p50"`
	WarmP99       float64 `json:"warm_p99"`
}

// Comparison is two configurations measured in the same run, alternately.
type Comparison struct {
	// Title names what is compared, e.g. "ours vs floor".
	Title  string      `json:"title"`
	A      Measurement `json:"a"`
	B      Measurement `json:"b"`
	Ratios Ratios      `json:"ratios"`
}

// newComparison computes the ratios of a over b.
func newComparison(title string, a, b Measurement) Comparison {
	return Comparison{Title: title, A: a, B: b, Ratios: Ratios{
		Ready:         round3(ratio(a.ReadyMedianMS, b.ReadyMedianMS)),
		FirstResponse: round3(ratio(a.FirstResponseMedianMS, b.FirstResponseMedianMS)),
		ColdPeakRSS:   round3(ratio(a.ColdPeakRSSMedianKB, b.ColdPeakRSSMedianKB)),
		MinorFaults:   round3(ratio(a.ColdMinorFaultsMedian, b.ColdMinorFaultsMedian)),
		ColdCPU:       round3(ratio(a.ColdCPUMedianMS, b.ColdCPUMedianMS)),
		PeakRSS:       round3(ratio(float64(a.PeakRSSKB), float64(b.PeakRSSKB))),
		WarmP50:       round3(ratio(a.WarmP50MS, b.WarmP50MS)),
		WarmP99:       round3(ratio(a.WarmP99MS, b.WarmP99MS)),
	}}
}
