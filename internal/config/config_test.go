package config

import (
	"flag"
	"path/filepath"
	"testing"
)

func TestDefaultsAndFlags(t *testing.T) {
	t.Setenv("GONGKAI_DB", "")
	t.Setenv("GONGKAI_DATA", "")
	t.Setenv("GONGKAI_ADDR", "")
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatalf("default config invalid: %v", err)
	}
	if c.IsPostgres() || c.SQLitePath() != filepath.Join("data", "gongkai.db") {
		t.Fatalf("default store: %v %s", c.IsPostgres(), c.SQLitePath())
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if err := fs.Parse([]string{"--db", "postgres://u@h/db", "--data", "/srv/gk", "--addr", ":9000", "--no-demo"}); err != nil {
		t.Fatal(err)
	}
	if !c.IsPostgres() || c.DataDir != "/srv/gk" || c.Addr != ":9000" || !c.NoDemo || c.FilesDir() != "/srv/gk/files" {
		t.Fatalf("flags not applied: %+v", c)
	}
}

func TestEnvironmentAndValidation(t *testing.T) {
	t.Setenv("GONGKAI_DB", "postgresql://u@h/db")
	t.Setenv("GONGKAI_DATA", "/var/lib/gongkai")
	c := Default()
	if !c.IsPostgres() || c.DataDir != "/var/lib/gongkai" {
		t.Fatalf("environment not read: %+v", c)
	}
	c.DB = "mysql://x"
	if c.Validate() == nil {
		t.Fatal("unsupported database accepted")
	}
	c.DB, c.DataDir = "", " "
	if c.Validate() == nil {
		t.Fatal("empty data dir accepted")
	}
}
