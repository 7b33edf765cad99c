// Package proc holds the process plumbing shared by the tools that run a
// Lambda bootstrap as a child process (tools/harness with its own Runtime
// API, tools/rie under AWS's emulator): the binary checked and made
// absolute, a minimal inherited environment (PATH, HOME, TMPDIR), a child
// started in a process group of its own and reaped in the background,
// stopped with SIGTERM and then SIGKILL to the whole group, and its output
// kept in memory while it is passed on to an optional tee.
//
// Process groups are a Unix notion; elsewhere Stop and Kill end only the
// child itself, at once.
package proc
