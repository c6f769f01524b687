package testenv

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTB records Skip and Fatalf instead of stopping the test.
type fakeTB struct {
	testing.TB
	skipped, failed bool
	msg             string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Skip(args ...any) {
	f.skipped, f.msg = true, fmt.Sprint(args...)
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed, f.msg = true, fmt.Sprintf(format, args...)
}

func TestRequired(t *testing.T) {
	for v, want := range map[string]bool{"": false, "true": true, "1": true, "false": false, "yes": false} {
		t.Setenv("CI", v)
		if got := Required(); got != want {
			t.Errorf("CI=%q: Required() = %v, want %v", v, got, want)
		}
	}
}

func TestSkipOrFail(t *testing.T) {
	t.Setenv("CI", "")
	f := &fakeTB{TB: t}
	SkipOrFail(f, "no %s", "tool")
	if !f.skipped || f.failed || f.msg != "no tool" {
		t.Errorf("CI unset: skipped=%v failed=%v msg=%q", f.skipped, f.failed, f.msg)
	}

	t.Setenv("CI", "true")
	f = &fakeTB{TB: t}
	SkipOrFail(f, "no %s", "tool")
	if f.skipped || !f.failed || !strings.HasPrefix(f.msg, "no tool") {
		t.Errorf("CI=true: skipped=%v failed=%v msg=%q", f.skipped, f.failed, f.msg)
	}
}

func TestRepoRoot(t *testing.T) {
	root := RepoRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("module gongkai\n")) {
		t.Errorf("%s/go.mod does not declare module gongkai", root)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "testenv", "testenv.go")); err != nil {
		t.Errorf("RepoRoot() = %s, which does not hold this package: %v", root, err)
	}
}

func TestRepoRootNone(t *testing.T) {
	t.Chdir(t.TempDir()) // the temp dir's parents are assumed to have no go.mod
	f := &fakeTB{TB: t}
	if got := RepoRoot(f); got != "" || !f.failed {
		t.Errorf("RepoRoot outside a module = %q, failed=%v", got, f.failed)
	}
}

func TestPostgresDSN(t *testing.T) {
	t.Setenv(EnvPostgres, "postgres://x@127.0.0.1:1/db")
	if got := PostgresDSN(t); got != "postgres://x@127.0.0.1:1/db" {
		t.Errorf("PostgresDSN = %q", got)
	}

	t.Setenv(EnvPostgres, "")
	t.Setenv("CI", "")
	f := &fakeTB{TB: t}
	if got := PostgresDSN(f); got != "" || !f.skipped {
		t.Errorf("empty %s: got %q, skipped=%v", EnvPostgres, got, f.skipped)
	}
}

func TestChromiumPath(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chromium")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvChromium, exe)
	if got := ChromiumPath(t); got != exe {
		t.Errorf("ChromiumPath = %q, want %q", got, exe)
	}

	t.Setenv("CI", "true")
	t.Setenv(EnvChromium, filepath.Join(dir, "missing"))
	f := &fakeTB{TB: t}
	if got := ChromiumPath(f); got != "" || !f.failed {
		t.Errorf("missing chromium with CI=true: got %q, failed=%v", got, f.failed)
	}
}

func TestAxeSource(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "internal", "web")
	axe := filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	for _, d := range []string{sub, filepath.Dir(axe)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	t.Setenv("CI", "")

	f := &fakeTB{TB: t}
	if got := AxeSource(f); got != nil || !f.skipped {
		t.Errorf("no axe.min.js: got %d bytes, skipped=%v", len(got), f.skipped)
	}

	if err := os.WriteFile(axe, []byte("window.axe={}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := string(AxeSource(t)); got != "window.axe={}" {
		t.Errorf("AxeSource = %q", got)
	}
	if got := RepoRoot(t); got != root {
		t.Errorf("RepoRoot from %s = %q, want %q", sub, got, root)
	}
}

// TestCIEnvironment checks, under CI=true, that .ci/run provided every tool.
func TestCIEnvironment(t *testing.T) {
	if !Required() {
		t.Skip("only checked with CI=true")
	}
	if PostgresDSN(t) == "" {
		t.Error("empty DSN")
	}
	if ChromiumPath(t) == "" {
		t.Error("no chromium")
	}
	if src := AxeSource(t); !bytes.Contains(src, []byte("axe")) {
		t.Errorf("axe.min.js looks wrong (%d bytes)", len(src))
	}
}
