package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"gongkai/internal/secret"
)

// ErrNoKeyring is returned by writes and reads of personal data on a store
// that was given no keys: nothing is ever stored in clear as a fallback.
var ErrNoKeyring = errors.New("store: no personal-data keyring configured")

// SetKeyring gives the store the keys that encrypt applicants' personal
// data (internal/secret). cmd/gongkai loads them from GONGKAI_KEY or the
// key file; tests get a fixed test key from storetest.
func (s *Store) SetKeyring(kr *secret.Keyring) { s.apps.keys.Store(kr) }

// Keyring returns the store's keys, or ErrNoKeyring.
func (s *Store) Keyring() (*secret.Keyring, error) {
	kr := s.apps.keys.Load()
	if kr == nil {
		return nil, ErrNoKeyring
	}
	return kr, nil
}

// encryptedColumns lists every column holding secret ciphertext, with its
// field (bound into the ciphertext) and the blind-index column beside it.
var encryptedColumns = []struct {
	table, col, bidx string
	field            secret.Field
}{
	{"applications", "id_number_enc", "id_number_bidx", secret.FieldIDNumber},
	{"applications", "phone_enc", "phone_bidx", secret.FieldPhone},
	{"applications", "email_enc", "", secret.FieldEmail},
	{"applications", "address_enc", "", secret.FieldAddress},
	{"applications", "agent_phone_enc", "", secret.FieldPhone},
	{"outbox", "recipient_enc", "", secret.FieldEmail},
	{"citizens", "username_enc", "username_bidx", fieldCitizenUsername},
	{"messages", "name_enc", "", fieldMessageName}, {"messages", "phone_enc", "phone_bidx", secret.FieldPhone},
	{"messages", "email_enc", "", secret.FieldEmail},
	{"media_accounts", "app_secret_enc", "", fieldWeChatSecret},
}

// KeyUsage counts the stored ciphertexts (fields, not rows) per key ID, so an operator knows
// when a retired key is no longer needed.
func (s *Store) KeyUsage(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, c := range encryptedColumns {
		// "g1." is 3 characters; the key ID is the next 8.
		rows, err := s.query(ctx, fmt.Sprintf(`SELECT substr(%s, 4, 8), COUNT(*) FROM %s WHERE %s <> '' GROUP BY substr(%s, 4, 8)`,
			c.col, c.table, c.col, c.col))
		counts, err := collect(rows, err, func(sc scanner) (struct {
			id string
			n  int
		}, error) {
			var r struct {
				id string
				n  int
			}
			return r, sc.Scan(&r.id, &r.n)
		})
		if err != nil {
			return nil, err
		}
		for _, r := range counts {
			out[r.id] += r.n
		}
	}
	return out, nil
}

// RotateKeys re-encrypts every ciphertext not sealed with the primary key
// and recomputes the blind indexes under it, in batches of batch rows, each
// batch in its own transaction, so it can be stopped and run again. It
// returns the number of rows rewritten. Run it after making a new key the
// primary (gongkai secret add-key), then remove the old key.
func (s *Store) RotateKeys(ctx context.Context, batch int) (int, error) {
	kr, err := s.Keyring()
	if err != nil {
		return 0, err
	}
	if batch <= 0 {
		batch = 500
	}
	tables := map[string][]int{}
	for i, c := range encryptedColumns {
		tables[c.table] = append(tables[c.table], i)
	}
	names := make([]string, 0, len(tables))
	for t := range tables {
		names = append(names, t)
	}
	sort.Strings(names)
	total := 0
	for _, t := range names {
		n, err := s.rotateTable(ctx, kr, t, tables[t], batch)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func (s *Store) rotateTable(ctx context.Context, kr *secret.Keyring, table string, cols []int, batch int) (int, error) {
	sel := "id"
	for _, i := range cols {
		sel += ", " + encryptedColumns[i].col
		if encryptedColumns[i].bidx != "" {
			sel += ", " + encryptedColumns[i].bidx
		}
	}
	total := 0
	var after int64
	for {
		n, last, err := s.rotateBatch(ctx, kr, table, sel, cols, after, batch)
		total += n
		if err != nil || last == 0 {
			return total, err
		}
		after = last
	}
}

// rotateBatch rewrites the rows of one batch after id after; last is the
// highest id read (0 when the table is exhausted).
func (s *Store) rotateBatch(ctx context.Context, kr *secret.Keyring, table, sel string, cols []int, after int64, batch int) (n int, last int64, err error) {
	err = s.tx(ctx, func(c conn) error {
		rows, err := c.query(ctx, fmt.Sprintf(`SELECT %s FROM %s WHERE id > ? ORDER BY id LIMIT ?`, sel, table), after, batch)
		if err != nil {
			return err
		}
		type update struct {
			id   int64
			sets []string
			args []any
		}
		var updates []update
		for rows.Next() {
			vals := make([]string, 0, 2*len(cols))
			var id int64
			dest := []any{&id}
			for _, i := range cols {
				vals = append(vals, "", "")
				dest = append(dest, &vals[len(vals)-2])
				if encryptedColumns[i].bidx != "" {
					dest = append(dest, &vals[len(vals)-1])
				}
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return err
			}
			last = id
			u := update{id: id}
			for j, i := range cols {
				ec := encryptedColumns[i]
				cipher, bidx := vals[2*j], vals[2*j+1]
				if !kr.NeedsRotation(cipher) && (ec.bidx == "" || bidxCurrent(kr, bidx)) {
					continue
				}
				plain, err := kr.Open(ec.field, cipher)
				if err != nil {
					rows.Close()
					return fmt.Errorf("%s %d %s: %w", table, id, ec.col, err)
				}
				sealed, err := kr.Seal(ec.field, plain)
				if err != nil {
					rows.Close()
					return err
				}
				u.sets, u.args = append(u.sets, ec.col+" = ?"), append(u.args, sealed)
				if ec.bidx != "" {
					u.sets, u.args = append(u.sets, ec.bidx+" = ?"), append(u.args, kr.Blind(ec.field, plain))
				}
			}
			if len(u.sets) > 0 {
				updates = append(updates, u)
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, u := range updates {
			if _, err := c.execQuiet(ctx, fmt.Sprintf(`UPDATE %s SET %s WHERE id = ?`, table, strings.Join(u.sets, ", ")), append(u.args, u.id)...); err != nil {
				return err
			}
		}
		n = len(updates)
		return nil
	})
	return n, last, err
}

// bidxCurrent reports whether a blind index was computed with the primary key.
func bidxCurrent(kr *secret.Keyring, bidx string) bool {
	return bidx == "" || len(bidx) > 8 && bidx[:8] == kr.Primary().ID
}
