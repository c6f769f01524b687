package store

import (
	"context"
	"strings"
	"time"
)

// SynonymSet is a set of words that mean the same in a search
// (经信局 ↔ 经济和信息化局), edited by staff.
type SynonymSet struct {
	ID        int64
	Words     []string
	UpdatedAt time.Time
}

// SynonymSets lists every set.
func (s *Store) SynonymSets(ctx context.Context) ([]SynonymSet, error) {
	rows, err := s.query(ctx, `SELECT id, words, updated_at FROM search_synonyms ORDER BY id`)
	return collect(rows, err, func(sc scanner) (SynonymSet, error) {
		var r SynonymSet
		var words string
		err := sc.Scan(&r.ID, &words, &r.UpdatedAt)
		r.Words = strings.Fields(words)
		return r, err
	})
}

// SaveSynonymSet creates (ID 0) or replaces a set; a set with fewer than
// two words is deleted.
func (s *Store) SaveSynonymSet(ctx context.Context, set SynonymSet) (int64, error) {
	var id int64
	err := s.tx(ctx, func(c conn) error {
		words := strings.Join(set.Words, " ")
		switch {
		case len(set.Words) < 2 && set.ID != 0:
			_, err := c.exec(ctx, `DELETE FROM search_synonyms WHERE id = ?`, set.ID)
			return err
		case len(set.Words) < 2:
			return nil
		case set.ID == 0:
			var err error
			id, err = c.insert(ctx, `INSERT INTO search_synonyms (words, updated_at) VALUES (?, ?)`, words, now())
			return err
		}
		id = set.ID
		res, err := c.exec(ctx, `UPDATE search_synonyms SET words = ?, updated_at = ? WHERE id = ?`, words, now(), set.ID)
		return oneRow(res, err)
	})
	return id, err
}
