// Package bench measures LEE's function against its performance floor and
// reads the measurements back.
//
// RunColdStart builds (when needed) the real bootstrap and the floor
// (tools/floor: the smallest aws-lambda-go relay, built with the same flags),
// starts a simulated Home Assistant on 127.0.0.1 and runs both binaries under
// the loopback Lambda Runtime API of package harness, alternating one process
// of each so that a busy machine slows both alike. For every fresh process it
// records the time from exec to the first request for an event and to the
// first answer of a TurnOn relay; on one long-lived process of each it then
// records the peak resident memory (VmHWM) and the latency of warm relays.
// N more processes of each run with GODEBUG=inittrace=1, untimed, for the
// per-package initialisation (ParseInitTrace); an optional baseline
// bootstrap is measured against the real one in the same way.
// It also reports the binaries' sizes, what the function says it built
// before its first invocation, and the inputs of the free-tier calculator.
//
// RunRelay runs the in-process benchmark of the function module
// (BenchmarkRelay) with go test and parses its output.
//
// Both results print as Markdown tables (WriteColdStart, WriteRelay) that
// ParseTables reads back, and as JSON that ReadColdStart reads back; the
// targets of issue 5 are evaluated from the numbers, never by a timed test.
package bench
