package store

import (
	"context"
	"slices"
	"time"

	"gongkai/internal/secret"
)

// MediaAccount is a 政务新媒体 account of the register (website-rules §1.6):
// its platform, owner 科室 and last post, watched by the 2-week rule. A 微信
// 公众号 may also be connected to the official account API; its AppSecret
// is never read into this struct (MediaAppSecret decrypts it on demand).
type MediaAccount struct {
	ID          int64
	SiteID      int64
	OrgID       int64 // the 科室 that runs it (开办单位)
	Name        string
	Platform    string // one of MediaPlatforms
	Handle      string // 微信号 / account ID
	URL         string
	Status      string // MediaActive, MediaPaused, MediaClosed
	LastPostOn  string // entered by staff, YYYY-MM-DD
	UpdateDays  int    // 内容不更新 window: 14 unless a stricter local rule applies
	Interactive bool   // the message/comment function is open (互动回应差 otherwise)
	FilingNo    string // 备案编号
	Note        string

	APIBase      string // official account API base URL; "" = not connected
	AppID        string
	HasSecret    bool
	CoverMediaID string // default cover uploaded to the platform once
	PublishLimit int    // publications a day (platform limits, counted before calling)
	MenuLimit    int    // menu updates a day
	MenuJSON     string // the custom menu as last saved

	// LastRecorded is the latest date a post of the account was recorded
	// (published through the API or entered by hand).
	LastRecorded string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Account statuses. Only active accounts are watched: a paused or closed
// (注销) account is not expected to post.
const (
	MediaActive = "active"
	MediaPaused = "paused"
	MediaClosed = "closed"
)

// MediaStatusLabel is the Chinese name of a status.
func MediaStatusLabel(s string) string {
	switch s {
	case MediaActive:
		return "正常运维"
	case MediaPaused:
		return "暂停更新（已报备）"
	case MediaClosed:
		return "已注销"
	}
	return s
}

// StatusLabel is the account's status in Chinese.
func (a MediaAccount) StatusLabel() string { return MediaStatusLabel(a.Status) }

// MediaStatuses lists the statuses in display order.
var MediaStatuses = []string{MediaActive, MediaPaused, MediaClosed}

// Platform names. WeChatPlatform is the one with an API adapter.
const WeChatPlatform = "微信公众号"

// MediaPlatforms are the third-party platforms government accounts run on.
var MediaPlatforms = []string{WeChatPlatform, "微博", "抖音", "视频号", "今日头条", "快手", "移动客户端", "其他"}

// KnownMediaPlatform reports whether p is one of MediaPlatforms.
func KnownMediaPlatform(p string) bool { return slices.Contains(MediaPlatforms, p) }

// LastPost is the account's last post date: the later of the one entered
// and the one recorded.
func (a MediaAccount) LastPost() string { return max(a.LastPostOn, a.LastRecorded) }

// Connected reports whether the account can publish through the API.
func (a MediaAccount) Connected() bool {
	return a.Platform == WeChatPlatform && a.APIBase != "" && a.AppID != "" && a.HasSecret
}

// fieldWeChatSecret binds AppSecrets into their ciphertexts.
const fieldWeChatSecret secret.Field = "wechat_app_secret"

const mediaAccountCols = `a.id, a.site_id, COALESCE(a.org_id, 0), a.name, a.platform, a.handle, a.url, a.status, a.last_post_on,
	a.update_days, a.interactive, a.filing_no, a.note, a.api_base, a.app_id, a.app_secret_enc <> '', a.cover_media_id,
	a.publish_limit, a.menu_limit, a.menu_json,
	COALESCE((SELECT MAX(p.posted_on) FROM media_posts p WHERE p.account_id = a.id AND p.status IN ('published', 'manual')), ''),
	a.created_at, a.updated_at`

func scanMediaAccount(sc scanner) (MediaAccount, error) {
	var a MediaAccount
	return a, mapErr(sc.Scan(&a.ID, &a.SiteID, &a.OrgID, &a.Name, &a.Platform, &a.Handle, &a.URL, &a.Status, &a.LastPostOn,
		&a.UpdateDays, &a.Interactive, &a.FilingNo, &a.Note, &a.APIBase, &a.AppID, &a.HasSecret, &a.CoverMediaID,
		&a.PublishLimit, &a.MenuLimit, &a.MenuJSON, &a.LastRecorded, &a.CreatedAt, &a.UpdatedAt))
}

// MediaAccountFilter selects accounts. Zero fields do not filter.
type MediaAccountFilter struct {
	SiteID   int64
	Platform string
	Status   string
}

// MediaAccounts lists the register, by site and name.
func (s *Store) MediaAccounts(ctx context.Context, f MediaAccountFilter) ([]MediaAccount, error) {
	q := `SELECT ` + mediaAccountCols + ` FROM media_accounts a WHERE 1=1`
	var args []any
	if f.SiteID != 0 {
		q += ` AND a.site_id = ?`
		args = append(args, f.SiteID)
	}
	if f.Platform != "" {
		q += ` AND a.platform = ?`
		args = append(args, f.Platform)
	}
	if f.Status != "" {
		q += ` AND a.status = ?`
		args = append(args, f.Status)
	}
	rows, err := s.query(ctx, q+` ORDER BY a.site_id, a.name, a.id`, args...)
	return collect(rows, err, scanMediaAccount)
}

// MediaAccount reads one account.
func (s *Store) MediaAccount(ctx context.Context, id int64) (MediaAccount, error) {
	return scanMediaAccount(s.queryRow(ctx, `SELECT `+mediaAccountCols+` FROM media_accounts a WHERE a.id = ?`, id))
}

// CreateMediaAccount adds an account to the register (ErrConflict when the
// site already has an account of that name on the platform).
func (s *Store) CreateMediaAccount(ctx context.Context, a MediaAccount) (int64, error) {
	t := now()
	return s.insert(ctx, `INSERT INTO media_accounts (site_id, org_id, name, platform, handle, url, status, last_post_on,
		update_days, interactive, filing_no, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.SiteID, nullID(a.OrgID), a.Name, a.Platform, a.Handle, a.URL, a.Status, a.LastPostOn, a.UpdateDays, a.Interactive,
		a.FilingNo, a.Note, t, t)
}

// UpdateMediaAccount changes an account's register entry (not its API
// connection, which SetMediaAPI changes).
func (s *Store) UpdateMediaAccount(ctx context.Context, a MediaAccount) error {
	res, err := s.exec(ctx, `UPDATE media_accounts SET site_id=?, org_id=?, name=?, platform=?, handle=?, url=?, status=?,
		last_post_on=?, update_days=?, interactive=?, filing_no=?, note=?, updated_at=? WHERE id=?`,
		a.SiteID, nullID(a.OrgID), a.Name, a.Platform, a.Handle, a.URL, a.Status, a.LastPostOn, a.UpdateDays, a.Interactive,
		a.FilingNo, a.Note, now(), a.ID)
	return oneRow(res, err)
}

// MediaAPI is an account's connection to the official account API.
type MediaAPI struct {
	Base         string
	AppID        string
	Secret       string // "" keeps the stored one
	PublishLimit int
	MenuLimit    int
}

// SetMediaAPI stores an account's API connection; the AppSecret is sealed
// with the store's keyring (never stored or logged in clear). A changed
// AppID drops the cover uploaded under the old one.
func (s *Store) SetMediaAPI(ctx context.Context, id int64, api MediaAPI) error {
	q := `UPDATE media_accounts SET api_base=?, app_id=?, publish_limit=?, menu_limit=?,
		cover_media_id = CASE WHEN app_id = ? THEN cover_media_id ELSE '' END, updated_at=?`
	args := []any{api.Base, api.AppID, api.PublishLimit, api.MenuLimit, api.AppID, now()}
	if api.Secret != "" {
		kr, err := s.Keyring()
		if err != nil {
			return err
		}
		enc, err := kr.Seal(fieldWeChatSecret, api.Secret)
		if err != nil {
			return err
		}
		q += `, app_secret_enc=?`
		args = append(args, enc)
	}
	res, err := s.exec(ctx, q+` WHERE id=?`, append(args, id)...)
	return oneRow(res, err)
}

// MediaAppSecret decrypts an account's AppSecret ("" when none is stored).
func (s *Store) MediaAppSecret(ctx context.Context, id int64) (string, error) {
	var enc string
	if err := s.queryRow(ctx, `SELECT app_secret_enc FROM media_accounts WHERE id = ?`, id).Scan(&enc); err != nil {
		return "", mapErr(err)
	}
	kr, err := s.Keyring()
	if err != nil {
		return "", err
	}
	return kr.Open(fieldWeChatSecret, enc)
}

// SetMediaCover remembers the cover uploaded to the platform.
func (s *Store) SetMediaCover(ctx context.Context, id int64, mediaID string) error {
	res, err := s.execQuiet(ctx, `UPDATE media_accounts SET cover_media_id=? WHERE id=?`, mediaID, id)
	return oneRow(res, err)
}

// SetMediaMenu stores the custom menu last sent to the platform.
func (s *Store) SetMediaMenu(ctx context.Context, id int64, menuJSON string) error {
	res, err := s.exec(ctx, `UPDATE media_accounts SET menu_json=?, updated_at=? WHERE id=?`, menuJSON, now(), id)
	return oneRow(res, err)
}

// TakeMediaQuota counts one call of api for the account on day (China
// date) unless limit calls were already made: the daily limits are
// enforced before calling the platform. ok is false when the limit is
// reached; used is the count after this call. limit <= 0 means no limit.
func (s *Store) TakeMediaQuota(ctx context.Context, accountID int64, day, api string, limit int) (used int, ok bool, err error) {
	if limit <= 0 {
		limit = 1 << 30
	}
	err = s.conn.queryRow(ctx, `INSERT INTO media_api_usage (account_id, day, api, calls) VALUES (?, ?, ?, 1)
		ON CONFLICT (account_id, day, api) DO UPDATE SET calls = media_api_usage.calls + 1
		WHERE media_api_usage.calls < ? RETURNING calls`, accountID, day, api, limit).Scan(&used)
	if err = mapErr(err); err == ErrNotFound {
		return limit, false, nil
	}
	return used, err == nil, err
}

// MediaUsage is the calls per API an account made on day.
func (s *Store) MediaUsage(ctx context.Context, accountID int64, day string) (map[string]int, error) {
	rows, err := s.query(ctx, `SELECT api, calls FROM media_api_usage WHERE account_id = ? AND day = ?`, accountID, day)
	type kv struct {
		k string
		v int
	}
	list, err := collect(rows, err, func(sc scanner) (kv, error) {
		var x kv
		return x, sc.Scan(&x.k, &x.v)
	})
	out := map[string]int{}
	for _, x := range list {
		out[x.k] = x.v
	}
	return out, err
}
