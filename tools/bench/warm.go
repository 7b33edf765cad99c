package bench

import (
	"context"
	"errors"

	"github.com/lee-engine/lee/tools/harness"
)

// warmRun starts one process per subject, answers one cold invocation on
// each, then r.warm invocations on each in turn (A B A B), and records the
// warm latencies, the peak RSS after them and the log written per
// invocation into ms (one per subject, in the same order).
func (r runner) warmRun(ctx context.Context, subjects []subject, ms []*Measurement) (err error) {
	rts := make([]*harness.Runtime, 0, len(subjects))
	defer func() {
		for _, rt := range rts {
			err = errors.Join(err, rt.Close())
		}
	}()
	for _, s := range subjects {
		rt, err := r.start(ctx, s)
		if err != nil {
			return err
		}
		rts = append(rts, rt)
		if _, err := r.invoke(ctx, rt, s); err != nil {
			return err
		}
	}
	durations := make([][]float64, len(subjects))
	for range r.warm {
		for i, s := range subjects {
			res, err := r.invoke(ctx, rts[i], s)
			if err != nil {
				return err
			}
			durations[i] = append(durations[i], millis(res.Duration))
		}
	}
	for i, rt := range rts {
		_, hwm, err := rt.ProcStatus()
		if err != nil {
			return err
		}
		ms[i].WarmRelays = r.warm
		ms[i].PeakRSSKB = hwm
		ms[i].WarmP50MS = round3(percentile(durations[i], 50))
		ms[i].WarmP99MS = round3(percentile(durations[i], 99))
	}
	for i, rt := range rts {
		if err := rt.Close(); err != nil {
			return err
		}
		l := summarizeLog(rt.Stdout())
		ms[i].LogBytesPerInvocation = round3(float64(l.bytes) / float64(r.warm+1))
		ms[i].MetricNames = mergeNames(ms[i].MetricNames, l.metricNames)
	}
	return nil
}
