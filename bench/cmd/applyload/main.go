// Command applyload drives bench/apply.sh: it fires bursts of applications
// at a running `gongkai serve` through the open API, records every
// acknowledged (201) code with its query password, and afterwards checks
// that each one can be looked up — also after the server was killed with
// SIGKILL in the middle of a burst and restarted.
//
//	applyload schema  -db DSN                  create a fresh PostgreSQL schema, print its DSN
//	applyload drop    -db DSN                  drop the schema of a DSN made by "schema"
//	applyload setup   -data DIR [-db DSN]      let 127.0.0.1 submit without the per-address limits
//	applyload fire    -url URL -n N -c C -out FILE
//	applyload verify  -url URL -in FILE
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "github.com/jackc/pgx/v5/stdlib"

	"gongkai/internal/store"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: applyload schema|drop|setup|fire|verify [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dsn := fs.String("db", "", "PostgreSQL DSN (empty: SQLite in -data)")
	data := fs.String("data", "", "gongkai data directory")
	base := fs.String("url", "http://127.0.0.1:8080", "gongkai base URL")
	n := fs.Int("n", 3000, "submissions to fire")
	c := fs.Int("c", 64, "concurrent clients")
	out := fs.String("out", "", "file to append acknowledged codes to")
	in := fs.String("in", "", "file of acknowledged codes to verify")
	_ = fs.Parse(os.Args[2:])
	ctx := context.Background()
	var err error
	switch os.Args[1] {
	case "schema":
		err = schema(*dsn)
	case "drop":
		err = drop(*dsn)
	case "setup":
		err = setup(ctx, *data, *dsn)
	case "fire":
		err = fire(*base, *n, *c, *out)
	case "verify":
		err = verify(*base, *in, *c)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "applyload:", err)
		os.Exit(1)
	}
}

// schema creates an empty schema and prints a DSN whose search_path is it.
func schema(dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "bench_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		return err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	fmt.Println(u.String())
	return nil
}

func drop(dsn string) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return err
	}
	name := u.Query().Get("search_path")
	if name == "" {
		return fmt.Errorf("no search_path in the DSN")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("DROP SCHEMA " + name + " CASCADE")
	return err
}

// setup exempts the loopback client from the per-address limits (it
// stands for the 12345 hotline's server) and lifts the per-ID limit, which
// the benchmark's single applicant would hit at once.
func setup(ctx context.Context, data, dsn string) error {
	st, err := store.Open(ctx, dsn, filepath.Join(data, "gongkai.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetSetting(ctx, "api.trusted_addrs", "127.0.0.1, ::1"); err != nil {
		return err
	}
	return st.SetSetting(ctx, "api.id_per_day", "0")
}
