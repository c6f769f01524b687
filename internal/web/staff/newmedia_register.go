package staff

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type mediaRow struct {
	monitor.MediaStatus
	Site, Org string
}

type mediaListPage struct {
	web.Page
	Rows  []mediaRow
	Today string
}

// mediaList is the register with each account's standing under the 2-week
// rule, computed the way the monitor computes it.
func (m mediaHandlers) mediaList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	accounts, err := m.app.Store.MediaAccounts(ctx, store.MediaAccountFilter{})
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	settings, err := monitor.LoadSettings(ctx, m.app.Store)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	p := mediaListPage{Page: m.base(r, "政务新媒体"), Today: m.today()}
	orgs := map[int64]string{}
	for _, s := range m.app.Sites() {
		os, err := m.app.Store.Orgs(ctx, s.ID)
		if err != nil {
			m.app.Fail(w, r, err)
			return
		}
		for _, o := range os {
			orgs[o.ID] = o.Name
		}
	}
	for _, a := range accounts {
		site, _ := siteByID(m.app, a.SiteID)
		p.Rows = append(p.Rows, mediaRow{MediaStatus: monitor.EvaluateMedia(a, m.app.Now(), settings.AlertDays), Site: site.Name, Org: orgs[a.OrgID]})
	}
	m.app.Render(w, r, http.StatusOK, "staff/newmedia_list.html", p)
}

type mediaFormPage struct {
	web.Page
	form
	Account   store.MediaAccount
	Sites     []catalog.Site
	Orgs      []catalog.Org
	Platforms []string
	Statuses  []string
}

// StatusLabel is a status in Chinese, for the select.
func (mediaFormPage) StatusLabel(s string) string { return store.MediaStatusLabel(s) }

func (m mediaHandlers) mediaNew(w http.ResponseWriter, r *http.Request) {
	a := store.MediaAccount{Status: store.MediaActive, UpdateDays: 14, Interactive: true, Platform: store.WeChatPlatform}
	if sites := m.app.Sites(); len(sites) > 0 {
		a.SiteID = sites[0].ID
	}
	m.renderMediaForm(w, r, http.StatusOK, a, nil)
}

func (m mediaHandlers) mediaEdit(w http.ResponseWriter, r *http.Request) {
	showEditForm(m.app, w, r, m.app.Store.MediaAccount, m.renderMediaForm)
}

func (m mediaHandlers) renderMediaForm(w http.ResponseWriter, r *http.Request, status int, a store.MediaAccount, fe catalog.FieldErrors) {
	title := "登记政务新媒体账号"
	if a.ID != 0 {
		title = "修改政务新媒体账号"
	}
	p := mediaFormPage{Page: m.base(r, title), form: form{Errs: fe}, Account: a, Sites: m.app.Sites(),
		Platforms: store.MediaPlatforms, Statuses: store.MediaStatuses}
	for _, s := range p.Sites {
		orgs, err := m.app.Store.Orgs(r.Context(), s.ID)
		if err != nil {
			m.app.Fail(w, r, err)
			return
		}
		p.Orgs = append(p.Orgs, orgs...)
	}
	m.app.Render(w, r, status, "staff/newmedia_form.html", p)
}

// mediaSave creates (no {id}) or updates a register entry.
func (m mediaHandlers) mediaSave(w http.ResponseWriter, r *http.Request) {
	a, err := loadByPath(r, m.app.Store.MediaAccount)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	a.SiteID, a.OrgID, a.Name, a.Platform, a.Handle, a.URL = formID(r, "site"), formID(r, "org"), get("name"), get("platform"), get("handle"), get("url")
	a.Status, a.LastPostOn, a.FilingNo, a.Note = get("status"), get("last_post_on"), get("filing_no"), get("note")
	a.Interactive = r.FormValue("interactive") == "1"
	days, derr := strconv.Atoi(get("update_days"))
	a.UpdateDays = days
	fe := catalog.FieldErrors{}
	if _, ok := siteByID(m.app, a.SiteID); !ok {
		fe.Add("site", "请从列表中选择站点")
	}
	if a.OrgID != 0 {
		if o, err := m.app.Store.Org(r.Context(), a.OrgID); err != nil || o.SiteID != a.SiteID {
			fe.Add("org", "请选择本站点的科室")
		}
	}
	if n := utf8.RuneCountInString(a.Name); n == 0 || n > 60 {
		fe.Add("name", "请填写账号名称，不超过60个字")
	}
	if !store.KnownMediaPlatform(a.Platform) {
		fe.Add("platform", "请从列表中选择平台")
	}
	if a.Status != store.MediaActive && a.Status != store.MediaPaused && a.Status != store.MediaClosed {
		fe.Add("status", "请从列表中选择状态")
	}
	if a.LastPostOn != "" && !validDate(a.LastPostOn) {
		fe.Add("last_post_on", "请填写日期，格式如 2025-03-01")
	} else if a.LastPostOn > m.today() {
		fe.Add("last_post_on", "最近发布日期不能晚于今天")
	}
	if derr != nil || days < 1 || days > 14 {
		// 国办秘函〔2019〕19号: 2 weeks is the national ceiling; localities may be stricter.
		fe.Add("update_days", "请填写1至14之间的天数（国家要求2周内须有更新，地方可更严格）")
	}
	if a.URL != "" {
		if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fe.Add("url", "请填写以 http:// 或 https:// 开头的完整网址")
		}
	}
	if utf8.RuneCountInString(a.Note) > 500 || utf8.RuneCountInString(a.Handle) > 100 || utf8.RuneCountInString(a.FilingNo) > 100 {
		fe.Add("note", "账号、备案编号不超过100个字，备注不超过500个字")
	}
	if len(fe) > 0 {
		m.renderMediaForm(w, r, http.StatusBadRequest, a, fe)
		return
	}
	if a.ID == 0 {
		a.ID, err = m.app.Store.CreateMediaAccount(r.Context(), a)
	} else {
		err = m.app.Store.UpdateMediaAccount(r.Context(), a)
	}
	if errors.Is(err, store.ErrConflict) {
		fe.Add("name", "本站点在该平台已登记同名账号（同一平台原则上只开设一个账号）")
		m.renderMediaForm(w, r, http.StatusConflict, a, fe)
		return
	}
	if err == nil {
		err = m.app.Audit(r, "newmedia.save", "media:"+itoa(a.ID), a.Platform+" "+a.Name)
	}
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/newmedia#acc-"+itoa(a.ID), "saved")
}

// mediaPostRecord records a post made on the platform by hand (a 微博 or
// 抖音 post, or an article published in the 公众平台 directly), which
// keeps the account's last post date true.
func (m mediaHandlers) mediaPostRecord(w http.ResponseWriter, r *http.Request) {
	a, err := loadByPath(r, m.app.Store.MediaAccount)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	on, title := strings.TrimSpace(r.FormValue("posted_on")), strings.TrimSpace(r.FormValue("title"))
	if !validDate(on) || on > m.today() || title == "" || utf8.RuneCountInString(title) > 200 {
		m.app.Fail(w, r, &web.Error{Status: http.StatusBadRequest, Message: "请填写发布日期（不晚于今天）和标题（不超过200个字）"})
		return
	}
	u, _ := web.UserOf(r)
	if _, err := m.app.Store.CreateMediaPost(r.Context(), store.MediaPost{AccountID: a.ID, Title: title, PostedOn: on,
		Status: store.PostManual, UserID: u.ID}); err != nil {
		m.app.Fail(w, r, err)
		return
	}
	_ = m.app.Audit(r, "newmedia.post", "media:"+itoa(a.ID), on+" "+title)
	redirect(w, r, "/admin/newmedia#acc-"+itoa(a.ID), "saved")
}

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := timeParseDate(s)
	return err == nil
}

func timeParseDate(s string) (time.Time, error) { return time.ParseInLocation("2006-01-02", s, china) }
