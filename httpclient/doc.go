// Package httpclient is LEE's httpclient module: a shared keep-alive HTTP client with TLS options, request budgets, a safe retry rule and classified errors.
package httpclient
