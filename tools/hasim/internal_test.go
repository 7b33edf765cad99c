package hasim

import (
	"math"
	"regexp"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lee-engine/lee/tools/internal/uuid"
)

func TestColorConversion(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := rapid.Float64Range(0, 359.9).Draw(t, "hue")
		s := rapid.Float64Range(0, 1).Draw(t, "saturation")
		b := rapid.Float64Range(0, 1).Draw(t, "brightness")
		r, g, bl := hsbToRGB(h, s, b)
		for _, c := range []int{r, g, bl} {
			if c < 0 || c > 255 {
				t.Fatalf("hsbToRGB(%v, %v, %v) = %d %d %d", h, s, b, r, g, bl)
			}
		}
		hue, sat := rgbToHS(hsbToRGB(h, 1, 1))
		diff := math.Abs(hue - h)
		if diff > 180 {
			diff = 360 - diff
		}
		if diff > 1.5 || sat != 100 {
			t.Fatalf("full colour %v came back as %v/%v", h, hue, sat)
		}
	})
	tests := []struct {
		r, g, b  int
		hue, sat float64
	}{
		{255, 0, 0, 0, 100}, {0, 255, 0, 120, 100}, {0, 0, 255, 240, 100}, {128, 128, 128, 0, 0}, {255, 128, 128, 0, 49.804},
	}
	for _, tc := range tests {
		if h, s := rgbToHS(tc.r, tc.g, tc.b); h != tc.hue || s != tc.sat {
			t.Errorf("rgbToHS(%d,%d,%d) = %v,%v want %v,%v", tc.r, tc.g, tc.b, h, s, tc.hue, tc.sat)
		}
	}
}

func TestIDs(t *testing.T) {
	v4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	ulid := regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{26}$`)
	seen := map[string]bool{}
	for range 50 {
		id := uuid.New()
		if !v4.MatchString(id) || seen[id] {
			t.Fatalf("message id %q", id)
		}
		seen[id] = true
	}
	early := newContextID(time.UnixMilli(1_000))
	late := newContextID(time.UnixMilli(2_000_000_000_000))
	if !ulid.MatchString(early) || !ulid.MatchString(late) || early[:10] >= late[:10] {
		t.Errorf("context ids %q, %q", early, late)
	}
}

func TestPyFloat(t *testing.T) {
	for in, want := range map[float64]string{40: "40.0", 40.5: "40.5", -3: "-3.0", 21.25: "21.25"} {
		if got := pyFloat(in); got != want {
			t.Errorf("pyFloat(%v) = %q, want %q", in, got, want)
		}
	}
}
