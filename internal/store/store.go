// Package store holds all SQL of Gongkai. The same code runs on the embedded
// SQLite database (modernc.org/sqlite) and on PostgreSQL (pgx); queries are
// written once with ? placeholders and rebound for PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// ErrNotFound is returned by reads that find no row.
var ErrNotFound = errors.New("store: not found")

// ErrConflict is returned when a unique value is already taken.
var ErrConflict = errors.New("store: conflict")

// Dialect names the SQL engine behind a Store.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is the database. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect Dialect
	conn
	apps appState // 依申请公开: personal-data keys and calendar cache (application_*.go)
}

// Open connects to PostgreSQL when dsn starts with postgres:// and otherwise
// opens (creating it when needed) the SQLite file at sqlitePath.
func Open(ctx context.Context, dsn, sqlitePath string) (*Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, sqlitePath)
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	// _txlock=immediate: a deferred transaction that later writes cannot wait
	// through busy_timeout; measured here, 8 writers got 83,187 SQLITE_BUSY
	// errors in 2 s without it and none with it (docs/tech-notes).
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(0)
	return finishOpen(ctx, db, SQLite)
}

func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return finishOpen(ctx, db, Postgres)
}

func finishOpen(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect %s: %w", d, err)
	}
	return &Store{db: db, dialect: d, conn: conn{q: db, pg: d == Postgres, gen: new(atomic.Uint64), srch: new(searchHook)}}, nil
}

// Close releases the database.
func (s *Store) Close() error { return s.db.Close() }

// Dialect reports the engine.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks the database answers (for /readyz).
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// DB exposes the pool for migrations and benchmarks; application code uses
// the typed methods.
func (s *Store) DB() *sql.DB { return s.db }

// tx runs fn in one transaction, rolling back on error.
func (s *Store) tx(ctx context.Context, fn func(c conn) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(conn{q: t, pg: s.conn.pg, gen: s.gen, srch: s.srch}); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.gen.Add(1)
	return nil
}

// Generation changes after every committed write of content (not after
// session or audit bookkeeping), so caches of rendered pages know when to
// drop what they hold.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn runs queries written with ? placeholders on either engine.
type conn struct {
	q   querier
	pg  bool
	gen *atomic.Uint64 // bumped by content writes; see Store.Generation
	// srch is the search index hook, shared by the Store and its
	// transactions, so document writes update the index in their own
	// transaction (search_index.go).
	srch *searchHook
}

// exec runs a write. Outside a transaction it bumps the generation itself;
// inside one, tx bumps it at commit.
func (c conn) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := c.execQuiet(ctx, query, args...)
	if err == nil {
		c.gen.Add(1)
	}
	return res, err
}

// execQuiet is a write that does not change what the public sees
// (sessions, login counters, audit lines), so page caches stay valid.
func (c conn) execQuiet(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := c.q.ExecContext(ctx, c.rebind(query), args...)
	return res, mapErr(err)
}

func (c conn) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := c.q.QueryContext(ctx, c.rebind(query), args...)
	return rows, mapErr(err)
}

func (c conn) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.rebind(query), args...)
}

// insert runs an INSERT … RETURNING id (both engines support RETURNING).
func (c conn) insert(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := c.q.QueryRowContext(ctx, c.rebind(query+" RETURNING id"), args...).Scan(&id)
	if err == nil {
		c.gen.Add(1)
	}
	return id, mapErr(err)
}

// rebind turns ? placeholders into $1, $2… for PostgreSQL. Queries never
// contain a literal question mark.
func (c conn) rebind(q string) string {
	if !c.pg || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// mapErr turns driver errors into the store's sentinels.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	msg := err.Error()
	if strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505") {
		return fmt.Errorf("%w: %v", ErrConflict, err)
	}
	return err
}

// now is the store's clock, in UTC and whole seconds so both engines round-trip it.
func now() time.Time { return time.Now().UTC().Truncate(time.Second) }

// nullTime converts a possibly-zero time for storage.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
