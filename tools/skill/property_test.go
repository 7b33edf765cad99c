package skill_test

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/lee-engine/lee/tools/skill"
)

// TestNewNeverPanics: whatever the user types, New answers a skill or one
// line wrapping one of the package's errors.
func TestNewNeverPanics(t *testing.T) {
	piece := rapid.SampledFrom([]string{
		"https://", "http://", "ha.example.com", ":443", ":8123", "/api", "/", "?", "#", "@", "[::1]", " ",
		"arn:aws:lambda:", "us-east-1", "eu-west-1", ":123456789012", ":function:", "lee", ":live", "$LATEST", "\n", "\x00",
	})
	text := rapid.Custom(func(t *rapid.T) string {
		return strings.Join(rapid.SliceOfN(piece, 0, 8).Draw(t, "pieces"), "")
	})
	rapid.Check(t, func(t *rapid.T) {
		s := skill.Settings{
			HAURL:       rapid.OneOf(text, rapid.Just(haURL)).Draw(t, "url"),
			FunctionARN: rapid.OneOf(text, rapid.SampledFrom([]string{"", usARN, euARN, feARN})).Draw(t, "arn"),
			RegionARNs:  rapid.MapOfN(rapid.SampledFrom([]string{"NA", "eu", "FE", "XX"}), rapid.OneOf(text, rapid.SampledFrom([]string{usARN, euARN, feARN})), 0, 3).Draw(t, "regional"),
			Locales:     rapid.SliceOfN(rapid.OneOf(text, rapid.SampledFrom([]string{"en-US", "de-DE", "ja-JP", "nl-NL", "ar-SA"})), 0, 3).Draw(t, "locales"),
			Events:      rapid.Bool().Draw(t, "events"),
		}
		k, err := skill.New(s)
		if err != nil {
			if !errors.Is(err, skill.ErrLinkingURL) && !errors.Is(err, skill.ErrARN) && !errors.Is(err, skill.ErrSettings) {
				t.Fatalf("error wraps none of the package's errors: %v", err)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r\x00") {
				t.Fatalf("error spans lines: %q", msg)
			}
			return
		}
		if _, err := k.Files(); err != nil {
			t.Fatalf("accepted settings give no files: %v", err)
		}
	})
}
