// Package config is LEE's config module: typed configuration from the environment, tiers and lazily loaded SSM Parameter Store secrets.
package config
