package config

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The sentinel errors below classify a failed ParameterStore.Get for
// errors.Is. The errors Get returns name the parameter, never a value.
var (
	// ErrParameterNotFound: the parameter (or the requested version)
	// does not exist, or it exists with an empty value.
	ErrParameterNotFound = errors.New("parameter not found")
	// ErrAccessDenied: the function's role may not read the parameter or
	// use the KMS key that decrypts it.
	ErrAccessDenied = errors.New("access denied")
	// ErrThrottled: Parameter Store refused the call for its rate limit,
	// on every attempt the default client was allowed.
	ErrThrottled = errors.New("throttled")
)

// DefaultSecretTTL is how long ParameterStore reuses a value when
// StoreSettings.TTL is zero.
const DefaultSecretTTL = 5 * time.Minute

// ParameterClient is the one Parameter Store call ParameterStore makes:
// GetParameter returns the decrypted value of the parameter name. The
// default client implements it over HTTPS; tests and other callers can
// supply their own through StoreSettings.NewClient. Errors should wrap
// ErrParameterNotFound, ErrAccessDenied or ErrThrottled where they apply;
// ParameterStore adds the parameter's name.
type ParameterClient interface {
	GetParameter(ctx context.Context, name string) (string, error)
}

// Cache is where a ParameterStore keeps the values it read, each for a
// TTL. The cache module's *cache.Cache satisfies it; config does not import
// it, so that each module stays usable alone.
type Cache interface {
	Get(key string) (any, bool)
	Set(key string, value any, ttl time.Duration) error
}

// StoreSettings configures a ParameterStore.
//
// Cache keeps each value read for TTL, so that a rotated parameter is read
// again once its TTL has passed, without a cold start; nil means nothing
// is kept and every Get calls Parameter Store.
//
// TTL is how long a value is kept; zero or negative means
// DefaultSecretTTL (5 minutes). Tier.Settings().SecretTTL is the intended
// source.
//
// NewClient builds the client on the first Get that needs it; nil means
// the default: SigV4-signed GetParameter requests over the credentials
// and region the Lambda runtime puts in the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
// AWS_REGION or AWS_DEFAULT_REGION), sent to AWS_ENDPOINT_URL_SSM or
// AWS_ENDPOINT_URL when set, with throttling retried up to
// AWS_MAX_ATTEMPTS attempts (default 3).
type StoreSettings struct {
	Cache     Cache
	TTL       time.Duration
	NewClient func(ctx context.Context) (ParameterClient, error)
}

// ParameterStore reads SecureString parameters from SSM Parameter Store,
// decrypted, and keeps each value in its Cache for a TTL. No client is
// built and no AWS variable is read until the first Get: a function
// configured without HA_TOKEN_PARAMETER never pays for it. A
// ParameterStore is safe for concurrent use; reads that miss the cache are
// made one at a time, so concurrent Gets of a name share one SSM call.
// Create it with NewParameterStore.
type ParameterStore struct {
	settings StoreSettings

	// turn admits one caller at a time to build the client and call SSM;
	// unlike a mutex, waiting for it respects the caller's context.
	turn   chan struct{}
	client ParameterClient // built under turn; nil until then
}

// NewParameterStore returns a ParameterStore using s. It is cheap: it
// builds no client and reads no AWS variable.
func NewParameterStore(s StoreSettings) *ParameterStore {
	if s.TTL <= 0 {
		s.TTL = DefaultSecretTTL
	}
	if s.NewClient == nil {
		s.NewClient = newDefaultClient
	}
	return &ParameterStore{settings: s, turn: make(chan struct{}, 1)}
}

// Get returns the decrypted value of the parameter name, with surrounding
// white space removed (as Load removes it from environment values), from
// the cache while it is fresh, else from Parameter Store. A value of white
// space only counts as empty (ErrParameterNotFound). The client is built
// on the first call that needs it; when building fails, the next call
// tries again. Errors wrap ErrParameterNotFound, ErrAccessDenied,
// ErrThrottled or the underlying cause, and the context's error when it
// ends first.
func (p *ParameterStore) Get(ctx context.Context, name string) (string, error) {
	if p == nil || p.turn == nil {
		return "", errors.New("config: ParameterStore used without NewParameterStore")
	}
	if name == "" {
		return "", errors.New("config: get SSM parameter: empty name")
	}
	if v, ok := p.cached(name); ok {
		return v, nil
	}
	select {
	case p.turn <- struct{}{}:
	case <-ctx.Done():
		return "", fmt.Errorf("config: get SSM parameter %q: %w", name, ctx.Err())
	}
	defer func() { <-p.turn }()
	if v, ok := p.cached(name); ok {
		return v, nil
	}
	v, err := p.fetch(ctx, name)
	if err != nil {
		return "", err
	}
	if c := p.settings.Cache; c != nil {
		// A value that cannot be kept is still good for this call.
		_ = c.Set(cacheKey(name), v, p.settings.TTL)
	}
	return v, nil
}

// cacheKey is the cache key of parameter name.
func cacheKey(name string) string { return "ssm:" + name }

func (p *ParameterStore) cached(name string) (string, bool) {
	if p.settings.Cache == nil {
		return "", false
	}
	v, ok := p.settings.Cache.Get(cacheKey(name))
	s, isString := v.(string)
	return s, ok && isString
}

// fetch builds the client if needed and reads name; the caller holds turn.
func (p *ParameterStore) fetch(ctx context.Context, name string) (string, error) {
	if p.client == nil {
		client, err := p.settings.NewClient(ctx)
		if err != nil {
			return "", fmt.Errorf("config: get SSM parameter %q: build SSM client: %w", name, err)
		}
		if client == nil {
			return "", fmt.Errorf("config: get SSM parameter %q: build SSM client: no client returned", name)
		}
		p.client = client
	}
	v, err := p.client.GetParameter(ctx, name)
	if err != nil {
		return "", fmt.Errorf("config: get SSM parameter %q: %w", name, err)
	}
	// Trimmed as environment values are: a token pasted into the console
	// with a trailing newline is still the token.
	if v = strings.TrimSpace(v); v == "" {
		return "", fmt.Errorf("config: get SSM parameter %q: %w: the answer carries no value", name, ErrParameterNotFound)
	}
	return v, nil
}
