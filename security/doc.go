// Package security is LEE's security module: validation of inbound events, tokens and Home Assistant URLs, constant-time comparison and log sanitizing.
package security
