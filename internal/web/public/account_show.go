package public

import (
	"net/http"
	"strings"

	"gongkai/internal/web"
	"gongkai/internal/web/prefs"
)

// accountFlashes are the confirmations after a redirect (?done=…); only
// these fixed texts can appear.
var accountFlashes = map[string]string{
	"registered": "注册成功，您已登录。您的阅读设置将保存在账号中。",
	"signedin":   "您已登录，账号中保存的阅读设置已应用到本页面。",
	"signedout":  "您已退出登录。本浏览器仍保留当前的阅读设置。",
}

// accountShow is the citizen's account page: who is signed in and the
// reading settings the account keeps, or the way to sign in.
func (h handlers) accountShow(w http.ResponseWriter, r *http.Request) {
	p := accountPage{Page: h.app.Base(r, "我的账号")}
	p.Flash = accountFlashes[r.URL.Query().Get("done")]
	if c, _, ok := h.citizenOf(r); ok {
		p.SignedIn, p.Masked = true, maskUsername(c.Username)
		account := prefs.FromJSON(c.Prefs)
		p.Settings = settingsSummary(account)
		if account != p.A11y.Prefs {
			// Changed on another device: bring this browser up to date.
			setPrefsCookie(w, r, account)
			p.A11y.Prefs = account
		}
	} else {
		p.Settings = settingsSummary(p.A11y.Prefs)
	}
	w.Header().Set("Cache-Control", "no-store")
	h.app.Render(w, r, http.StatusOK, "public/account.html", p)
}

// accountLogout signs the citizen out and returns to the account page.
func (h handlers) accountLogout(w http.ResponseWriter, r *http.Request) {
	h.endCitizenSession(w, r)
	_, base, _ := web.SiteOf(r)
	http.Redirect(w, r, base+"/account/?done=signedout", http.StatusSeeOther)
}

// settingsSummary lists the settings in words, one line per toolbar group.
func settingsSummary(p prefs.Prefs) []string {
	v := prefs.View{Prefs: p}
	lines := []string{"关怀版（适老化）：" + prefsOnOff(p.ElderMode)}
	groups := append(v.Groups(), prefs.Group{Legend: "朗读", Options: append([]prefs.Option{v.PointOption()}, v.SpeedOptions()...)})
	for _, g := range groups {
		var on []string
		for _, o := range g.Options {
			if o.Pressed {
				on = append(on, o.Label)
			}
		}
		if len(on) == 0 {
			on = []string{"未开启"}
		}
		lines = append(lines, g.Legend+"："+strings.Join(on, "、"))
	}
	return lines
}

func prefsOnOff(b bool) string {
	if b {
		return "开启"
	}
	return "关闭"
}
