package store

import (
	"context"
	"time"

	"gongkai/internal/linkage"
)

// UpstreamItem is one item of the repost queue: what the upstream source
// published and, when it is a required repost, its due date, our repost
// document and the proof kept for the inspection.
type UpstreamItem struct {
	ID             int64
	SiteID         int64
	SubscriptionID int64
	linkage.Item
	LinkNorm     string
	TitleKey     string
	DiscoveredAt time.Time
	DuplicateOf  int64 // the first item seen with the same link or title and date
	Required     bool
	RequiredBy   string // "staff" or "rule"
	RuleID       int64
	DueOn        string // YYYY-MM-DD
	ColumnID     int64  // the column the repost goes to by default
	MarkedBy     int64
	MarkedAt     time.Time
	Dismissed    bool // staff decided it need not be reposted
	DocumentID   int64
	RepostedBy   int64
	RepostedAt   time.Time
	ProofURL     string
	ProofAt      time.Time // when our repost went online
	ProofBy      string    // who reposted it

	SubscriptionName string // read with the lists
	DocumentState    string // the repost document's state, "" without one
}

// RepostedOn is the date (China) our repost went online, "" before.
func (u UpstreamItem) RepostedOn() string { return linkage.DateOf(u.ProofAt) }

// Verdict judges the item on today (YYYY-MM-DD).
func (u UpstreamItem) Verdict(today string) linkage.Verdict {
	return linkage.Judge(u.DueOn, u.RepostedOn(), today)
}

// NewUpstreamItem is an item read from a subscription, with what the
// rules decided about it (Required with DueOn, RuleID and ColumnID).
type NewUpstreamItem struct {
	SiteID         int64
	SubscriptionID int64
	linkage.Item   // ContentHTML already sanitised by the caller
	Required       bool
	RuleID         int64
	DueOn          string
	ColumnID       int64
}

const upstreamItemCols = `u.id, u.site_id, u.subscription_id, u.guid, u.link, u.title, u.published_on, u.category, u.sender,
	u.summary, u.content_html, u.link_norm, u.title_key, u.discovered_at, COALESCE(u.duplicate_of, 0), u.required,
	u.required_by, COALESCE(u.rule_id, 0), u.due_on, COALESCE(u.column_id, 0), COALESCE(u.marked_by, 0), u.marked_at,
	u.dismissed, COALESCE(u.document_id, 0), COALESCE(u.reposted_by, 0), u.reposted_at, u.proof_url, u.proof_at,
	u.proof_by, f.name, COALESCE(d.state, '')`

const upstreamItemFrom = ` FROM upstream_items u JOIN feed_subscriptions f ON f.id = u.subscription_id
	LEFT JOIN documents d ON d.id = u.document_id`

func scanUpstreamItem(sc scanner) (UpstreamItem, error) {
	var u UpstreamItem
	var marked, reposted, proof nullableTime
	err := sc.Scan(&u.ID, &u.SiteID, &u.SubscriptionID, &u.GUID, &u.Link, &u.Title, &u.PublishedOn, &u.Category, &u.Sender,
		&u.Summary, &u.ContentHTML, &u.LinkNorm, &u.TitleKey, &u.DiscoveredAt, &u.DuplicateOf, &u.Required,
		&u.RequiredBy, &u.RuleID, &u.DueOn, &u.ColumnID, &u.MarkedBy, &marked,
		&u.Dismissed, &u.DocumentID, &u.RepostedBy, &reposted, &u.ProofURL, &proof,
		&u.ProofBy, &u.SubscriptionName, &u.DocumentState)
	u.MarkedAt, u.RepostedAt, u.ProofAt = marked.t, reposted.t, proof.t
	return u, mapErr(err)
}

// UpstreamItem reads one item of the queue.
func (s *Store) UpstreamItem(ctx context.Context, id int64) (UpstreamItem, error) {
	return scanUpstreamItem(s.queryRow(ctx, `SELECT `+upstreamItemCols+upstreamItemFrom+` WHERE u.id = ?`, id))
}

// AddUpstreamItem stores an item read from a subscription unless that
// subscription brought it before (same guid); created reports which.
//
// The same item from two sources (the city's feed and the province's list
// page) is recognised by its normalised link or, failing that, by its
// title on the same date: it is stored as a duplicate of the first one,
// never required itself, and a rule that matched it marks the first one
// instead, so one obligation is counted once.
func (s *Store) AddUpstreamItem(ctx context.Context, n NewUpstreamItem, at time.Time) (id int64, created bool, err error) {
	err = s.tx(ctx, func(c conn) error {
		var exists int64
		err := c.queryRow(ctx, `SELECT id FROM upstream_items WHERE subscription_id = ? AND guid = ?`, n.SubscriptionID, n.GUID).Scan(&exists)
		if err = mapErr(err); err == nil {
			id = exists
			return nil
		} else if err != ErrNotFound {
			return err
		}
		norm, key := linkage.NormalizeLink(n.Link), linkage.TitleKey(n.Title, n.PublishedOn)
		var orig int64
		err = c.queryRow(ctx, `SELECT id FROM upstream_items WHERE site_id = ? AND duplicate_of IS NULL
			AND (link_norm = ? OR (title_key <> '' AND title_key = ?)) ORDER BY id LIMIT 1`, n.SiteID, norm, key).Scan(&orig)
		if err = mapErr(err); err != nil && err != ErrNotFound {
			return err
		}
		required, requiredBy := n.Required && orig == 0, ""
		if required {
			requiredBy = "rule"
		}
		id, err = c.insert(ctx, `INSERT INTO upstream_items (site_id, subscription_id, guid, link, link_norm, title_key, title,
			published_on, category, sender, summary, content_html, discovered_at, duplicate_of, required, required_by, rule_id,
			due_on, column_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			n.SiteID, n.SubscriptionID, n.GUID, n.Link, norm, key, n.Title, n.PublishedOn, n.Category, n.Sender, n.Summary,
			n.ContentHTML, at.UTC(), nullID(orig), required, requiredBy, nullID(ruleIf(required, n.RuleID)),
			dueIf(required, n.DueOn), nullID(n.ColumnID))
		if err != nil {
			return err
		}
		created = true
		if orig != 0 && n.Required {
			// The rule's obligation moves to the first copy, unless staff
			// already decided about it.
			_, err = c.exec(ctx, `UPDATE upstream_items SET required = ?, required_by = 'rule', rule_id = ?, due_on = ?,
				column_id = COALESCE(column_id, ?) WHERE id = ? AND required = ? AND dismissed = ?`,
				true, nullID(n.RuleID), n.DueOn, nullID(n.ColumnID), orig, false, false)
		}
		return err
	})
	return id, created, err
}

func ruleIf(ok bool, id int64) int64 {
	if ok {
		return id
	}
	return 0
}

func dueIf(ok bool, due string) string {
	if ok {
		return due
	}
	return ""
}
