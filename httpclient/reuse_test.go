package httpclient_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

// TestReusedValuesFollowEachRequest checks that the reused Authorization
// value and redacted URL always belong to the request at hand: tokens and
// URLs alternate, from goroutines running together, and every request
// carries its own token and every StatusError names its own URL.
func TestReusedValuesFollowEachRequest(t *testing.T) {
	srv, _ := startHTTP(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Token", strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		w.WriteHeader(http.StatusTeapot)
	})
	c := newClient(t, httpclient.Settings{})
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Go(func() {
			token := fmt.Sprintf("token-%d", i%3)
			path := fmt.Sprintf("/path-%d", i%2)
			resp, err := c.Do(budget(t), httpclient.Request{URL: srv.URL + path + "?secret=q", BearerToken: token})
			switch {
			case err != nil:
				errs <- err
			case resp.Header.Get("X-Token") != token:
				errs <- fmt.Errorf("request with %s sent %q", token, resp.Header.Get("X-Token"))
			default:
				if e := httpclient.StatusError(resp); e == nil || !strings.Contains(e.Error(), srv.URL+path+" ") || strings.Contains(e.Error(), "secret") {
					errs <- fmt.Errorf("StatusError for %s = %v", path, e)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
