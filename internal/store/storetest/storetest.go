// Package storetest opens real, migrated, throw-away stores on both engines
// for tests: a fresh SQLite file, and a fresh schema in the PostgreSQL
// database named by GONGKAI_TEST_PG. Nothing is mocked.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"testing"

	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/testenv"
)

// Engines lists the engines every store test runs on.
var Engines = []store.Dialect{store.SQLite, store.Postgres}

// Each runs fn as a subtest on every engine.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, d := range Engines {
		t.Run(string(d), func(t *testing.T) { fn(t, Open(t, d)) })
	}
}

// Open returns a migrated empty store of dialect d, closed and removed when
// the test ends.
func Open(t testing.TB, d store.Dialect) *store.Store {
	t.Helper()
	ctx := context.Background()
	var (
		s   *store.Store
		err error
	)
	if d == store.Postgres {
		s, err = store.Open(ctx, freshSchema(t), "")
	} else {
		s, err = store.Open(ctx, "", filepath.Join(t.TempDir(), "gongkai.db"))
	}
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate %s: %v", d, err)
	}
	s.SetKeyring(Keyring(t))
	return s
}

// Keyring returns a fresh random personal-data keyring for a test store.
func Keyring(t testing.TB) *secret.Keyring {
	t.Helper()
	k, err := secret.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	kr, err := secret.NewKeyring(k)
	if err != nil {
		t.Fatal(err)
	}
	return kr
}

// PostgresDSN returns a DSN whose search_path is a new, empty schema that is
// dropped when the test ends, so tests never see each other's rows.
func PostgresDSN(t testing.TB) string { return freshSchema(t) }

func freshSchema(t testing.TB) string {
	t.Helper()
	base := testenv.PostgresDSN(t)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("GONGKAI_TEST_PG: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
