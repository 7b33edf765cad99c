package proc

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"testing"
)

// failingWriter refuses every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("tee refused") }

func TestOutputKeepsWhatIsWritten(t *testing.T) {
	copied := new(bytes.Buffer)
	tests := []struct {
		name   string
		tee    io.Writer
		copied *bytes.Buffer // what the tee must have received; nil: unchecked
	}{
		{"no tee", nil, nil},
		{"tee", copied, copied},
		{"failing tee", failingWriter{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := NewOutput(tc.tee)
			for _, part := range []string{"first line\n", "second ", "line\n"} {
				n, err := o.Write([]byte(part))
				if n != len(part) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", part, n, err)
				}
			}
			const want = "first line\nsecond line\n"
			if got := string(o.Bytes()); got != want {
				t.Errorf("Bytes = %q, want %q", got, want)
			}
			if tc.copied != nil && tc.copied.String() != want {
				t.Errorf("tee got %q, want %q", tc.copied.String(), want)
			}
		})
	}
}

func TestOutputBytesIsACopy(t *testing.T) {
	o := NewOutput(nil)
	_, _ = o.Write([]byte("abc"))
	b := o.Bytes()
	b[0] = 'x'
	if got := string(o.Bytes()); got != "abc" {
		t.Errorf("changing the copy changed the output: %q", got)
	}
}

func TestOutputConcurrentWrites(t *testing.T) {
	o := NewOutput(nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				_, _ = o.Write([]byte("ab"))
			}
		})
	}
	wg.Wait()
	if got := len(o.Bytes()); got != 8*100*2 {
		t.Errorf("kept %d bytes, want %d", got, 8*100*2)
	}
}
