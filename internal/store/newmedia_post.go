package store

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/catalog"
)

// MediaPost is something that went out (or is going out) on a new-media
// account: a document published through the API, or a post entered by
// hand. Posts feed the account's last-post date; a document's post is also
// the document's channel record, so section 二 of the annual report counts
// it (the seed's "通过政务微信公开信息1750条").
type MediaPost struct {
	ID         int64
	AccountID  int64
	DocumentID int64
	ChannelID  int64 // the document's channel record, once out
	Title      string
	PostedOn   string // YYYY-MM-DD once out
	Status     string // PostDrafted, PostPublishing, PostPublished, PostFailed, PostManual
	MediaID    string // draft media_id
	PublishID  string
	ArticleID  string
	URL        string
	Error      string // Chinese reason of a failure
	UserID     int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Post statuses.
const (
	PostDrafted    = "drafted"    // draft added, publication not submitted
	PostPublishing = "publishing" // submitted, the platform is checking it
	PostPublished  = "published"
	PostFailed     = "failed"
	PostManual     = "manual" // recorded by hand
)

// StatusLabel is the post's status in Chinese.
func (p MediaPost) StatusLabel() string {
	switch p.Status {
	case PostDrafted:
		return "已存草稿，未发布"
	case PostPublishing:
		return "发布中（平台审核）"
	case PostPublished:
		return "已发布"
	case PostFailed:
		return "发布失败"
	case PostManual:
		return "已发布（手工登记）"
	}
	return p.Status
}

// Open reports whether the platform may still change the post's status.
func (p MediaPost) Open() bool { return p.Status == PostPublishing }

const mediaPostCols = `id, account_id, COALESCE(document_id, 0), COALESCE(channel_id, 0), title, posted_on, status, media_id,
	publish_id, article_id, url, error, COALESCE(user_id, 0), created_at, updated_at`

func scanMediaPost(sc scanner) (MediaPost, error) {
	var p MediaPost
	return p, mapErr(sc.Scan(&p.ID, &p.AccountID, &p.DocumentID, &p.ChannelID, &p.Title, &p.PostedOn, &p.Status, &p.MediaID,
		&p.PublishID, &p.ArticleID, &p.URL, &p.Error, &p.UserID, &p.CreatedAt, &p.UpdatedAt))
}

// CreateMediaPost records a post. A manual post of a document gets its
// channel record in the same transaction.
func (s *Store) CreateMediaPost(ctx context.Context, p MediaPost) (int64, error) {
	var id int64
	err := s.tx(ctx, func(c conn) error {
		t := now()
		var err error
		id, err = c.insert(ctx, `INSERT INTO media_posts (account_id, document_id, title, posted_on, status, media_id, publish_id,
			article_id, url, error, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.AccountID, nullID(p.DocumentID), p.Title, p.PostedOn, p.Status, p.MediaID, p.PublishID, p.ArticleID, p.URL, p.Error,
			nullID(p.UserID), t, t)
		if err != nil || p.Status != PostManual {
			return err
		}
		return c.recordPostChannel(ctx, id)
	})
	return id, err
}

// UpdateMediaPost stores a post's progress. When it becomes published, its
// document gets its channel record in the same transaction (once).
func (s *Store) UpdateMediaPost(ctx context.Context, p MediaPost) error {
	return s.tx(ctx, func(c conn) error {
		res, err := c.exec(ctx, `UPDATE media_posts SET posted_on=?, status=?, media_id=?, publish_id=?, article_id=?, url=?,
			error=?, updated_at=? WHERE id=?`, p.PostedOn, p.Status, p.MediaID, p.PublishID, p.ArticleID, p.URL, p.Error, now(), p.ID)
		if err := oneRow(res, err); err != nil || p.Status != PostPublished {
			return err
		}
		return c.recordPostChannel(ctx, p.ID)
	})
}

// recordPostChannel adds the document's channel record of a post that is
// out, unless it has one: 政务微信 for a 微信公众号, 其他 for the rest.
func (c conn) recordPostChannel(ctx context.Context, postID int64) error {
	var docID, chID int64
	var platform, on, url, name string
	err := c.queryRow(ctx, `SELECT COALESCE(p.document_id, 0), COALESCE(p.channel_id, 0), a.platform, p.posted_on, p.url, a.name
		FROM media_posts p JOIN media_accounts a ON a.id = p.account_id WHERE p.id = ?`, postID).
		Scan(&docID, &chID, &platform, &on, &url, &name)
	if err != nil || docID == 0 || chID != 0 {
		return mapErr(err)
	}
	ch := catalog.ChannelOther
	if platform == WeChatPlatform {
		ch = catalog.ChannelWeChat
	}
	ref := url
	if ref == "" {
		ref = name
	}
	chID, err = c.insert(ctx, `INSERT INTO document_channels (document_id, channel, date, ref) VALUES (?, ?, ?, ?)`,
		docID, string(ch), on, ref)
	if err != nil {
		return err
	}
	_, err = c.exec(ctx, `UPDATE media_posts SET channel_id = ? WHERE id = ?`, chID, postID)
	return err
}

// MediaPost reads one post.
func (s *Store) MediaPost(ctx context.Context, id int64) (MediaPost, error) {
	return scanMediaPost(s.queryRow(ctx, `SELECT `+mediaPostCols+` FROM media_posts WHERE id = ?`, id))
}

// MediaPostFilter selects posts. Zero fields do not filter.
type MediaPostFilter struct {
	AccountID  int64
	DocumentID int64
	Status     string
	Limit      int
}

// MediaPosts lists posts newest first.
func (s *Store) MediaPosts(ctx context.Context, f MediaPostFilter) ([]MediaPost, error) {
	q := `SELECT ` + mediaPostCols + ` FROM media_posts WHERE 1=1`
	var args []any
	if f.AccountID != 0 {
		q += ` AND account_id = ?`
		args = append(args, f.AccountID)
	}
	if f.DocumentID != 0 {
		q += ` AND document_id = ?`
		args = append(args, f.DocumentID)
	}
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, f.Status)
	}
	q += fmt.Sprintf(` ORDER BY id DESC LIMIT %d`, pageLimit(f.Limit, 50))
	rows, err := s.query(ctx, q, args...)
	return collect(rows, err, scanMediaPost)
}

// CountChannelRecords counts a site's channel records of channel dated in
// year: e.g. the documents that went out on 政务微信.
func (s *Store) CountChannelRecords(ctx context.Context, siteID int64, ch catalog.Channel, year int) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM document_channels c JOIN documents d ON d.id = c.document_id
		WHERE d.site_id = ? AND c.channel = ? AND c.date >= ? AND c.date < ?`, siteID, string(ch),
		fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)).Scan(&n)
	return n, mapErr(err)
}
