package config

import (
	"reflect"
	"testing"
)

func TestTierSettings(t *testing.T) {
	low, mid, high := TierMinimum.Settings(), TierStandard.Settings(), TierMaximum.Settings()
	type bounds struct {
		name      string
		l, m, h   int64
		strictlyL bool
	}
	checks := []bounds{
		{"BreakerFailureThreshold", int64(low.BreakerFailureThreshold), int64(mid.BreakerFailureThreshold), int64(high.BreakerFailureThreshold), true},
		{"BreakerOpenTimeout", int64(low.BreakerOpenTimeout), int64(mid.BreakerOpenTimeout), int64(high.BreakerOpenTimeout), true},
		{"BreakerHalfOpenRequests", int64(low.BreakerHalfOpenRequests), int64(mid.BreakerHalfOpenRequests), int64(high.BreakerHalfOpenRequests), false},
		{"LogLineCap", int64(low.LogLineCap), int64(mid.LogLineCap), int64(high.LogLineCap), true},
		{"LogValueRunes", int64(low.LogValueRunes), int64(mid.LogValueRunes), int64(high.LogValueRunes), true},
		{"SecretTTL", int64(low.SecretTTL), int64(mid.SecretTTL), int64(high.SecretTTL), true},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.l <= 0 {
				t.Fatalf("minimum %s = %d, want > 0", c.name, c.l)
			}
			if c.strictlyL && !(c.l < c.m && c.m < c.h) {
				t.Fatalf("%s not increasing across tiers: %d, %d, %d", c.name, c.l, c.m, c.h)
			}
			if !c.strictlyL && !(c.l <= c.m && c.m < c.h) {
				t.Fatalf("%s not growing across tiers: %d, %d, %d", c.name, c.l, c.m, c.h)
			}
		})
	}
	if low.MetricSet != MetricSetEssential || mid.MetricSet != MetricSetAll || high.MetricSet != MetricSetAll {
		t.Fatalf("metric sets = %q, %q, %q", low.MetricSet, mid.MetricSet, high.MetricSet)
	}
}

func TestTierDefaultsToStandard(t *testing.T) {
	for _, tier := range []Tier{"", "gold"} {
		if tier.Valid() {
			t.Fatalf("%q reported valid", tier)
		}
		if !reflect.DeepEqual(tier.Settings(), TierStandard.Settings()) {
			t.Fatalf("Tier(%q).Settings() differs from standard", tier)
		}
	}
	for _, tier := range []Tier{TierMinimum, TierStandard, TierMaximum} {
		if !tier.Valid() {
			t.Fatalf("%q reported invalid", tier)
		}
	}
}
