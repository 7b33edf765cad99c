package config

import "time"

// Config is LEE's configuration, read once at init by Load. It holds
// secrets (Token, the values of Headers); its String, GoString and
// LogValue methods show only whether they are set, so printing or
// logging a Config, or a *Config, never reveals them.
type Config struct {
	// HAURL is Home Assistant's base URL (HA_URL, alias BASE_URL), http
	// or https with a host. Load checks only that much; the gateway runs
	// the stricter security.ValidateBaseURL before use.
	HAURL string
	// Token is the fallback bearer token (HA_TOKEN, alias
	// LONG_LIVED_ACCESS_TOKEN), used only for directives that carry
	// none; "" when unset. Secret.
	Token string
	// TokenParameter names the SSM Parameter Store SecureString holding
	// the fallback token (HA_TOKEN_PARAMETER); "" when unset. When both
	// it and Token are set the parameter is meant to win, Token staying
	// available for when Parameter Store cannot be read.
	TokenParameter string
	// VerifyTLS says whether Home Assistant's certificate is verified
	// (HA_VERIFY_TLS, or NOT_VERIFY_SSL inverted); true by default.
	VerifyTLS bool
	// CAFile is an extra PEM CA bundle (HA_CA_FILE); "" when unset.
	CAFile string
	// ClientCertFile and ClientKeyFile are the PEM client certificate
	// and key for mutual TLS (HA_CLIENT_CERT_FILE, HA_CLIENT_KEY_FILE);
	// both set or both "".
	ClientCertFile string
	ClientKeyFile  string
	// Headers are extra headers sent to Home Assistant (HA_HEADERS),
	// keyed by name as the user wrote it; nil when unset. The values are
	// secrets (a Cloudflare Access service token, for instance).
	Headers map[string]string
	// Timeout bounds the relay to Home Assistant (HA_TIMEOUT); at least
	// MinTimeout and less than Alexa's 8 s limit, 7 s by default.
	Timeout time.Duration
	// Tier is the resource tier (LEE_TIER); TierStandard by default.
	Tier Tier
	// LogLevel is debug, info, warn or error (LOG_LEVEL, or DEBUG=true
	// for debug); info by default.
	LogLevel string
	// Preload lists the interfaces to construct at init (LEE_PRELOAD),
	// lower case, in InterfaceNames order; "all" is expanded to the
	// eleven. nil when unset.
	Preload []string
	// MetricsEnabled says whether metrics are written as Embedded Metric
	// Format lines (LEE_METRICS=emf, the default) or not at all (off).
	MetricsEnabled bool
	// DNSServer is the ip:port of the DNS server used to resolve Home
	// Assistant's name (LEE_DNS_SERVER), for split-horizon DNS and for
	// tests; "" means the system resolver. A host name is refused: it
	// would need a resolver to find the resolver.
	DNSServer string
}

// Environment variable names, primary spellings and aliases.
const (
	VarHAURL          = "HA_URL"
	VarBaseURL        = "BASE_URL"
	VarToken          = "HA_TOKEN"
	VarLongLivedToken = "LONG_LIVED_ACCESS_TOKEN"
	VarTokenParameter = "HA_TOKEN_PARAMETER"
	VarVerifyTLS      = "HA_VERIFY_TLS"
	VarNotVerifySSL   = "NOT_VERIFY_SSL"
	VarCAFile         = "HA_CA_FILE"
	VarClientCertFile = "HA_CLIENT_CERT_FILE"
	VarClientKeyFile  = "HA_CLIENT_KEY_FILE"
	VarHeaders        = "HA_HEADERS"
	VarTimeout        = "HA_TIMEOUT"
	VarTier           = "LEE_TIER"
	VarLogLevel       = "LOG_LEVEL"
	VarDebug          = "DEBUG"
	VarPreload        = "LEE_PRELOAD"
	VarMetrics        = "LEE_METRICS"
	VarDNSServer      = "LEE_DNS_SERVER"
)

// Defaults applied by Load to variables that are unset.
const (
	DefaultTimeout  = 7 * time.Second
	DefaultTier     = TierStandard
	DefaultLogLevel = "info"
	// MaxTimeout is Alexa's limit; HA_TIMEOUT must stay below it.
	MaxTimeout = 8 * time.Second
	// MinTimeout is the shortest HA_TIMEOUT accepted: below it no request
	// to Home Assistant could finish (a TLS handshake alone takes tens of
	// milliseconds), and every directive would fail with a message blaming
	// the time budget.
	MinTimeout = 100 * time.Millisecond
)
