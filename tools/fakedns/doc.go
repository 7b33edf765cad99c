// Package fakedns is a tiny authoritative DNS server on 127.0.0.1 for tests:
// it answers A queries for the names it is given and NXDOMAIN for every other
// name, over UDP, with nothing but the standard library (the query is parsed
// by hand; see RFC 1035, section 4).
//
// Point a net.Resolver at it (PreferGo, with a Dial that ignores the address
// it is handed and dials Server.Addr) to test what a client does when a name
// resolves somewhere unexpected or does not resolve at all, without touching
// the machine's resolver.
package fakedns
