// Package config turns LEE's environment variables into one typed,
// checked Config, maps the resource tier to concrete numbers, and reads
// the fallback token from SSM Parameter Store when one is configured.
// Load is pure apart from checking that TLS files exist, returns the
// first bad variable as a *VarError whose one line names it, accepts the
// variable names of Home Assistant's Python Lambda as aliases, and never
// prints a token or header value, neither in errors nor when a Config is
// formatted or logged. ParameterStore reads nothing until its first Get,
// and then sends one SigV4-signed GetParameter request of its own rather
// than link the SDK's service/ssm client, whose package initialisation
// would cost every cold start even without HA_TOKEN_PARAMETER.
//
// The variables, their aliases and defaults are listed in the module's
// README and in LEE's design reference ("Configuration contract"):
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
// explains how they are set on a Lambda function.
package config
