package staff

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// Settings keys of the linkage (issue 9). The push secret is sealed with
// the platform's keyring like personal data: a database dump must not hand
// out the key that signs pushes to the city's platform.
const (
	settingWebhookURL    = "linkage.webhook_url"
	settingWebhookSecret = "linkage.webhook_secret" // sealed (secret.Keyring)
	settingWebhookScope  = "linkage.webhook_scope"  // normative | all
	settingPublicBase    = "linkage.public_base"    // https://www.example.gov.cn
	settingDueWorkdays   = "linkage.due_workdays"   // default repost period
)

// fieldWebhookSecret binds the sealed secret to its use.
const fieldWebhookSecret secret.Field = "webhook_secret"

// Push scopes: what the city's platform collects.
const (
	scopeNormative = "normative" // 规章 and 行政规范性文件 (the 归集 of website-rules §4.4)
	scopeAll       = "all"
)

// linkageSettings is the linkage configuration as stored.
type linkageSettings struct {
	WebhookURL  string
	Secret      string // plaintext in memory only; never logged or rendered
	Scope       string
	PublicBase  string
	DueWorkdays int
}

// genres is what the push scope covers (nil: every genre).
func (s linkageSettings) genres() []catalog.Genre {
	if s.Scope == scopeAll {
		return nil
	}
	return []catalog.Genre{catalog.GenreRule, catalog.GenreNormative}
}

func loadLinkageSettings(ctx context.Context, st *store.Store) (linkageSettings, error) {
	ls := linkageSettings{Scope: scopeNormative, DueWorkdays: linkage.DefaultDueWorkdays}
	read := func(key string) (string, error) {
		v, _, err := st.Setting(ctx, key)
		return v, err
	}
	var err error
	if ls.WebhookURL, err = read(settingWebhookURL); err != nil {
		return ls, err
	}
	if ls.PublicBase, err = read(settingPublicBase); err != nil {
		return ls, err
	}
	if v, err := read(settingWebhookScope); err != nil {
		return ls, err
	} else if v == scopeAll {
		ls.Scope = scopeAll
	}
	if v, err := read(settingDueWorkdays); err != nil {
		return ls, err
	} else if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		ls.DueWorkdays = n
	}
	sealed, err := read(settingWebhookSecret)
	if err != nil || sealed == "" {
		return ls, err
	}
	kr, err := st.Keyring()
	if err != nil {
		return ls, err
	}
	ls.Secret, err = kr.Open(fieldWebhookSecret, sealed)
	return ls, err
}

// siteAddress is the public address of site s: the configured public
// base (with /s/{code} for sub-sites), else its own host, else a path.
func siteAddress(s catalog.Site, publicBase string) string {
	publicBase = strings.TrimSuffix(publicBase, "/")
	prefix := ""
	if s.ParentID != 0 {
		prefix = "/s/" + url.PathEscape(s.Code)
	}
	switch {
	case publicBase != "":
		return publicBase + prefix
	case s.Host != "":
		return "https://" + s.Host
	}
	return prefix
}

// siteByID finds a cached site.
func siteByID(app *web.App, id int64) (catalog.Site, bool) {
	for _, s := range app.Sites() {
		if s.ID == id {
			return s, true
		}
	}
	return catalog.Site{}, false
}

// targetForLog is the push address without its query string, which may
// carry a token: the delivery log shows where, never with what.
func targetForLog(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "（地址无效）"
	}
	u.RawQuery, u.User, u.Fragment = "", nil, ""
	return u.String()
}
