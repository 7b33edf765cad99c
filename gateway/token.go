package gateway

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/lee-engine/lee/config"
)

// FallbackToken is the configured token used for a directive that carries
// none. With HA_TOKEN_PARAMETER set it is that SSM parameter's value, read
// on first use and cached for the tier's SecretTTL; when Parameter Store
// cannot be read, HA_TOKEN (if set) stands in and a warning is logged.
// Without HA_TOKEN_PARAMETER it is HA_TOKEN. It is "" when neither is set.
// A token read from SSM is registered with the logger as a secret.
func (g *Gateway) FallbackToken(ctx context.Context) (string, error) {
	g.calls[Config].fast.Add(1)
	if g.cfg.TokenParameter == "" {
		return g.cfg.Token, nil
	}
	c, err := g.configCore()
	if err != nil {
		return "", err
	}
	tok, err := c.params.Get(ctx, g.cfg.TokenParameter)
	if err != nil {
		if g.cfg.Token != "" {
			g.LogWarn(ctx, "reading "+config.VarTokenParameter+" failed; using "+config.VarToken+" instead",
				slog.String("error", err.Error()))
			return g.cfg.Token, nil
		}
		return "", fmt.Errorf("gateway: fallback token from %s: %w", config.VarTokenParameter, err)
	}
	g.LogSecret(tok)
	return tok, nil
}
