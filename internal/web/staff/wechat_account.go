package staff

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type wechatIndexPage struct {
	web.Page
	Accounts []store.MediaAccount
}

// wechatIndex lists the register's 微信公众号 accounts.
func (m mediaHandlers) wechatIndex(w http.ResponseWriter, r *http.Request) {
	accs, err := m.app.Store.MediaAccounts(r.Context(), store.MediaAccountFilter{Platform: store.WeChatPlatform})
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	m.app.Render(w, r, http.StatusOK, "staff/wechat_index.html", wechatIndexPage{Page: m.base(r, "公众号"), Accounts: accs})
}

type wechatAccountPage struct {
	web.Page
	form
	Account store.MediaAccount
	API     store.MediaAPI // what was typed, on errors
	Usage   map[string]int
	Posts   []store.MediaPost
	Docs    map[int64]string
	Message string // the last action's outcome, in Chinese
}

// wechatAccount shows an account's connection, today's calls against its
// limits, and its posts with their status.
func (m mediaHandlers) wechatAccount(w http.ResponseWriter, r *http.Request) {
	a, err := m.wechatAccountOf(r)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	api := store.MediaAPI{Base: a.APIBase, AppID: a.AppID, PublishLimit: a.PublishLimit, MenuLimit: a.MenuLimit}
	if api.Base == "" {
		api.Base = "https://api.weixin.qq.com" // the platform's public endpoint, offered until one is saved
	}
	m.renderWeChatAccount(w, r, http.StatusOK, a, api, nil, postMessages[r.URL.Query().Get("msg")])
}

// postMessages are the fixed outcomes shown after a redirect.
var postMessages = map[string]string{
	"published":  "已发布到公众号，发布记录已计入该信息的“政务微信”发布渠道。",
	"publishing": "已提交发布，微信公众平台正在审核，请稍后刷新发布状态。",
	"menu":       "自定义菜单已更新，公众号菜单约5分钟内生效。",
}

func (m mediaHandlers) renderWeChatAccount(w http.ResponseWriter, r *http.Request, status int, a store.MediaAccount, api store.MediaAPI,
	fe catalog.FieldErrors, msg string) {
	ctx := r.Context()
	p := wechatAccountPage{Page: m.base(r, "公众号："+a.Name), form: form{Errs: fe}, Account: a, API: api, Message: msg, Docs: map[int64]string{}}
	var err error
	if p.Usage, err = m.app.Store.MediaUsage(ctx, a.ID, m.today()); err == nil {
		p.Posts, err = m.app.Store.MediaPosts(ctx, store.MediaPostFilter{AccountID: a.ID, Limit: 30})
	}
	for _, post := range p.Posts {
		if post.DocumentID != 0 && err == nil {
			d, derr := m.app.Store.DocumentHead(ctx, post.DocumentID)
			if derr == nil {
				p.Docs[post.DocumentID] = d.Title
			}
		}
	}
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	m.app.Render(w, r, status, "staff/wechat_account.html", p)
}

// wechatAccountOf reads the {id} account, which must be a 微信公众号.
func (m mediaHandlers) wechatAccountOf(r *http.Request) (store.MediaAccount, error) {
	a, err := loadByPath(r, m.app.Store.MediaAccount)
	if err == nil && a.Platform != store.WeChatPlatform {
		err = web.ErrNotFound
	}
	return a, err
}

// wechatAPISave stores the connection. The AppSecret field is never filled
// in again: left empty, the stored (encrypted) secret is kept.
func (m mediaHandlers) wechatAPISave(w http.ResponseWriter, r *http.Request) {
	a, err := m.wechatAccountOf(r)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	api := store.MediaAPI{Base: strings.TrimRight(get("api_base"), "/"), AppID: get("app_id"), Secret: get("app_secret")}
	fe := catalog.FieldErrors{}
	var perr error
	if api.PublishLimit, perr = strconv.Atoi(get("publish_limit")); perr != nil || api.PublishLimit < 1 || api.PublishLimit > 1000 {
		fe.Add("publish_limit", "请填写1至1000之间的次数")
	}
	if api.MenuLimit, perr = strconv.Atoi(get("menu_limit")); perr != nil || api.MenuLimit < 1 || api.MenuLimit > 1000 {
		fe.Add("menu_limit", "请填写1至1000之间的次数")
	}
	if u, err := url.Parse(api.Base); api.Base != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "") {
		fe.Add("api_base", "请填写接口地址，例如 https://api.weixin.qq.com")
	}
	if api.AppID != "" && (len(api.AppID) > 32 || strings.ContainsAny(api.AppID, " /?&#<>\"'")) {
		fe.Add("app_id", "AppID 格式不正确，请从公众平台“设置与开发—基本配置”复制")
	}
	if len(api.Secret) > 64 || strings.ContainsAny(api.Secret, " /?&#<>\"'") {
		fe.Add("app_secret", "AppSecret 格式不正确，请从公众平台复制")
	}
	if api.Secret == "" && !a.HasSecret && api.AppID != "" {
		fe.Add("app_secret", "请填写 AppSecret")
	}
	if len(fe) > 0 {
		api.Secret = "" // never written back into the page
		m.renderWeChatAccount(w, r, http.StatusBadRequest, a, api, fe, "")
		return
	}
	if err := m.app.Store.SetMediaAPI(r.Context(), a.ID, api); err != nil {
		m.app.Fail(w, r, err)
		return
	}
	detail := "接口地址 " + api.Base + "，AppID " + api.AppID // the secret is never written to the audit log
	if api.Secret != "" {
		detail += "，已更换 AppSecret"
	}
	_ = m.app.Audit(r, "wechat.api", "media:"+itoa(a.ID), detail)
	redirect(w, r, "/admin/wechat/"+itoa(a.ID), "saved")
}
