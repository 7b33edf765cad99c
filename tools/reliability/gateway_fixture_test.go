package reliability

import (
	"bytes"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/gateway"
)

// lockedBuffer collects a gateway's output from many goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

// newGateway returns an in-process gateway relaying to haURL with every
// secret of the tests configured and its output going to out; it is closed
// when the test ends.
func newGateway(t *testing.T, haURL string, out io.Writer) *gateway.Gateway {
	t.Helper()
	pki := certs(t)
	cfg := &config.Config{
		HAURL:          haURL,
		Token:          fallbackToken,
		VerifyTLS:      true,
		ClientCertFile: pki.Client.CertFile,
		ClientKeyFile:  pki.Client.KeyFile,
		Headers:        map[string]string{"CF-Access-Client-Secret": headerSecret},
		Timeout:        7 * time.Second,
		Tier:           config.TierStandard,
		LogLevel:       "debug",
		MetricsEnabled: true,
	}
	g, err := gateway.New(cfg, gateway.Options{Stdout: out})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	return g
}
