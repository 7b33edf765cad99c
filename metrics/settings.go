package metrics

import (
	"fmt"
	"io"
	"os"
	"slices"
	"time"
)

// Limits of the EMF document and of this package.
const (
	// MaxNames is the number of distinct metric names a Recorder accepts.
	MaxNames = 10
	// MaxDimensions is the number of dimension keys Settings may carry.
	// EMF allows 30; three keep the number of CloudWatch metrics predictable.
	MaxDimensions = 3
	// MaxValuesLimit is the EMF cap on the values of one metric in one
	// document.
	MaxValuesLimit = 100
	// DefaultMaxValues is used when Settings.MaxValues is zero.
	DefaultMaxValues = MaxValuesLimit
	// DefaultNamespace is used when Settings.Namespace is empty.
	DefaultNamespace = "LEE"
	// FunctionNameKey is the dimension key of LEE metrics.
	FunctionNameKey = "FunctionName"
)

// Settings configures a Recorder.
//
// Namespace is the CloudWatch namespace; "" means DefaultNamespace ("LEE").
//
// Dimensions is the one fixed dimension set applied to every metric, at most
// MaxDimensions keys; keys and values must be printable ASCII and keys must
// not start with "_". nil or empty means no dimension.
//
// Names lists the metric names allowed; any other name is refused with
// ErrUnknownName. nil allows any name, still at most MaxNames distinct ones.
// A list of more than MaxNames distinct names is refused by New.
//
// Writer receives the EMF lines; nil means os.Stdout, where Lambda collects
// them for CloudWatch.
//
// Disabled makes the Recorder accept and drop everything: nothing is
// recorded, counted as refused or written.
//
// MaxValues caps the values one duration metric keeps between two flushes;
// 0 means DefaultMaxValues (100, the EMF limit). It must be between 2 and
// 100. Past it the metric is folded (see Recorder.Flush).
//
// Now gives the timestamp of each line; nil means time.Now.
type Settings struct {
	Namespace  string
	Dimensions map[string]string
	Names      []string
	Writer     io.Writer
	Disabled   bool
	MaxValues  int
	Now        func() time.Time
}

// DefaultDimensions returns the LEE dimension set: FunctionName from
// AWS_LAMBDA_FUNCTION_NAME, or "lee" when it is unset.
func DefaultDimensions() map[string]string {
	name := os.Getenv("AWS_LAMBDA_FUNCTION_NAME")
	if name == "" {
		name = "lee"
	}
	return map[string]string{FunctionNameKey: name}
}

// config is Settings with defaults applied and checked.
type config struct {
	namespace string
	dimKeys   []string // sorted
	dims      map[string]string
	names     []string // sorted, distinct; nil when any name is allowed
	writer    io.Writer
	disabled  bool
	maxValues int
	now       func() time.Time
}

// newConfig applies defaults to s and validates it.
func newConfig(s Settings) (config, error) {
	c := config{namespace: s.Namespace, writer: s.Writer, disabled: s.Disabled, maxValues: s.MaxValues, now: s.Now}
	if c.namespace == "" {
		c.namespace = DefaultNamespace
	}
	if c.writer == nil {
		c.writer = os.Stdout
	}
	if c.maxValues == 0 {
		c.maxValues = DefaultMaxValues
	}
	if c.now == nil {
		c.now = time.Now
	}
	if !printable(c.namespace, 255) {
		return c, fmt.Errorf("namespace %q must be 1 to 255 printable ASCII characters: %w", c.namespace, ErrInvalidSettings)
	}
	if c.maxValues < 2 || c.maxValues > MaxValuesLimit {
		return c, fmt.Errorf("MaxValues %d must be between 2 and %d: %w", c.maxValues, MaxValuesLimit, ErrInvalidSettings)
	}
	if err := c.setDimensions(s.Dimensions); err != nil {
		return c, err
	}
	return c, c.setNames(s.Names)
}

// setDimensions copies and checks the dimension set.
func (c *config) setDimensions(dims map[string]string) error {
	if len(dims) > MaxDimensions {
		return fmt.Errorf("%d dimensions, at most %d: %w", len(dims), MaxDimensions, ErrInvalidSettings)
	}
	c.dims = make(map[string]string, len(dims))
	for k, v := range dims {
		if !printable(k, 255) || k[0] == '_' || k[0] == ':' {
			return fmt.Errorf("dimension key %q: printable ASCII, not starting with _ or ':': %w", k, ErrInvalidSettings)
		}
		if !printable(v, 1024) {
			return fmt.Errorf("dimension %q value must be 1 to 1024 printable ASCII characters: %w", k, ErrInvalidSettings)
		}
		c.dims[k] = v
		c.dimKeys = append(c.dimKeys, k)
	}
	slices.Sort(c.dimKeys)
	return nil
}

// setNames copies and checks the allowed names.
func (c *config) setNames(names []string) error {
	if names == nil {
		return nil
	}
	c.names = make([]string, 0, len(names))
	for _, n := range names {
		if err := c.checkName(n); err != nil {
			return fmt.Errorf("names: %w", err)
		}
		if !slices.Contains(c.names, n) {
			c.names = append(c.names, n)
		}
	}
	if len(c.names) > MaxNames {
		return fmt.Errorf("%d names listed: %w", len(c.names), ErrTooManyNames)
	}
	slices.Sort(c.names)
	return nil
}

// checkName reports whether name can be a root member of the EMF document
// next to "_aws" and the dimension keys.
func (c *config) checkName(name string) error {
	if !printable(name, 255) || name[0] == '_' {
		return fmt.Errorf("%q: %w", name, ErrInvalidName)
	}
	if _, clash := c.dims[name]; clash {
		return fmt.Errorf("%q is a dimension key: %w", name, ErrInvalidName)
	}
	return nil
}

// printable reports whether s is 1 to max bytes of printable ASCII with at
// least one non-space, which CloudWatch accepts for names and dimensions and
// which needs no JSON escaping beyond quotes and backslashes.
func printable(s string, max int) bool {
	if len(s) == 0 || len(s) > max {
		return false
	}
	blank := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
		if s[i] != ' ' {
			blank = false
		}
	}
	return !blank
}
