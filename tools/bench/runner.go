package bench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/lee-engine/lee/tools/harness"
)

// runner measures subjects under the runtime harness.
type runner struct {
	n        int // fresh processes per subject
	warm     int // warm invocations on the long-lived process
	memoryMB int
	progress io.Writer
}

// coldSample is one fresh process's start-up.
type coldSample struct {
	readyMS, firstMS, cpuMS float64
	hwmKB, faults           int64
	log                     logSummary
}

// start launches s under a fresh Runtime API.
func (r runner) start(ctx context.Context, s subject) (*harness.Runtime, error) {
	rt, err := harness.Start(ctx, harness.Settings{Binary: s.binary, Env: s.env, MemoryMB: r.memoryMB})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return rt, nil
}

// invoke sends s's event and checks that it was relayed.
func (r runner) invoke(ctx context.Context, rt *harness.Runtime, s subject) (*harness.Result, error) {
	res, err := rt.Invoke(ctx, s.event)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	if err := s.checkAnswer(res); err != nil {
		return nil, err
	}
	return res, nil
}

// cold starts one process of s, relays one TurnOn and stops it. The log is
// read after Close, when the process's output has been copied whole.
func (r runner) cold(ctx context.Context, s subject) (coldSample, error) {
	rt, err := r.start(ctx, s)
	if err != nil {
		return coldSample{}, err
	}
	_, err = r.invoke(ctx, rt, s)
	t := rt.Timings()
	var hwm, faults int64
	if err == nil {
		_, hwm, err = rt.ProcStatus()
	}
	if err == nil {
		faults, err = rt.MinorFaults()
	}
	if cerr := rt.Close(); err == nil && cerr != nil {
		err = cerr
	}
	var cpu time.Duration
	if err == nil {
		cpu, err = rt.CPUTime()
	}
	if err != nil {
		return coldSample{}, err
	}
	return coldSample{readyMS: millis(t.Ready), firstMS: millis(t.FirstAnswer), cpuMS: millis(cpu), hwmKB: hwm, faults: faults, log: summarizeLog(rt.Stdout())}, nil
}

// compare measures a and b alternately: one unmeasured start of each first,
// so both binaries are in the page cache, then n fresh processes each in the
// order A B A B, then the warm run.
func (r runner) compare(ctx context.Context, title string, a, b subject) (Comparison, error) {
	r.note("%s: priming the page cache", title)
	for _, s := range []subject{a, b} {
		if _, err := r.cold(ctx, s); err != nil {
			return Comparison{}, err
		}
	}
	ma, mb := Measurement{Name: a.name}, Measurement{Name: b.name}
	var la, lb []logSummary
	for i := range r.n {
		sa, err := r.cold(ctx, a)
		if err != nil {
			return Comparison{}, err
		}
		sb, err := r.cold(ctx, b)
		if err != nil {
			return Comparison{}, err
		}
		ma.addCold(sa)
		mb.addCold(sb)
		la, lb = append(la, sa.log), append(lb, sb.log)
		r.note("%s: cold %d/%d: %s %.2f ms, %s %.2f ms", title, i+1, r.n, a.name, sa.firstMS, b.name, sb.firstMS)
	}
	ma.finishCold(la)
	mb.finishCold(lb)
	r.note("%s: %d warm relays each", title, r.warm)
	if err := r.warmRun(ctx, []subject{a, b}, []*Measurement{&ma, &mb}); err != nil {
		return Comparison{}, err
	}
	return newComparison(title, ma, mb), nil
}

func (r runner) note(format string, args ...any) {
	if r.progress != nil {
		fmt.Fprintf(r.progress, format+"\n", args...)
	}
}

// addCold appends one fresh process's numbers.
func (m *Measurement) addCold(s coldSample) {
	m.ReadyMS = append(m.ReadyMS, round3(s.readyMS))
	m.FirstResponseMS = append(m.FirstResponseMS, round3(s.firstMS))
	m.ColdPeakRSSKB = append(m.ColdPeakRSSKB, s.hwmKB)
	m.ColdMinorFaults = append(m.ColdMinorFaults, s.faults)
	m.ColdCPUMS = append(m.ColdCPUMS, round3(s.cpuMS))
}

// finishCold computes the medians and reads the logs of the fresh
// processes: the interface count is the largest any of them reported, or
// -1 when one of them reported none.
func (m *Measurement) finishCold(logs []logSummary) {
	m.ReadyMedianMS = round3(median(m.ReadyMS))
	m.FirstResponseMedianMS = round3(median(m.FirstResponseMS))
	m.ColdPeakRSSMedianKB = medianInt(m.ColdPeakRSSKB)
	m.ColdMinorFaultsMedian = medianInt(m.ColdMinorFaults)
	m.ColdCPUMedianMS = round3(median(m.ColdCPUMS))
	m.InterfacesAtInit = -1
	reported := len(logs) > 0
	for _, l := range logs {
		m.MetricNames = mergeNames(m.MetricNames, l.metricNames)
		reported = reported && l.builtAtInit >= 0
		m.InterfacesAtInit = max(m.InterfacesAtInit, l.builtAtInit)
	}
	if !reported {
		m.InterfacesAtInit = -1
	}
}

// traceInit starts r.n more fresh processes of each of a and b, alternately,
// with GODEBUG=inittrace=1, and reads their package initialisation from
// standard error. They are not timed: writing the trace is work the
// measured processes do not do.
func (r runner) traceInit(ctx context.Context, a, b subject) (InitComparison, error) {
	var ta, tb [][]PackageInit
	for range r.n {
		pa, err := r.traced(ctx, a)
		if err != nil {
			return InitComparison{}, err
		}
		pb, err := r.traced(ctx, b)
		if err != nil {
			return InitComparison{}, err
		}
		ta, tb = append(ta, pa), append(tb, pb)
	}
	return InitComparison{Ours: newInitTrace(ta), Floor: newInitTrace(tb)}, nil
}

// traced runs one process of s, with the init trace on, through one
// checked relay, and parses the trace once the process has ended.
func (r runner) traced(ctx context.Context, s subject) ([]PackageInit, error) {
	s.env = append(slices.Clip(s.env), "GODEBUG=inittrace=1")
	rt, err := r.start(ctx, s)
	if err != nil {
		return nil, err
	}
	_, err = r.invoke(ctx, rt, s)
	if cerr := rt.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	p, err := ParseInitTrace(rt.Stderr())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return p, nil
}
