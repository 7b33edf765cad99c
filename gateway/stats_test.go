package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
)

// usedGateway is a gateway after two typed calls, two Execute calls on the
// cache (one fast, one generic) and one unroutable call.
func usedGateway(t *testing.T) *Gateway {
	t.Helper()
	g, _ := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	steps := []error{
		g.CacheSet("k", 1, 0), // fast (typed)
		g.BreakerExecute("upstream", func() error { return nil }), // fast (typed)
	}
	for _, op := range []Operation{OpGet, OpCheck} { // fast (table), generic
		_, err := g.Execute(ctx, Cache, op, Args{Key: "k"})
		steps = append(steps, err)
	}
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.Execute(ctx, Cache, OpBackup, Args{}); !errors.Is(err, ErrUnroutable) { // generic
		t.Fatalf("cache BACKUP: %v; want ErrUnroutable", err)
	}
	return g
}

func TestStats(t *testing.T) {
	s := usedGateway(t).Stats()
	if s.Version != Version || s.Constructed != 2 {
		t.Errorf("version %q, constructed %d; want %q and 2", s.Version, s.Constructed, Version)
	}
	c := s.Interfaces[Cache]
	if c.Interface != "cache" || c.Version != coreVersions[Cache] || !c.Constructed || c.Constructions != 1 ||
		c.FastRoutes != 3 || c.FastCalls != 2 || c.GenericCalls != 2 || c.Construction <= 0 {
		t.Errorf("cache row %+v", c)
	}
	if b := s.Interfaces[CircuitBreaker]; !b.Constructed || b.FastCalls != 1 || b.FastRoutes != 1 {
		t.Errorf("circuitbreaker row %+v", b)
	}
	if s.FastRoutes != 4 || s.Breakers["upstream"] != "CLOSED" || len(s.Breakers) != 1 {
		t.Errorf("fast routes %d, breakers %v; want 4 and upstream CLOSED", s.FastRoutes, s.Breakers)
	}
	for _, i := range []Interface{Logging, Metrics, HTTPClient, Config} {
		if r := s.Interfaces[i]; r.Constructed || r.FastCalls+r.GenericCalls != 0 {
			t.Errorf("%s row %+v; want untouched", i, r)
		}
	}
}

func TestStatsJSON(t *testing.T) {
	s := usedGateway(t).Stats()
	var decoded struct {
		Version     string            `json:"version"`
		Constructed int               `json:"constructed"`
		FastRoutes  int               `json:"fastRoutes"`
		Breakers    map[string]string `json:"breakers"`
		Interfaces  []map[string]any  `json:"interfaces"`
	}
	if err := json.Unmarshal(s.JSON(), &decoded); err != nil {
		t.Fatalf("Stats.JSON is not JSON: %v", err)
	}
	if decoded.Version != Version || decoded.Constructed != 2 || decoded.FastRoutes != 4 ||
		len(decoded.Interfaces) != int(numInterfaces) || decoded.Breakers["upstream"] != "CLOSED" {
		t.Fatalf("decoded stats %+v", decoded)
	}
	row := decoded.Interfaces[Cache]
	want := map[string]any{"interface": "cache", "version": coreVersions[Cache], "constructed": true,
		"constructions": 1.0, "failedConstructions": 0.0, "fastRoutes": 3.0, "fastCalls": 2.0, "genericCalls": 2.0}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("JSON cache row %s = %v; want %v", k, row[k], v)
		}
	}
	if us, ok := row["constructionMicros"].(float64); !ok || us <= 0 {
		t.Errorf("JSON constructionMicros = %v; want a positive number", row["constructionMicros"])
	}
	if len(row) != 9 {
		t.Errorf("JSON cache row has %d members: %v; want 9", len(row), row)
	}
}
