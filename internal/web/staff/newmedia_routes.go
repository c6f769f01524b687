package staff

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/newmedia"
	"gongkai/internal/web"
)

// mediaHandlers serve the 政务新媒体 register and the 公众号 pages. The
// newmedia.Service keeps one API client per account, so access tokens are
// cached across requests.
type mediaHandlers struct {
	handlers
	svc *newmedia.Service
}

// registerNewMedia adds the register (website-rules §1.6: each account,
// its platform, owner 科室 and last post, watched by the 2-week rule) and
// the official account pages: the connection, publishing a published
// document with its status, and the custom menu.
func (h handlers) registerNewMedia() {
	m := mediaHandlers{handlers: h, svc: mediaService(h.app)}
	s := h.staff
	s("GET /admin/newmedia", auth.PermNewMedia, m.mediaList)
	s("GET /admin/newmedia/new", auth.PermNewMedia, m.mediaNew)
	s("POST /admin/newmedia/new", auth.PermNewMedia, m.mediaSave)
	s("GET /admin/newmedia/{id}/edit", auth.PermNewMedia, m.mediaEdit)
	s("POST /admin/newmedia/{id}/edit", auth.PermNewMedia, m.mediaSave)
	s("POST /admin/newmedia/{id}/posts", auth.PermNewMedia, m.mediaPostRecord)
	s("GET /admin/wechat", auth.PermNewMedia, m.wechatIndex)
	s("GET /admin/wechat/{id}", auth.PermNewMedia, m.wechatAccount)
	s("POST /admin/wechat/{id}/api", auth.PermNewMedia, m.wechatAPISave)
	s("GET /admin/wechat/{id}/menu", auth.PermNewMedia, m.wechatMenu)
	s("POST /admin/wechat/{id}/menu", auth.PermNewMedia, m.wechatMenuSave)
	s("GET /admin/wechat/{id}/publish", auth.PermNewMedia, m.wechatPublishForm)
	s("POST /admin/wechat/{id}/publish", auth.PermNewMedia, m.wechatPublish)
	s("POST /admin/wechat/posts/{pid}/refresh", auth.PermNewMedia, m.wechatPostRefresh)
	s("POST /admin/wechat/posts/{pid}/retry", auth.PermNewMedia, m.wechatPostRetry)
}

// mediaServices holds one newmedia.Service per App, shared by the pages
// and the background loop, so each account has one token cache.
var mediaServices sync.Map // *web.App → *newmedia.Service

func mediaService(app *web.App) *newmedia.Service {
	v, _ := mediaServices.LoadOrStore(app, &newmedia.Service{Store: app.Store, Now: func() time.Time { return app.Now() }})
	return v.(*newmedia.Service)
}

// RefreshWeChatPosts asks the platform about every post it is still
// checking, so a publication submitted from the back office becomes the
// document's 政务微信 channel record without anyone pressing 刷新 (the
// background loop calls it).
func RefreshWeChatPosts(ctx context.Context, app *web.App) {
	n, err := mediaService(app).RefreshOpen(ctx)
	if err != nil && ctx.Err() == nil {
		app.Log.Warn("wechat publication status", "err", err, "asked", n)
	}
}

// siteURL is the absolute address of a site for links that leave the
// platform (the menu, 阅读原文): the monitors' configured portal address,
// else the address this request came in on; sub-sites add /s/{code}.
func (m mediaHandlers) siteURL(r *http.Request, site catalog.Site) string {
	base := ""
	if s, err := monitor.LoadSettings(r.Context(), m.app.Store); err == nil && s.SiteURL != "" {
		base = strings.TrimRight(s.SiteURL, "/")
	} else {
		scheme := "http"
		if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	// The first root site answers at /, the others under /s/{code}/ (web.ResolveSite).
	for _, s := range m.app.Sites() {
		if s.ParentID == 0 {
			if s.ID != site.ID {
				base += "/s/" + site.Code
			}
			break
		}
	}
	return base
}
