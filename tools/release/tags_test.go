package release

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/releasetest"
)

func tagNames(tags []Tag) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.String()
	}
	return out
}

func TestCreateTags(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	ctx := context.Background()
	created, err := CreateTags(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cache/v0.1.0", "circuitbreaker/v0.1.0", "utility/v0.1.0", "gateway/v0.1.0", "function/v0.1.0", "tools/v0.1.0"}
	if !reflect.DeepEqual(tagNames(created), want) {
		t.Errorf("created %v, want %v (dependencies first)", tagNames(created), want)
	}
	if kind := strings.TrimSpace(releasetest.Git(t, root, "cat-file", "-t", "gateway/v0.1.0")); kind != "tag" {
		t.Errorf("gateway/v0.1.0 is a %s, want an annotated tag", kind)
	}
	if again, err := CreateTags(ctx, root); err != nil || len(again) != 0 {
		t.Errorf("second run created %v, %v; want nothing", again, err)
	}
	if _, err := Release(ctx, Settings{Root: root, Module: "gateway", Version: "0.1.1", Date: releaseDate, Write: true, Sync: noSync}); err != nil {
		t.Fatal(err)
	}
	pending, err := PendingTags(ctx, root)
	if err != nil || !reflect.DeepEqual(tagNames(pending), []string{"gateway/v0.1.1"}) {
		t.Fatalf("pending after releasing gateway = %v, %v", tagNames(pending), err)
	}
	created, err = CreateTags(ctx, root)
	if err != nil || !reflect.DeepEqual(tagNames(created), []string{"gateway/v0.1.1"}) {
		t.Fatalf("created %v, %v", tagNames(created), err)
	}
	tagged := strings.TrimSpace(releasetest.Git(t, root, "rev-parse", "gateway/v0.1.1^{commit}"))
	if tagged != head(t, root) {
		t.Errorf("gateway/v0.1.1 is on %s, want the release commit %s", tagged, head(t, root))
	}
}

func TestCreateTagsRefuses(t *testing.T) {
	tests := map[string]struct {
		breaks func(t *testing.T, root string)
		want   error
	}{
		"dirty tree": {func(t *testing.T, root string) { releasetest.WriteFile(t, root, "cache/version.go", "package cache\n") }, ErrDirtyTree},
		"inconsistent versions": {func(t *testing.T, root string) {
			releasetest.WriteFile(t, root, "versions.yaml", strings.Replace(releasetest.ReadFile(t, root, "versions.yaml"), "cache: 0.1.0", "cache: 0.1.1", 1))
			releasetest.Commit(t, root, "manifest ahead")
		}, ErrInconsistent},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			releasetest.Identity(t)
			root := releasetest.Repo(t)
			tc.breaks(t, root)
			created, err := CreateTags(context.Background(), root)
			if !errors.Is(err, tc.want) || len(created) > 0 {
				t.Errorf("created %v, err = %v; want none and %v", created, err, tc.want)
			}
			if tags := releasetest.Git(t, root, "tag", "--list"); tags != "" {
				t.Errorf("tags were created:\n%s", tags)
			}
		})
	}
}
