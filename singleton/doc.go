// Package singleton is LEE's singleton module: a typed registry of lazily built process-lifetime values and memory helpers for Lambda.
package singleton
