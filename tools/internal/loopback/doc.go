// Package loopback finds addresses on 127.0.0.1 for the tools and their
// tests, which never listen on or dial anything else.
package loopback
