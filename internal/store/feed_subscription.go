package store

import (
	"context"
	"time"

	"gongkai/internal/linkage"
)

// FeedSubscription is an upstream source of items to repost (issue 9): a
// feed or a list page of the city or province government, with its polling
// state. LastError is the Chinese message staff see beside it.
type FeedSubscription struct {
	ID              int64
	SiteID          int64
	Name            string // 来源, e.g. 黄石市人民政府
	Kind            linkage.Kind
	URL             string
	ItemSelector    string
	DateSelector    string
	ColumnID        int64 // the column reposts go to by default (0: chosen each time)
	IntervalMinutes int
	Enabled         bool
	ETag            string
	LastModified    string
	LastPolledAt    time.Time
	LastOKAt        time.Time
	NextPollAt      time.Time
	Failures        int
	LastError       string
	CreatedAt       time.Time
	UpdatedAt       time.Time
	ItemCount       int // items read so far (lists only)
}

// Source is what the fetcher needs to read the subscription.
func (f FeedSubscription) Source() linkage.Source {
	return linkage.Source{Kind: f.Kind, URL: f.URL, ItemSelector: f.ItemSelector, DateSelector: f.DateSelector,
		ETag: f.ETag, LastModified: f.LastModified}
}

const feedSubscriptionCols = `id, site_id, name, kind, url, item_selector, date_selector, COALESCE(column_id, 0),
	interval_minutes, enabled, etag, last_modified, last_polled_at, last_ok_at, next_poll_at, failures, last_error,
	created_at, updated_at`

func scanFeedSubscription(sc scanner, extra ...any) (FeedSubscription, error) {
	var f FeedSubscription
	var polled, ok nullableTime
	dest := []any{&f.ID, &f.SiteID, &f.Name, &f.Kind, &f.URL, &f.ItemSelector, &f.DateSelector, &f.ColumnID,
		&f.IntervalMinutes, &f.Enabled, &f.ETag, &f.LastModified, &polled, &ok, &f.NextPollAt, &f.Failures, &f.LastError,
		&f.CreatedAt, &f.UpdatedAt}
	err := sc.Scan(append(dest, extra...)...)
	f.LastPolledAt, f.LastOKAt = polled.t, ok.t
	return f, mapErr(err)
}

// CreateFeedSubscription stores a new subscription, first read at
// f.NextPollAt (now when zero).
func (s *Store) CreateFeedSubscription(ctx context.Context, f FeedSubscription) (int64, error) {
	t := now()
	if f.NextPollAt.IsZero() {
		f.NextPollAt = t
	}
	return s.insert(ctx, `INSERT INTO feed_subscriptions (site_id, name, kind, url, item_selector, date_selector, column_id,
		interval_minutes, enabled, next_poll_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.SiteID, f.Name, string(f.Kind), f.URL, f.ItemSelector, f.DateSelector, nullID(f.ColumnID), f.IntervalMinutes,
		f.Enabled, f.NextPollAt.UTC(), t, t)
}

// UpdateFeedSubscription changes what staff edit. The validators and the
// error state are cleared and the source is read again at f.NextPollAt
// (now when zero): a new address or selector must not be judged by the
// old one's answers.
func (s *Store) UpdateFeedSubscription(ctx context.Context, f FeedSubscription) error {
	t := now()
	if f.NextPollAt.IsZero() {
		f.NextPollAt = t
	}
	res, err := s.execQuiet(ctx, `UPDATE feed_subscriptions SET name=?, kind=?, url=?, item_selector=?, date_selector=?,
		column_id=?, interval_minutes=?, enabled=?, etag='', last_modified='', failures=0, last_error='', next_poll_at=?,
		updated_at=? WHERE id=?`, f.Name, string(f.Kind), f.URL, f.ItemSelector, f.DateSelector, nullID(f.ColumnID),
		f.IntervalMinutes, f.Enabled, f.NextPollAt.UTC(), t, f.ID)
	return oneRow(res, err)
}

// FeedSubscription reads one subscription.
func (s *Store) FeedSubscription(ctx context.Context, id int64) (FeedSubscription, error) {
	return scanFeedSubscription(s.queryRow(ctx, `SELECT `+feedSubscriptionCols+` FROM feed_subscriptions WHERE id = ?`, id))
}

// FeedSubscriptions lists a site's subscriptions (every site's for 0) with
// the number of items each brought.
func (s *Store) FeedSubscriptions(ctx context.Context, siteID int64) ([]FeedSubscription, error) {
	rows, err := s.query(ctx, `SELECT `+feedSubscriptionCols+`, (SELECT COUNT(*) FROM upstream_items u WHERE u.subscription_id = f.id)
		FROM feed_subscriptions f WHERE ? = 0 OR site_id = ? ORDER BY enabled DESC, name, id`, siteID, siteID)
	return collect(rows, err, func(sc scanner) (FeedSubscription, error) {
		var f FeedSubscription
		n := new(int)
		f, err := scanFeedSubscription(sc, n)
		f.ItemCount = *n
		return f, err
	})
}

// DueFeedSubscriptions lists the enabled subscriptions whose next read is
// due at at, the longest waiting first.
func (s *Store) DueFeedSubscriptions(ctx context.Context, at time.Time, limit int) ([]FeedSubscription, error) {
	rows, err := s.query(ctx, `SELECT `+feedSubscriptionCols+` FROM feed_subscriptions
		WHERE enabled = ? AND next_poll_at <= ? ORDER BY next_poll_at, id LIMIT ?`, true, at.UTC(), pageLimit(limit, 20))
	return collect(rows, err, func(sc scanner) (FeedSubscription, error) { return scanFeedSubscription(sc) })
}

// RecordPollSuccess stores the validators of a successful read (or a 304)
// and when to read again; the error state is cleared.
func (s *Store) RecordPollSuccess(ctx context.Context, id int64, etag, lastModified string, at, next time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE feed_subscriptions SET etag=?, last_modified=?, last_polled_at=?, last_ok_at=?,
		next_poll_at=?, failures=0, last_error='' WHERE id=?`, etag, lastModified, at.UTC(), at.UTC(), next.UTC(), id)
	return oneRow(res, err)
}

// RecordPollFailure counts a failed read, keeps its Chinese message for
// staff and sets the backed-off time of the next read.
func (s *Store) RecordPollFailure(ctx context.Context, id int64, message string, at, next time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE feed_subscriptions SET last_polled_at=?, next_poll_at=?, failures=failures+1,
		last_error=? WHERE id=?`, at.UTC(), next.UTC(), message, id)
	return oneRow(res, err)
}

// PollFeedSubscriptionSoon makes the subscription due at at ("立即读取").
func (s *Store) PollFeedSubscriptionSoon(ctx context.Context, id int64, at time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE feed_subscriptions SET next_poll_at=? WHERE id=?`, at.UTC(), id)
	return oneRow(res, err)
}
