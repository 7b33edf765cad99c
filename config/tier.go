package config

import "time"

// Tier selects how much LEE spends on logs, metrics and calls to Parameter
// Store, and how patient it is with a failing Home Assistant: it sets the
// fallback token's cache TTL, tunes the circuit breaker, caps the log
// lines and values, and picks the metric set.
type Tier string

// The three tiers, from the leanest to the most generous.
const (
	// TierMinimum keeps caches small and short-lived, trips the breaker
	// early and emits only the essential metrics.
	TierMinimum Tier = "minimum"
	// TierStandard is the default balance for a typical home.
	TierStandard Tier = "standard"
	// TierMaximum favours warm caches and tolerance of a flaky Home
	// Assistant over memory.
	TierMaximum Tier = "maximum"
)

// Metric set names, as TierSettings.MetricSet carries them.
const (
	// MetricSetEssential is the five metrics that tell whether Alexa is
	// being answered: Directives, ColdStart, HALatency,
	// BridgeUnreachable, InternalError.
	MetricSetEssential = "essential"
	// MetricSetAll is all ten LEE metrics.
	MetricSetAll = "all"
)

// TierSettings are the numbers a tier stands for. Every field is set by
// Tier.Settings; the zero value is not meant to be used.
//
// BreakerFailureThreshold is how many consecutive failures open the
// Home Assistant circuit breaker.
// BreakerOpenTimeout is how long the open breaker refuses calls before
// letting a trial request through.
// BreakerHalfOpenRequests is how many trial requests the half-open
// breaker admits.
// LogLineCap is the most log lines one invocation may write; the rest
// are dropped and counted (a hostile answer cannot flood CloudWatch Logs).
// LogValueRunes is the most runes one logged value may take.
// MetricSet is MetricSetEssential or MetricSetAll.
// SecretTTL is how long the fallback token read from SSM Parameter Store
// stays in the cache before it is read again, so a rotated token is used
// within that time without a cold start.
type TierSettings struct {
	BreakerFailureThreshold uint32
	BreakerOpenTimeout      time.Duration
	BreakerHalfOpenRequests uint32
	LogLineCap              int
	LogValueRunes           int
	MetricSet               string
	SecretTTL               time.Duration
}

// Settings returns the numbers of tier t. A tier that is not one of the
// three constants (the zero Tier included) gets TierStandard's settings,
// so a hand-built Config without a tier behaves like the default.
func (t Tier) Settings() TierSettings {
	switch t {
	case TierMinimum:
		return TierSettings{
			BreakerFailureThreshold: 3,
			BreakerOpenTimeout:      10 * time.Second,
			BreakerHalfOpenRequests: 1,
			LogLineCap:              50,
			LogValueRunes:           1024,
			MetricSet:               MetricSetEssential,
			SecretTTL:               2 * time.Minute,
		}
	case TierMaximum:
		return TierSettings{
			BreakerFailureThreshold: 10,
			BreakerOpenTimeout:      60 * time.Second,
			BreakerHalfOpenRequests: 3,
			LogLineCap:              1000,
			LogValueRunes:           16384,
			MetricSet:               MetricSetAll,
			SecretTTL:               15 * time.Minute,
		}
	default:
		return TierSettings{
			BreakerFailureThreshold: 5,
			BreakerOpenTimeout:      30 * time.Second,
			BreakerHalfOpenRequests: 1,
			LogLineCap:              200,
			LogValueRunes:           4096,
			MetricSet:               MetricSetAll,
			SecretTTL:               5 * time.Minute,
		}
	}
}

// Valid reports whether t is one of the three tiers.
func (t Tier) Valid() bool {
	return t == TierMinimum || t == TierStandard || t == TierMaximum
}
