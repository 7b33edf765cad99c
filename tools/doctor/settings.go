package doctor

import "time"

// Defaults applied to zero Settings fields.
const (
	// DefaultTimeout is Alexa's own limit on an answer: a request that
	// takes longer is one Alexa never sees.
	DefaultTimeout = 8 * time.Second
	// DefaultWarnLatency leaves the function half of Alexa's budget for
	// its cold start and the network between AWS and the home.
	DefaultWarnLatency = 4 * time.Second
	// DefaultFailLatency is the default HA_TIMEOUT: slower answers are cut
	// off by LEE.
	DefaultFailLatency = 7 * time.Second
	// DefaultExpiryWarning is how close to its end a certificate is
	// reported: two weeks leaves time to notice a failed renewal.
	DefaultExpiryWarning = 14 * 24 * time.Hour
	// MaxAnswerBytes is Lambda's limit on a synchronous response (6 MiB),
	// which is also the largest Home Assistant answer LEE accepts.
	MaxAnswerBytes = 6 << 20
)

// Settings configure one diagnosis.
//
//   - URL is Home Assistant's base URL, as HA_URL would hold it. Required.
//   - Token is a Home Assistant access token (a long-lived access token).
//     Secret: it is sent only as a bearer token and scrubbed from every
//     finding. Empty: the token step fails and the HTTP steps do not run.
//   - TokenSource names where the token came from, for messages (for
//     example the environment variable "HA_TOKEN"). Empty: "the token".
//   - Headers are extra request headers, as HA_HEADERS holds them (a
//     Cloudflare Access service token, say). Their values are secret.
//     Nil: none.
//   - CAFile is a PEM bundle trusted in addition to the system's roots,
//     like HA_CA_FILE. Empty: the system's roots alone.
//   - DNSServer is the host:port of the DNS server to resolve the URL's
//     host with, like LEE_DNS_SERVER. Empty: the system resolver.
//   - Timeout bounds each network step and each HTTP request. Zero:
//     DefaultTimeout.
//   - WarnLatency and FailLatency grade the Discovery's round trip.
//     Zero: DefaultWarnLatency and DefaultFailLatency.
//   - ExpiryWarning is how long before its expiry a certificate gets a
//     warning. Zero: DefaultExpiryWarning.
//   - SchemaPath is the Alexa Smart Home message schema the Discovery
//     answer is validated against. Empty: structural checks only.
//   - Now gives the time certificates are checked at. Nil: time.Now.
type Settings struct {
	URL           string
	Token         string
	TokenSource   string
	Headers       map[string]string
	CAFile        string
	DNSServer     string
	Timeout       time.Duration
	WarnLatency   time.Duration
	FailLatency   time.Duration
	ExpiryWarning time.Duration
	SchemaPath    string
	Now           func() time.Time
}

func (s Settings) withDefaults() Settings {
	if s.Timeout <= 0 {
		s.Timeout = DefaultTimeout
	}
	if s.WarnLatency <= 0 {
		s.WarnLatency = DefaultWarnLatency
	}
	if s.FailLatency <= 0 {
		s.FailLatency = DefaultFailLatency
	}
	if s.ExpiryWarning <= 0 {
		s.ExpiryWarning = DefaultExpiryWarning
	}
	if s.TokenSource == "" {
		s.TokenSource = "the token"
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	return s
}
