package gateway

// routeSpecs is every pair with a route of its own. Target, Reads and
// Returns are what README.md's route table shows.
func routeSpecs() []routeSpec {
	var all []routeSpec
	for _, part := range [][]routeSpec{
		cacheRoutes(), loggingRoutes(), securityRoutes(), metricsRoutes(), singletonRoutes(),
		httpRoutes(), utilityRoutes(), initRoutes(), lambdaRoutes(), breakerRoutes(), configRoutes(),
	} {
		all = append(all, part...)
	}
	return all
}

// about describes a route for Routes and README.md: the interface module's
// function it reaches, the Args fields it reads, and what it returns.
func about(i Interface, op Operation, target, reads, returns string) Route {
	return Route{Interface: i, Operation: op, Target: target, Reads: reads, Returns: returns}
}

func cacheRoutes() []routeSpec {
	core := (*Gateway).cacheCore
	return []routeSpec{
		hot(about(Cache, OpGet, "cache.(*Cache).Get", "Key", "the value; ErrNotFound on a miss"), core, cacheGet),
		hot(about(Cache, OpSet, "cache.(*Cache).Set", "Key, Value, Duration", "nil"), core, cacheSet),
		hot(about(Cache, OpDelete, "cache.(*Cache).Delete", "Key", "nil"), core, cacheDelete),
		generic(about(Cache, OpCheck, "cache.(*Cache).Exists", "Key", "bool"), core, cacheExists),
		generic(about(Cache, OpCleanup, "cache.(*Cache).RemoveExpired", "-", "int: entries removed"), core, cacheCleanup),
		generic(about(Cache, OpReset, "cache.(*Cache).Clear", "-", "nil"), core, cacheClear),
	}
}

func loggingRoutes() []routeSpec {
	core := (*Gateway).loggerCore
	return []routeSpec{
		generic(about(Logging, OpSet, "logging.(*Logger).SetCorrelationID", "Key", "nil"), core, logCorrelate),
		generic(about(Logging, OpCheck, "logging.(*Logger).Enabled", "Level", "bool"), core, logEnabled),
		generic(about(Logging, OpReset, "logging.(*Logger).StartInvocation", "Key", "nil"), core, logStart),
		hot(about(Logging, OpLog, "logging.(*Logger).Info (Debug, Warn, Error by Level)", "Level, Text, Attrs", "nil"), core, logLine),
		generic(about(Logging, OpFlush, "logging.(*Logger).EndInvocation", "-", "nil"), core, logEnd),
	}
}

func securityRoutes() []routeSpec {
	core := (*Gateway).securityCore
	return []routeSpec{
		hot(about(Security, OpValidate, "security.ValidateEvent", "Data", "nil; *security.ValidationError"), core, securityValidate),
		generic(about(Security, OpCheck, "security.CheckTokenShape", "Text", "nil; *security.ValidationError"), core, securityCheckToken),
		generic(about(Security, OpParse, "security.ValidateBaseURL", "Text", "*url.URL"), core, securityParseURL),
	}
}

func metricsRoutes() []routeSpec {
	core := (*Gateway).metricsCore
	return []routeSpec{
		hot(about(Metrics, OpRecord, "metrics.(*Recorder).Count (Duration for HALatency)", "Key, Number, Duration", "nil"), core, metricsRecord),
		generic(about(Metrics, OpFlush, "metrics.(*Recorder).Flush", "-", "nil"), core, metricsFlush),
	}
}

func singletonRoutes() []routeSpec {
	core := (*Gateway).singletonCore
	return []routeSpec{
		generic(about(Singleton, OpGet, "singleton.ReadMemoryReport", "-", "singleton.MemoryReport"), core, singletonReport),
		generic(about(Singleton, OpOptimize, "singleton.SetSoftMemoryLimit", "Number", "int64: the limit in bytes"), core, singletonOptimize),
	}
}

// httpRoutes has no core of its own to build first: the request needs the
// client and the breaker registry, which callHomeAssistant builds itself.
func httpRoutes() []routeSpec {
	return []routeSpec{
		{Route: about(HTTPClient, OpRequest, "httpclient.(*Client).Do in the home_assistant breaker", "Request", "*HAResult; *HAError"), run: httpRequest},
	}
}

func utilityRoutes() []routeSpec {
	core := (*Gateway).utilityCore
	return []routeSpec{
		generic(about(Utility, OpGet, "utility.Lookup", "Data, Key", "json.RawMessage; ErrNotFound"), core, utilityLookup),
		hot(about(Utility, OpCreate, "utility.NewMessageID", "-", "string"), core, utilityNewID),
	}
}

func initRoutes() []routeSpec {
	core := (*Gateway).initCore
	return []routeSpec{
		generic(about(Initialization, OpGet, "initialization.(*Tracker).Snapshot", "-", "InitSnapshot"), core, initSnapshot),
		generic(about(Initialization, OpRecord, "initialization.(*Tracker).Invocation", "-", "bool: cold start"), core, initInvocation),
	}
}

func lambdaRoutes() []routeSpec {
	core := (*Gateway).lambdaCore
	return []routeSpec{
		generic(about(LambdaIface, OpCreate, "lambdaiface.NewErrorResponse", "Value, Key, Text", "*Response"), core, lambdaErrorResponse),
		generic(about(LambdaIface, OpValidate, "lambdaiface.IsAlexaMessage", "Data", "bool"), core, lambdaIsAlexa),
		generic(about(LambdaIface, OpCheck, "lambdaiface.Classify", "Data", "EventKind"), core, lambdaClassify),
		generic(about(LambdaIface, OpParse, "lambdaiface.DecodeDirective", "Data", "*Directive; *DirectiveError"), core, lambdaDecode),
	}
}

func breakerRoutes() []routeSpec {
	core := (*Gateway).breakerCore
	return []routeSpec{
		generic(about(CircuitBreaker, OpGet, "circuitbreaker.(*Breaker).State", "Key", "string: CLOSED, HALF_OPEN or OPEN"), core, breakerState),
		hot(about(CircuitBreaker, OpExecute, "circuitbreaker.(*Breaker).Execute", "Key, Fn", "nil; Fn's error; ErrBreakerOpen"), core, breakerExecute),
	}
}

func configRoutes() []routeSpec {
	return []routeSpec{
		generic(about(Config, OpGet, "config.Config fields (non-secret only)", "Key", "string; ErrNotFound"), (*Gateway).configCore, configGet),
	}
}
