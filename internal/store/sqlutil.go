package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
)

// china is the zone dates are reckoned in (no daylight saving since 1991).
var china = time.FixedZone("CST", 8*3600)

// nullableTime scans a NULL-able timestamp from either engine. modernc
// returns DATETIME columns as time.Time, but as a string when the value was
// written by another tool, so both are accepted.
type nullableTime struct{ t time.Time }

func (n *nullableTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		n.t = time.Time{}
	case time.Time:
		n.t = x
	case string:
		return n.parse(x)
	case []byte:
		return n.parse(string(x))
	default:
		return fmt.Errorf("timestamp: unexpected %T", v)
	}
	return nil
}

func (n *nullableTime) parse(s string) error {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			n.t = t
			return nil
		}
	}
	return fmt.Errorf("timestamp: cannot parse %q", s)
}

func yearStart(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, china).UTC() }

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// pageLimit is limit when it is a sensible page size (1 to 500 rows), else
// the list's default, so no caller can ask for an unbounded read.
func pageLimit(limit, def int) int {
	if limit <= 0 || limit > 500 {
		return def
	}
	return limit
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func anySlice[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// escapeLike drops the LIKE wildcards from user input so a search for "%"
// cannot widen the match.
func escapeLike(s string) string {
	return strings.NewReplacer(`%`, ``, `_`, ``).Replace(s)
}

func sortDesc(xs []int) { sort.Sort(sort.Reverse(sort.IntSlice(xs))) }

// oneRow turns "no row changed" into ErrNotFound.
func oneRow(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
