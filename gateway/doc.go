// Package gateway is LEE's gateway module: the single universal gateway through which the function reaches every interface module.
package gateway
