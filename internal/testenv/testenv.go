// Package testenv helps tests find the external tools they need: the private
// PostgreSQL cluster, Chromium and axe-core.
//
// Locally a missing tool skips the test. In CI (CI=true, set by .ci/run) the
// same call fails the test instead, so a broken CI setup cannot pass silently
// by skipping everything.
//
// Setup, once per machine (see .ci/run for the full list):
//
//	apt-get install postgresql chromium fonts-noto-cjk
//	npm ci                                         # node_modules/axe-core
//	export GONGKAI_TEST_PG="$(.ci/pg.sh start /tmp/gkpg)"
package testenv

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Environment variables read by this package.
const (
	// EnvPostgres holds the DSN of a PostgreSQL database that tests may use.
	EnvPostgres = "GONGKAI_TEST_PG"
	// EnvChromium overrides the Chromium binary.
	EnvChromium = "CHROMIUM"
	// DefaultChromium is Debian's chromium binary.
	DefaultChromium = "/usr/bin/chromium"
	// axeRelPath is where `npm ci` puts axe-core, relative to the repo root.
	axeRelPath = "node_modules/axe-core/axe.min.js"
)

// Required reports whether missing tools must fail tests instead of skipping
// them, which is the case when the CI environment variable is true (CI=true,
// CI=1).
func Required() bool {
	b, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && b
}

// SkipOrFail skips t with the formatted reason, unless Required(), in which
// case it fails t with t.Fatalf. Either way the calling test stops.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if Required() {
		t.Fatalf("%s (required because CI=true)", msg)
		return
	}
	t.Skip(msg)
}

// PostgresDSN returns GONGKAI_TEST_PG, or calls SkipOrFail when it is empty.
// Tests that use it share one database: give tables or schemas unique names,
// or clean up after themselves.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvPostgres)
	if dsn == "" {
		SkipOrFail(t, "%s is not set; start a cluster with: export %s=\"$(.ci/pg.sh start /tmp/gkpg)\"", EnvPostgres, EnvPostgres)
	}
	return dsn
}

// ChromiumPath returns the Chromium binary: $CHROMIUM if set, else
// /usr/bin/chromium. It calls SkipOrFail when that file is not an executable.
func ChromiumPath(t testing.TB) string {
	t.Helper()
	p := os.Getenv(EnvChromium)
	if p == "" {
		p = DefaultChromium
	}
	fi, err := os.Stat(p)
	if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		SkipOrFail(t, "chromium not found at %s (apt-get install chromium fonts-noto-cjk, or set %s)", p, EnvChromium)
		return ""
	}
	return p
}

// AxeSource returns the contents of node_modules/axe-core/axe.min.js, looked
// for in each directory from the working directory up to the one containing
// go.mod. It calls SkipOrFail when the file is not found (run `npm ci`).
func AxeSource(t testing.TB) []byte {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("testenv: %v", err)
		return nil
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, axeRelPath))
		if err == nil {
			return b
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("testenv: reading axe-core: %v", err)
			return nil
		}
		if isFile(filepath.Join(dir, "go.mod")) {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	SkipOrFail(t, "%s not found (run `npm ci` in the repository root)", axeRelPath)
	return nil
}

// RepoRoot returns the directory containing go.mod, found by walking up from
// the working directory. It fails t if there is none.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("testenv: %v", err)
		return ""
	}
	for {
		if isFile(filepath.Join(dir, "go.mod")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("testenv: no go.mod in the working directory or any parent")
			return ""
		}
		dir = parent
	}
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}
