package metrics

import "errors"

// Errors returned by New and by the record methods; test with errors.Is.
var (
	// ErrTooManyNames refuses an eleventh distinct metric name (or a Names
	// list longer than MaxNames): past ten, CloudWatch custom metrics stop
	// being free.
	ErrTooManyNames = errors.New("more than 10 distinct metric names")
	// ErrUnknownName refuses a name that Settings.Names does not list.
	ErrUnknownName = errors.New("metric name not allowed")
	// ErrInvalidName refuses a name CloudWatch or the EMF document cannot
	// carry: empty, over 255 bytes, not printable ASCII, starting with "_",
	// or equal to a dimension key.
	ErrInvalidName = errors.New("invalid metric name")
	// ErrInvalidValue refuses NaN, infinities, negative durations and values
	// whose running sum would overflow.
	ErrInvalidValue = errors.New("invalid metric value")
	// ErrUnitMismatch refuses Count on a duration metric or Duration on a
	// counter.
	ErrUnitMismatch = errors.New("metric recorded with another unit")
	// ErrInvalidSettings reports Settings that New cannot accept.
	ErrInvalidSettings = errors.New("invalid metrics settings")
)
