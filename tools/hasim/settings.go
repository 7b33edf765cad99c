package hasim

import (
	"crypto/tls"
	"log/slog"
)

// Settings configures a simulated Home Assistant. The zero value is a plain
// HTTP server with the Alexa integration enabled that accepts no token.
//
//   - Tokens are the long-lived access tokens accepted as
//     "Authorization: Bearer <token>". A request carrying none of them gets
//     401 on every path that needs authentication. Nil: none accepted.
//   - AlexaDisabled simulates a Home Assistant without the alexa
//     integration: /api/alexa/smart_home and /api/alexa then answer
//     "404: Not Found", whatever the token. False: both are served.
//   - TLSConfig, when not nil, makes Start serve HTTPS with it; the caller
//     provides the certificates. HTTP/2 is never offered, as aiohttp does not
//     offer it. Nil: see SelfSignedTLS.
//   - SelfSignedTLS makes Start generate a throwaway CA and a certificate for
//     127.0.0.1, ::1 and localhost signed by it; CAPEM returns the CA. It is
//     ignored when TLSConfig is set. False: plain HTTP.
//   - Logger receives one debug record per request (method, path, status,
//     fault, whether the token matched), never a token. Nil: nothing logged.
type Settings struct {
	Tokens        []string
	AlexaDisabled bool
	TLSConfig     *tls.Config
	SelfSignedTLS bool
	Logger        *slog.Logger
}

// DefaultAddr is where Start listens when given an empty address: a free
// port on the IPv4 loopback.
const DefaultAddr = "127.0.0.1:0"

// maxRequestBody mirrors Home Assistant's HTTP server, which refuses request
// bodies over 16 MiB.
const maxRequestBody = 16 << 20
