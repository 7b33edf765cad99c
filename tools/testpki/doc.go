// Package testpki generates, at test time, the certificates LEE's TLS tests
// need: a CA and a server certificate for 127.0.0.1 and localhost, an expired
// server certificate, one valid only for another host name, an unrelated
// second CA with a server certificate of its own, and a client CA with a
// client certificate for mutual TLS. Everything is ECDSA P-256, made with
// crypto/x509 only, written as PEM files into a caller-chosen folder, and
// also returned parsed together with ready tls.Config values.
//
// Issue makes one certificate in memory from a Spec, signed by a parent or
// self-signed; Generate is built on it, and so is the throwaway CA of the
// Home Assistant simulator (tools/hasim).
//
// Nothing is checked in: keys generated per run cannot leak from the
// repository or expire in it.
package testpki
