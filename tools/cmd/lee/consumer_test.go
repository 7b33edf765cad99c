package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/demo"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/releasetest"
	"github.com/lee-engine/lee/tools/repocheck"
)

var consumer = flag.Bool("consumer", false, "run TestConsumer (make consumer): release in a temporary clone, "+
	"serve the tags as a module proxy and build consumers outside the workspace; needs git, make and the Go module proxy")

// TestConsumer proves that a released module can be used outside the
// workspace. In a clone of the committed HEAD it tags every module's
// current version, releases a patch of cache and of every module that
// depends on it with lee release, tags them, and serves the tags with lee
// proxy. Then, outside any workspace, with GOWORK=off, an empty module
// cache, GOPROXY=file://<proxy>,<the usual proxy> and no checksum database
// for LEE's modules: a program requiring gateway at its new version relays
// a directive to the Home Assistant simulator; function built that way
// passes the demo that `make demo` runs on the workspace's bootstrap; and a
// program requiring only circuitbreaker downloads no other LEE module.
// Third-party modules come from the Go module proxy; everything the test
// serves itself is on 127.0.0.1.
func TestConsumer(t *testing.T) {
	if !*consumer {
		t.Skip("run with -consumer (make consumer)")
	}
	releasetest.Identity(t)
	t.Setenv("GOWORK", "")
	root := repoRootForTest(t)
	start := time.Now()
	clone := cloneHead(t, root)
	lee(t, "release", "--tag", "--root", clone)
	released := releaseWithDependents(t, clone, "cache")
	for _, m := range []string{"cache", "gateway", "function"} {
		if released[m] == "" {
			t.Fatalf("releasing cache and its dependents did not release %s: %v", m, released)
		}
	}
	lee(t, "release", "--tag", "--root", clone)
	proxy := filepath.Join(t.TempDir(), "proxy")
	lee(t, "proxy", "--root", clone, "--out", proxy)
	versions, err := repocheck.ReadManifest(clone)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("released %v and built the proxy in %s", released, time.Since(start).Round(time.Second))

	modcache := consumerEnv(t, proxy)
	t.Run("gateway relays one directive", func(t *testing.T) { consumeGateway(t, versions) })
	t.Run("function passes the demo", func(t *testing.T) { consumeFunction(t, root, versions) })
	t.Run("no test-only module is downloaded", func(t *testing.T) { noTestOnlyDownloads(t, modcache) })
	t.Run("circuitbreaker alone", func(t *testing.T) { consumeBreakerAlone(t, versions) })
	t.Logf("TestConsumer took %s", time.Since(start).Round(time.Second))
}

// consumeGateway builds testdata/consumer/relay against gateway's release
// and relays one directive to the simulator with it.
func consumeGateway(t *testing.T, versions map[string]string) {
	start := time.Now()
	dir := consumerModule(t, "relay", "gateway", versions["gateway"])
	bin := filepath.Join(dir, "relay")
	goRun(t, dir, nil, "build", "-o", bin, ".")
	requireDeps(t, bin, map[string]string{"gateway": versions["gateway"], "cache": versions["cache"]})
	sim, err := hasim.Start(hasim.Settings{Tokens: []string{demo.Token}}, hasim.DefaultAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	out := run(t, dir, []string{"LEE_CONSUMER_TOKEN=" + demo.Token}, bin, sim.URL())
	if want := "gateway " + versions["gateway"] + ": HTTP 200 Alexa.Discovery Discover.Response\n"; out != want {
		t.Errorf("relay printed %q, want %q", out, want)
	}
	reqs := sim.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/api/alexa/smart_home" || !reqs[0].TokenMatched {
		t.Errorf("Home Assistant saw %+v, want one Smart Home request with the token", reqs)
	}
	t.Logf("built and ran in %s", time.Since(start).Round(time.Second))
}

// consumeFunction builds function from its release as make bootstrap
// builds it and runs the demo against it.
func consumeFunction(t *testing.T, root string, versions map[string]string) {
	start := time.Now()
	dir := consumerModule(t, "", "function", versions["function"])
	bin := filepath.Join(dir, "bootstrap")
	if err := harness.BuildPackage(t.Context(), dir, repocheck.RepoPrefix+"function", bin, runtime.GOARCH); err != nil {
		t.Fatal(err)
	}
	requireDeps(t, bin, map[string]string{"function": versions["function"], "gateway": versions["gateway"], "cache": versions["cache"]})
	var report bytes.Buffer
	if err := demo.Run(t.Context(), demo.Settings{Binary: bin, Root: root, Out: &report}); err != nil {
		t.Fatalf("demo against the consumer-built function: %v\n%s", err, report.String())
	}
	t.Logf("built and passed the demo in %s", time.Since(start).Round(time.Second))
}

// noTestOnlyDownloads fails when the consumers' module cache holds a
// library that LEE's modules require only in their tests.
func noTestOnlyDownloads(t *testing.T, modcache string) {
	got := downloaded(t, modcache)
	t.Logf("downloaded for gateway and function: %s", strings.Join(got, " "))
	for _, testOnly := range []string{"go.uber.org/goleak", "pgregory.net/rapid", "github.com/santhosh-tekuri/jsonschema/v6"} {
		if slices.Contains(got, testOnly) {
			t.Errorf("%s, required only by tests, was downloaded", testOnly)
		}
	}
}

// consumeBreakerAlone builds testdata/consumer/breaker, which requires only
// circuitbreaker, with a module cache of its own, and fails when any other
// LEE module was downloaded.
func consumeBreakerAlone(t *testing.T, versions map[string]string) {
	alone := filepath.Join(t.TempDir(), "modcache")
	t.Setenv("GOMODCACHE", alone)
	dir := consumerModule(t, "breaker", "circuitbreaker", versions["circuitbreaker"])
	bin := filepath.Join(dir, "breaker")
	goRun(t, dir, nil, "build", "-o", bin, ".")
	if out, want := run(t, dir, nil, bin), "circuitbreaker "+versions["circuitbreaker"]+"\n"; out != want {
		t.Errorf("breaker printed %q, want %q", out, want)
	}
	got := downloaded(t, alone)
	if !slices.Contains(got, "github.com/sony/gobreaker/v2") {
		t.Errorf("the module cache does not hold circuitbreaker's own dependency: %v", got)
	}
	var lee []string
	for _, p := range got {
		if strings.HasPrefix(p, repocheck.RepoPrefix) {
			lee = append(lee, p)
		}
	}
	// DESIGN.md lets an interface module import utility too; the day
	// circuitbreaker does, utility belongs in this list.
	if want := []string{repocheck.RepoPrefix + "circuitbreaker"}; !slices.Equal(lee, want) {
		t.Errorf("a consumer of circuitbreaker alone downloaded these LEE modules: %v, want %v", lee, want)
	}
}

// releaseWithDependents releases a patch of first, then of every module
// lee release reports as changed, until none is left, and returns the
// released versions.
func releaseWithDependents(t *testing.T, clone, first string) map[string]string {
	t.Helper()
	noteUnreleased(t, clone, first)
	released := map[string]string{}
	queue := []string{first}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if released[m] != "" {
			continue
		}
		versions, err := repocheck.ReadManifest(clone)
		if err != nil {
			t.Fatal(err)
		}
		released[m] = nextPatch(t, versions[m])
		out := lee(t, "release", m, released[m], "--write", "--root", clone)
		queue = append(queue, changedModules(out)...)
	}
	return released
}

// changedModules reads the modules lee release says need their own release.
func changedModules(out string) []string {
	const lead = "changed, so each needs its own release (dependencies first): "
	for _, line := range strings.Split(out, "\n") {
		if list, ok := strings.CutPrefix(line, lead); ok {
			return strings.Split(list, ", ")
		}
	}
	return nil
}

// noteUnreleased gives module's CHANGELOG.md an Unreleased entry and commits
// it, as a developer does before a release.
func noteUnreleased(t *testing.T, clone, module string) {
	t.Helper()
	path := module + "/CHANGELOG.md"
	log := releasetest.ReadFile(t, clone, path)
	const note = "- A patch release made by TestConsumer.\n"
	if strings.Contains(log, "\n## Unreleased\n") {
		log = strings.Replace(log, "\n## Unreleased\n", "\n## Unreleased\n\n"+note, 1)
	} else {
		i := strings.Index(log, "\n## ")
		if i < 0 {
			t.Fatalf("%s has no entry to put the Unreleased section above", path)
		}
		log = log[:i+1] + "## Unreleased\n\n" + note + "\n" + log[i+1:]
	}
	releasetest.WriteFile(t, clone, path, log)
	releasetest.Commit(t, clone, module+": note a patch release")
}

// downloaded lists the module paths that have a folder in the module
// cache's download cache.
func downloaded(t *testing.T, modcache string) []string {
	t.Helper()
	base := filepath.Join(modcache, "cache", "download")
	var paths []string
	err := filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() != "@v" {
			return err
		}
		rel, err := filepath.Rel(base, filepath.Dir(path))
		paths = append(paths, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	return paths
}
