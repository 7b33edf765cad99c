package logging

import (
	"slices"
	"strings"
)

// minSecretLen is the length below which a value is not treated as a secret:
// replacing every "abc" in a line would make logs unreadable and protect
// nothing worth protecting.
const minSecretLen = 4

// secretSet is an immutable list of secret values, longest first, so that a
// secret containing a shorter one is replaced whole. It is shared through an
// atomic pointer and replaced, never modified, when a secret is added.
type secretSet struct {
	values []string
}

// newSecretSet builds a set from values, dropping short and repeated ones.
func newSecretSet(values []string) *secretSet {
	kept := make([]string, 0, len(values))
	for _, v := range values {
		if len(v) >= minSecretLen && !slices.Contains(kept, v) {
			kept = append(kept, v)
		}
	}
	sortLongestFirst(kept)
	return &secretSet{values: kept}
}

// with returns a set that also holds v, or s itself when v is too short or
// already known.
func (s *secretSet) with(v string) *secretSet {
	if len(v) < minSecretLen || slices.Contains(s.values, v) {
		return s
	}
	values := make([]string, 0, len(s.values)+1)
	values = append(values, s.values...)
	values = append(values, v)
	sortLongestFirst(values)
	return &secretSet{values: values}
}

// sortLongestFirst orders values by decreasing length, ties by text, so the
// replacement order does not depend on the order secrets were added.
func sortLongestFirst(values []string) {
	slices.SortFunc(values, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
}
