package store

import (
	"context"
	"time"

	"gongkai/internal/linkage"
)

// RepostRule is a site's rule marking new upstream items as required
// reposts (by category, keyword or sender), with its period.
type RepostRule struct {
	linkage.Rule
	SiteID    int64
	Name      string
	Enabled   bool
	CreatedAt time.Time
}

const repostRuleCols = `id, site_id, name, COALESCE(subscription_id, 0), category, keyword, sender, due_workdays,
	COALESCE(column_id, 0), enabled, created_at`

func scanRepostRule(sc scanner) (RepostRule, error) {
	var r RepostRule
	err := sc.Scan(&r.ID, &r.SiteID, &r.Name, &r.SubscriptionID, &r.Category, &r.Keyword, &r.Sender, &r.DueWorkdays,
		&r.ColumnID, &r.Enabled, &r.CreatedAt)
	return r, mapErr(err)
}

// RepostRules lists a site's rules in the order they are tried.
func (s *Store) RepostRules(ctx context.Context, siteID int64) ([]RepostRule, error) {
	rows, err := s.query(ctx, `SELECT `+repostRuleCols+` FROM repost_rules WHERE site_id = ? ORDER BY id`, siteID)
	return collect(rows, err, scanRepostRule)
}

// RepostRule reads one rule.
func (s *Store) RepostRule(ctx context.Context, id int64) (RepostRule, error) {
	return scanRepostRule(s.queryRow(ctx, `SELECT `+repostRuleCols+` FROM repost_rules WHERE id = ?`, id))
}

// SaveRepostRule creates the rule (ID 0) or updates it, returning its ID.
// Items already read keep what was decided for them.
func (s *Store) SaveRepostRule(ctx context.Context, r RepostRule) (int64, error) {
	if r.ID == 0 {
		return s.insert(ctx, `INSERT INTO repost_rules (site_id, name, subscription_id, category, keyword, sender, due_workdays,
			column_id, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.SiteID, r.Name, nullID(r.SubscriptionID),
			r.Category, r.Keyword, r.Sender, r.DueWorkdays, nullID(r.ColumnID), r.Enabled, now())
	}
	res, err := s.execQuiet(ctx, `UPDATE repost_rules SET name=?, subscription_id=?, category=?, keyword=?, sender=?,
		due_workdays=?, column_id=?, enabled=? WHERE id=?`, r.Name, nullID(r.SubscriptionID), r.Category, r.Keyword, r.Sender,
		r.DueWorkdays, nullID(r.ColumnID), r.Enabled, r.ID)
	return r.ID, oneRow(res, err)
}

// ActiveRepostRules is the linkage form of a site's enabled rules.
func (s *Store) ActiveRepostRules(ctx context.Context, siteID int64) ([]linkage.Rule, error) {
	all, err := s.RepostRules(ctx, siteID)
	if err != nil {
		return nil, err
	}
	var out []linkage.Rule
	for _, r := range all {
		if r.Enabled {
			out = append(out, r.Rule)
		}
	}
	return out, nil
}
