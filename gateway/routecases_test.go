package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/security"
	"github.com/lee-engine/lee/singleton"
)

// routeCase drives one route through Execute and checks the core's real
// result. exec runs (iface, op) with the given Args.
type routeCase func(t *testing.T, env *routeEnv)

// routeEnv is what a route case works with.
type routeEnv struct {
	g    *Gateway
	out  *syncBuffer
	r    Route
	exec func(a Args) (any, error)
}

// run executes another pair on the same gateway, failing on error.
func (e *routeEnv) run(t *testing.T, i Interface, op Operation, a Args) any {
	t.Helper()
	v, err := e.g.Execute(context.Background(), i, op, a)
	if err != nil {
		t.Fatalf("%s %s: %v", i, op, err)
	}
	return v
}

func (e *routeEnv) want(t *testing.T, a Args, want any) {
	t.Helper()
	got, err := e.exec(a)
	if err != nil || got != want {
		t.Fatalf("%s %s = %v, %v; want %v", e.r.Interface, e.r.Operation, got, err, want)
	}
}

func (e *routeEnv) wantErr(t *testing.T, a Args, target error) {
	t.Helper()
	got, err := e.exec(a)
	if !errors.Is(err, target) || got != nil {
		t.Fatalf("%s %s = %v, %v; want nil and an error matching %v", e.r.Interface, e.r.Operation, got, err, target)
	}
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func cacheRouteCases() map[string]routeCase {
	set := func(t *testing.T, e *routeEnv) {
		e.want(t, Args{Key: "light", Value: "on"}, nil)
		if v, ok := e.g.CacheGet("light"); !ok || v != "on" {
			t.Fatalf("after %s: CacheGet = %v, %v; want on", e.r.Operation, v, ok)
		}
	}
	return map[string]routeCase{
		"cache GET": func(t *testing.T, e *routeEnv) {
			e.run(t, Cache, OpSet, Args{Key: "light", Value: "on"})
			e.want(t, Args{Key: "light"}, "on")
			e.wantErr(t, Args{Key: "lamp"}, ErrNotFound)
		},
		"cache SET":    set,
		"cache CREATE": set,
		"cache UPDATE": func(t *testing.T, e *routeEnv) {
			e.run(t, Cache, OpSet, Args{Key: "light", Value: "off"})
			set(t, e)
		},
		"cache DELETE": func(t *testing.T, e *routeEnv) {
			e.run(t, Cache, OpSet, Args{Key: "light", Value: "on"})
			e.want(t, Args{Key: "light"}, nil)
			if _, ok := e.g.CacheGet("light"); ok {
				t.Fatal("DELETE left the key in place")
			}
		},
		"cache CHECK": func(t *testing.T, e *routeEnv) {
			e.run(t, Cache, OpSet, Args{Key: "light", Value: "on"})
			e.want(t, Args{Key: "light"}, true)
			e.want(t, Args{Key: "lamp"}, false)
		},
		"cache CLEANUP": func(t *testing.T, e *routeEnv) {
			e.run(t, Cache, OpSet, Args{Key: "brief", Value: 1, Duration: 1}) // 1 ns: expired at once
			e.run(t, Cache, OpSet, Args{Key: "light", Value: "on"})
			e.want(t, Args{}, 1)
			if _, ok := e.g.CacheGet("light"); !ok {
				t.Fatal("CLEANUP removed a live entry")
			}
		},
		"cache RESET": func(t *testing.T, e *routeEnv) {
			e.run(t, Cache, OpSet, Args{Key: "a", Value: 1})
			e.run(t, Cache, OpSet, Args{Key: "b", Value: 2})
			e.want(t, Args{}, nil)
			if _, ok := e.g.CacheGet("a"); ok {
				t.Fatal("RESET left entries")
			}
		},
	}
}

func loggingRouteCases() map[string]routeCase {
	lastLine := func(t *testing.T, e *routeEnv) map[string]any {
		t.Helper()
		lines := e.out.lines(t)
		if len(lines) == 0 {
			t.Fatal("no log line written")
		}
		return lines[len(lines)-1]
	}
	return map[string]routeCase{
		"logging LOG": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Level: slog.LevelWarn, Text: "HA slow", Attrs: []slog.Attr{slog.Int("ms", 900)}}, nil)
			if l := lastLine(t, e); l["msg"] != "HA slow" || l["level"] != "WARN" || l["ms"] != 900.0 {
				t.Fatalf("line %v; want the message, level and attribute", l)
			}
		},
		"logging CHECK": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Level: slog.LevelDebug}, false)
			e.want(t, Args{Level: slog.LevelError}, true)
		},
		"logging SET": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Key: "msg-42"}, nil)
			e.run(t, Logging, OpLog, Args{Level: slog.LevelInfo, Text: "x"})
			if l := lastLine(t, e); l["correlationId"] != "msg-42" {
				t.Fatalf("line %v; want correlationId msg-42", l)
			}
		},
		"logging RESET": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Key: "req-9"}, nil)
			e.run(t, Logging, OpLog, Args{Level: slog.LevelInfo, Text: "x"})
			if l := lastLine(t, e); l["requestId"] != "req-9" {
				t.Fatalf("line %v; want requestId req-9", l)
			}
		},
		"logging FLUSH": func(t *testing.T, e *routeEnv) {
			e.run(t, Logging, OpReset, Args{Key: "req-1"})
			for range 250 { // past the 200-line cap
				e.run(t, Logging, OpLog, Args{Level: slog.LevelInfo, Text: "chatty"})
			}
			e.want(t, Args{}, nil)
			if l := lastLine(t, e); l["dropped"] != 50.0 {
				t.Fatalf("last line %v; want the cap's summary with dropped=50", l)
			}
		},
	}
}

func securityRouteCases() map[string]routeCase {
	return map[string]routeCase{
		"security VALIDATE": func(t *testing.T, e *routeEnv) {
			req, _ := turnOn(t)
			e.want(t, Args{Data: req}, nil)
			deep := `{"a":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`
			e.wantErr(t, Args{Data: []byte(deep)}, security.ErrTooDeep)
			e.wantErr(t, Args{Data: []byte(`{"a":`)}, security.ErrNotJSON)
		},
		"security CHECK": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Text: sampleToken}, nil)
			e.wantErr(t, Args{Text: "two words"}, security.ErrBadToken)
		},
		"security PARSE": func(t *testing.T, e *routeEnv) {
			got, err := e.exec(Args{Text: "HTTPS://HA.example.com:8123/ha/"})
			u, ok := got.(*url.URL)
			if err != nil || !ok || u.String() != "https://ha.example.com:8123/ha" {
				t.Fatalf("PARSE = %v, %v; want the normalized URL", got, err)
			}
			e.wantErr(t, Args{Text: "ftp://ha.example.com"}, security.ErrBadURL)
		},
	}
}

func metricsRouteCases() map[string]routeCase {
	record := func(t *testing.T, e *routeEnv) {
		e.run(t, Metrics, OpRecord, Args{Key: MetricDirectives, Number: 2})
		e.run(t, Metrics, OpRecord, Args{Key: MetricHALatency, Duration: 1500000})
		e.run(t, Metrics, OpFlush, Args{})
		lines := e.out.emfLines(t)
		if len(lines) != 1 || lines[0][MetricDirectives] != 2.0 || lines[0]["FunctionName"] != "lee-test" {
			t.Fatalf("EMF lines %v; want one line with Directives=2 and the FunctionName dimension", lines)
		}
		if lat := lines[0][MetricHALatency]; lat != 1.5 {
			t.Fatalf("HALatency %v; want 1.5 (milliseconds)", lat)
		}
	}
	return map[string]routeCase{
		"metrics RECORD": record,
		"metrics FLUSH":  record,
	}
}

func singletonRouteCases() map[string]routeCase {
	return map[string]routeCase{
		"singleton GET": func(t *testing.T, e *routeEnv) {
			got, err := e.exec(Args{})
			m, ok := got.(singleton.MemoryReport)
			if err != nil || !ok || m.HeapSysBytes == 0 || m.RSSKB <= 0 {
				t.Fatalf("GET = %+v, %v; want a memory report with heap and RSS figures", got, err)
			}
		},
		"singleton OPTIMIZE": func(t *testing.T, e *routeEnv) {
			t.Setenv(singleton.MemorySizeVar, "1024")
			prev := debug.SetMemoryLimit(-1)
			t.Cleanup(func() { debug.SetMemoryLimit(prev) })
			e.want(t, Args{Number: 0.5}, int64(512<<20))
			if got := debug.SetMemoryLimit(-1); got != 512<<20 {
				t.Fatalf("runtime memory limit %d; want %d", got, 512<<20)
			}
		},
	}
}

func httpRouteCases() map[string]routeCase {
	return map[string]routeCase{
		"httpclient REQUEST": func(t *testing.T, e *routeEnv) {
			req, resp := turnOn(t)
			got, err := e.exec(Args{Request: &HARequest{Path: SmartHomePath, Token: sampleToken, Body: req}})
			res, ok := got.(*HAResult)
			if err != nil || !ok || res.Status != http.StatusOK || string(res.Body) != string(resp) {
				t.Fatalf("REQUEST = %v, %v; want Home Assistant's answer", got, err)
			}
			e.wantErr(t, Args{}, ErrBadArgs)
		},
	}
}

func utilityRouteCases() map[string]routeCase {
	return map[string]routeCase{
		"utility GET": func(t *testing.T, e *routeEnv) {
			req, _ := turnOn(t)
			got, err := e.exec(Args{Data: req, Key: "directive.header.name"})
			if raw, ok := got.(json.RawMessage); err != nil || !ok || string(raw) != `"TurnOn"` {
				t.Fatalf("GET = %s, %v; want \"TurnOn\"", got, err)
			}
			e.wantErr(t, Args{Data: req, Key: "directive.nothing"}, ErrNotFound)
		},
		"utility CREATE": func(t *testing.T, e *routeEnv) {
			a, _ := e.exec(Args{})
			b, _ := e.exec(Args{})
			if s, ok := a.(string); !ok || !uuidV4.MatchString(s) || a == b {
				t.Fatalf("CREATE = %v then %v; want two different v4 UUIDs", a, b)
			}
		},
	}
}

func initRouteCases() map[string]routeCase {
	invocations := func(t *testing.T, e *routeEnv) uint64 {
		return e.run(t, Initialization, OpGet, Args{}).(InitSnapshot).Invocations
	}
	record := func(t *testing.T, e *routeEnv) {
		before := invocations(t, e)
		if _, ok := e.run(t, Initialization, OpRecord, Args{}).(bool); !ok {
			t.Fatal("RECORD did not report whether the start is cold")
		}
		if after := invocations(t, e); after != before+1 {
			t.Fatalf("invocations %d then %d; want one more", before, after)
		}
	}
	return map[string]routeCase{
		"initialization GET":    record,
		"initialization RECORD": record,
	}
}

func lambdaRouteCases() map[string]routeCase {
	return map[string]routeCase{
		"lambdaiface PARSE": func(t *testing.T, e *routeEnv) {
			req, _ := turnOn(t)
			got, err := e.exec(Args{Data: req})
			if d, ok := got.(*Directive); err != nil || !ok || d.Header.Name != "TurnOn" {
				t.Fatalf("PARSE = %v, %v; want the TurnOn directive", got, err)
			}
			var de *DirectiveError
			if got, err := e.exec(Args{Data: []byte(`{"directive":{}}`)}); got != nil || !errors.As(err, &de) {
				t.Fatalf("PARSE of a headless directive = %v, %v; want a *DirectiveError", got, err)
			}
		},
		"lambdaiface CHECK": func(t *testing.T, e *routeEnv) {
			req, _ := turnOn(t)
			e.want(t, Args{Data: req}, KindSmartHome)
			e.want(t, Args{Data: []byte(`{"warmup":true}`)}, KindWarmup)
		},
		"lambdaiface VALIDATE": func(t *testing.T, e *routeEnv) {
			_, resp := turnOn(t)
			e.want(t, Args{Data: resp}, true)
			e.want(t, Args{Data: []byte("<html>login</html>")}, false)
		},
		"lambdaiface CREATE": func(t *testing.T, e *routeEnv) {
			req, _ := turnOn(t)
			d := e.run(t, LambdaIface, OpParse, Args{Data: req}).(*Directive)
			got, err := e.exec(Args{Value: d, Key: string(ErrBridgeUnreachable), Text: "Home Assistant is down"})
			r, ok := got.(*Response)
			if err != nil || !ok || r.Event.Header.Name != "ErrorResponse" || r.Event.Header.CorrelationToken != d.Header.CorrelationToken {
				t.Fatalf("CREATE = %v, %v; want an ErrorResponse keeping the correlation token", got, err)
			}
			b, _ := json.Marshal(r)
			if strings.Contains(string(b), sampleToken) {
				t.Fatalf("ErrorResponse echoes the token: %s", b)
			}
			checkAlexaMessage(t, b)
			e.wantErr(t, Args{Value: "not a directive"}, ErrBadArgs)
		},
	}
}

func breakerRouteCases() map[string]routeCase {
	boom := errors.New("boom")
	return map[string]routeCase{
		"circuitbreaker EXECUTE": func(t *testing.T, e *routeEnv) {
			calls := 0
			fail := func() error { calls++; return boom }
			for range 5 { // the standard tier's threshold
				e.wantErr(t, Args{Key: "upstream", Fn: fail}, boom)
			}
			e.wantErr(t, Args{Key: "upstream", Fn: fail}, ErrBreakerOpen)
			if calls != 5 {
				t.Fatalf("Fn called %d times; want 5 (the open breaker must not call it)", calls)
			}
			e.wantErr(t, Args{Key: "upstream"}, ErrBadArgs)
		},
		"circuitbreaker GET": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Key: "upstream"}, "CLOSED")
			for range 5 {
				_, _ = e.g.Execute(context.Background(), CircuitBreaker, OpExecute,
					Args{Key: "upstream", Fn: func() error { return boom }})
			}
			e.want(t, Args{Key: "upstream"}, "OPEN")
		},
	}
}

func configRouteCases() map[string]routeCase {
	return map[string]routeCase{
		"config GET": func(t *testing.T, e *routeEnv) {
			e.want(t, Args{Key: config.VarTier}, "standard")
			e.want(t, Args{Key: config.VarTimeout}, "7s")
			e.wantErr(t, Args{Key: config.VarToken}, ErrNotFound)
			e.wantErr(t, Args{Key: config.VarHeaders}, ErrNotFound)
		},
	}
}

// allRouteCases is one case per route and per fallback pair but STATUS,
// which TestFallbackStatus covers for every interface.
func allRouteCases() map[string]routeCase {
	all := map[string]routeCase{}
	for _, m := range []map[string]routeCase{
		cacheRouteCases(), loggingRouteCases(), securityRouteCases(), metricsRouteCases(),
		singletonRouteCases(), httpRouteCases(), utilityRouteCases(), initRouteCases(),
		lambdaRouteCases(), breakerRouteCases(), configRouteCases(),
	} {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
}
