// Package tools is LEE's tools module: developer and operator tooling: the lee command, Home Assistant simulator, runtime harness, benchmarks and checks.
package tools
