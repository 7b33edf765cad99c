package gateway

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/lee-engine/lee/config"
)

// Token chooses the bearer token for req, the one place that does so for
// every kind of event: the token the event carries where its row says
// (Row.Token), else the configured fallback. The fallback is the SSM
// parameter HA_TOKEN_PARAMETER names, read through the cache for the tier's
// SecretTTL, or HA_TOKEN; when Parameter Store cannot be read, HA_TOKEN
// (if set) stands in and a warning is logged. It returns "" and no error
// when neither the event nor the configuration holds a token, and an error
// only when the parameter cannot be read and there is no HA_TOKEN. The
// token is registered with the invocation's logger, so no line shows it.
func (g *Gateway) Token(ctx context.Context, req *Request) (string, error) {
	tok := req.Input.Token(req.row.Token)
	if tok == "" {
		var err error
		if tok, err = g.fallbackToken(ctx); err != nil {
			return "", err
		}
	}
	if l, err := g.loggerCore(); err == nil && tok != "" {
		l.AddSecret(ctx, tok)
	}
	return tok, nil
}

// fallbackToken is the configured token for an event that carries none.
func (g *Gateway) fallbackToken(ctx context.Context) (string, error) {
	if g.cfg.TokenParameter == "" {
		return g.cfg.Token, nil
	}
	p, err := g.paramsCore()
	if err != nil {
		return "", err
	}
	tok, err := p.Get(ctx, g.cfg.TokenParameter)
	if err != nil {
		if g.cfg.Token != "" {
			g.LogWarn(ctx, "reading "+config.VarTokenParameter+" failed; using "+config.VarToken+" instead",
				slog.String("error", err.Error()))
			return g.cfg.Token, nil
		}
		return "", fmt.Errorf("gateway: fallback token from %s: %w", config.VarTokenParameter, err)
	}
	return tok, nil
}
