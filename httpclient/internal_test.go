package httpclient

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"net/url"
	"strings"
	"testing"
	"testing/iotest"

	"pgregory.net/rapid"
)

// TestPropertyRedactURLDropsCredentials: whatever user info, query and
// fragment a URL carries, none of it survives redaction.
func TestPropertyRedactURLDropsCredentials(t *testing.T) {
	word := rapid.StringMatching(`[A-Za-z0-9._~-]{6,20}`)
	rapid.Check(t, func(t *rapid.T) {
		user, pass, query, frag := word.Draw(t, "user"), word.Draw(t, "pass"), word.Draw(t, "query"), word.Draw(t, "fragment")
		path := "/" + rapid.StringMatching(`[a-z/]{0,12}`).Draw(t, "path")
		u := url.URL{Scheme: "https", User: url.UserPassword(user, pass), Host: "ha.example:8123",
			Path: path, RawQuery: "token=" + query, Fragment: frag}
		got := redactURL(u.String())
		for _, secret := range []string{user, pass, query, frag} {
			if strings.Contains(got, secret) {
				t.Fatalf("redactURL(%q) = %q keeps %q", u.String(), got, secret)
			}
		}
		if !strings.HasPrefix(got, "https://ha.example:8123") {
			t.Fatalf("redactURL lost the host: %q", got)
		}
	})
}

// TestPropertyScrubMasksEverySecret: a secret placed anywhere in an error
// text is gone from the scrubbed text and from its whole chain.
func TestPropertyScrubMasksEverySecret(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		secret := rapid.StringMatching(`[!-~]{1,24}`).Draw(t, "secret")
		before, after := rapid.String().Draw(t, "before"), rapid.String().Draw(t, "after")
		err := scrub(errors.Join(errors.New(before+secret+after)), []string{"", secret})
		for e := err; e != nil; e = errors.Unwrap(e) {
			if strings.Contains(e.Error(), secret) {
				t.Fatalf("scrubbed error %q still holds %q", e.Error(), secret)
			}
		}
	})
}

func TestScrubKeepsCleanErrors(t *testing.T) {
	orig := errors.New("dial tcp: connection refused")
	if got := scrub(orig, []string{"token"}); got != orig {
		t.Fatalf("scrub replaced an error holding no secret: %v", got)
	}
}

// TestPropertyReadBodyLimit: a body is returned whole and in order when
// it fits the limit and refused as too large otherwise, whatever length is
// declared (true, short, long or none) and however the reader cuts it up,
// on both sides of joinAbove, where a body of unknown length starts being
// kept in several buffers.
func TestPropertyReadBodyLimit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		limit := rapid.Int64Range(0, 3*joinAbove).Draw(t, "limit")
		body := make([]byte, rapid.IntRange(0, 3*joinAbove+100).Draw(t, "size"))
		for i := range body {
			body[i] = byte(i % 251) // a prime period: a misplaced piece shows
		}
		size := int64(len(body))
		declared := rapid.SampledFrom([]int64{-1, size, max(size-1, 0), size + 1}).Draw(t, "declared")
		r := &cutReader{r: bytes.NewReader(body), max: rapid.IntRange(1, 3*joinAbove).Draw(t, "readSize")}
		got, err := readBody(context.Background(), io.NopCloser(r), declared, limit)
		if size > limit || declared > limit {
			if !errors.Is(err, errTooLarge) {
				t.Fatalf("%d bytes (%d declared) over limit %d: err = %v", size, declared, limit, err)
			}
			return
		}
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("%d bytes (%d declared) within limit %d: got %d bytes, %v", size, declared, limit, len(got), err)
		}
	})
}

// cutReader hands out at most max bytes per Read, as a connection does.
type cutReader struct {
	r   io.Reader
	max int
}

func (c *cutReader) Read(p []byte) (int, error) {
	return c.r.Read(p[:min(len(p), c.max)])
}

// TestReadBodyHugeLimit: the largest limit does not overflow the
// one-byte-past check.
func TestReadBodyHugeLimit(t *testing.T) {
	got, err := readBody(context.Background(), io.NopCloser(strings.NewReader("abc")), -1, math.MaxInt64)
	if err != nil || string(got) != "abc" {
		t.Fatalf("readBody = %q, %v", got, err)
	}
}

// TestReadBodyError: a failing read is an error, not a short body.
func TestReadBodyError(t *testing.T) {
	for _, declared := range []int64{-1, 10} {
		r := io.MultiReader(strings.NewReader("12345"), iotest.ErrReader(io.ErrUnexpectedEOF))
		if _, err := readBody(context.Background(), io.NopCloser(r), declared, 100); !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("declared %d: err = %v, want the reader's error", declared, err)
		}
	}
}

// TestReadBodyEndsWithTheContext: a body that never delivers another
// byte (as the raw connection of a protocol switch) is closed when the
// context ends, and the read returns.
func TestReadBodyEndsWithTheContext(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := readBody(ctx, pr, -1, 100)
		done <- err
	}()
	if _, err := pw.Write([]byte("12345")); err != nil { // the reader is running
		t.Fatal(err)
	}
	cancel()
	if err := <-done; !errors.Is(err, io.ErrClosedPipe) {
		t.Fatalf("readBody after the context ended = %v, want the closed body's error", err)
	}
}
