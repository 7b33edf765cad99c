// Package hasimcmd is the command-line front of the Home Assistant
// simulator, run as "lee ha-sim": it parses the flags, starts a
// hasim.Server on a loopback address, prints where it listens and serves
// until its context ends (SIGINT or SIGTERM in lee).
package hasimcmd
