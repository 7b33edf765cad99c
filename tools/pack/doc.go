// Package pack builds LEE's deployment package: a zip that holds the
// function's bootstrap binary and nothing else, written so that the same
// binary always gives the same bytes, with a SHA-256 checksum beside it in
// sha256sum's format, and a copy under the architecture-free name that
// deploy/template.yaml deploys.
//
// Reproducibility comes from fixing everything a zip tool usually takes from
// the machine: one entry named bootstrap, mode 0755, a fixed MS-DOS
// modification time (2020-01-01 00:00 UTC), Deflate at a fixed level, no
// extra fields (no extended timestamps, no uid/gid), no data descriptor and
// no comment. Before writing, the binary is checked to be a Linux ELF
// executable for the architecture the package is named after, so that an
// amd64 build is never shipped as arm64 (Lambda would fail with
// Runtime.InvalidEntrypoint).
//
// Lambda's requirements for a custom runtime package are described in
// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-provided.html.
package pack
