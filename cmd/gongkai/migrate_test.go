package main

import (
	"strings"
	"testing"
)

func TestMigrate(t *testing.T) {
	dir := t.TempDir()
	if r := gk(t, "migrate", "--data", dir); r.code != 0 || !strings.Contains(r.out, "已应用迁移 00001 (sqlite)") {
		t.Fatalf("first run: code %d, out %q, err %q", r.code, r.out, r.err)
	}
	if r := gk(t, "migrate", "--data", dir); r.code != 0 || !strings.Contains(r.out, "已是最新版本") {
		t.Fatalf("second run: code %d, out %q, err %q", r.code, r.out, r.err)
	}
	if r := gk(t, "migrate", "--db", "mysql://x"); r.code != 1 || !strings.Contains(r.err, "postgres://") {
		t.Errorf("bad --db: code %d, err %q", r.code, r.err)
	}
}
