// Package tools is the root of LEE's tools module: the developer and operator
// tooling that surrounds the Lambda function without ever being linked into
// its bootstrap. The module holds the lee command (cmd/lee: repository checks,
// releases and a module proxy, demo, invoke, Home Assistant simulator,
// benchmarks, free-tier estimate, deployment package, discovery lint and
// set-up doctor), the packages behind
// it (repocheck, release, hasim, harness, rie, floor, bench, freetier, pack,
// discoverylint, doctor, demo), loopback fakes for tests (testpki, fakedns,
// fakessm), the suites that run the built function as a separate process
// (e2e, reliability), the checks that hold the deployment files and documents
// to the code (deploycheck), and the plumbing they share, kept once under
// internal. This package itself only carries the module's Version; README.md
// describes every package and command.
package tools
