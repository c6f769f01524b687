package staff

import (
	"fmt"
	"net/http"
	"strings"

	"gongkai/internal/newmedia"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// menuSlot is one first-level button of the editor with its five
// second-level slots (empty ones are left out when saving).
type menuSlot struct {
	N         int
	Name, URL string
	Subs      []menuSub
}

type menuSub struct {
	N, M      int
	Name, URL string
}

type wechatMenuPage struct {
	web.Page
	Account store.MediaAccount
	Slots   []menuSlot
	SiteURL string
	Problem string
}

// slotsOf lays a menu out in the editor's 3 × (1 + 5) grid.
func slotsOf(m newmedia.Menu) []menuSlot {
	slots := make([]menuSlot, 3)
	for i := range slots {
		slots[i].N = i
		slots[i].Subs = make([]menuSub, 5)
		for j := range slots[i].Subs {
			slots[i].Subs[j] = menuSub{N: i, M: j}
		}
		if i < len(m.Buttons) {
			b := m.Buttons[i]
			slots[i].Name, slots[i].URL = b.Name, b.URL
			for j, s := range b.Sub {
				if j < 5 {
					slots[i].Subs[j].Name, slots[i].Subs[j].URL = s.Name, s.URL
				}
			}
		}
	}
	return slots
}

// menuOfForm reads the editor's grid back into a menu.
func menuOfForm(r *http.Request) newmedia.Menu {
	var m newmedia.Menu
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	for i := range 3 {
		b := newmedia.Button{Name: get(fmt.Sprintf("b%d_name", i))}
		for j := range 5 {
			name, u := get(fmt.Sprintf("b%d_%d_name", i, j)), get(fmt.Sprintf("b%d_%d_url", i, j))
			if name != "" || u != "" {
				b.Sub = append(b.Sub, newmedia.Button{Type: "view", Name: name, URL: u})
			}
		}
		if len(b.Sub) == 0 {
			b.Type, b.URL = "view", get(fmt.Sprintf("b%d_url", i))
		}
		if b.Name != "" || b.URL != "" || len(b.Sub) > 0 {
			m.Buttons = append(m.Buttons, b)
		}
	}
	return m
}

// wechatMenu shows the account's menu (or the suggested one: 信息公开,
// 办事服务, and 互动交流 with the message board) for editing.
func (m mediaHandlers) wechatMenu(w http.ResponseWriter, r *http.Request) {
	a, err := m.wechatAccountOf(r)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	site, _ := siteByID(m.app, a.SiteID)
	base := m.siteURL(r, site)
	p := wechatMenuPage{Page: m.base(r, "公众号自定义菜单"), Account: a, Slots: slotsOf(newmedia.MenuOf(a, base)), SiteURL: base}
	m.app.Render(w, r, http.StatusOK, "staff/wechat_menu.html", p)
}

// wechatMenuSave validates the menu and sends it to the platform; what was
// typed stays on the page when it is refused.
func (m mediaHandlers) wechatMenuSave(w http.ResponseWriter, r *http.Request) {
	a, err := m.wechatAccountOf(r)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	menu := menuOfForm(r)
	err = menu.Validate()
	if err == nil {
		err = m.svc.UpdateMenu(r.Context(), a, menu)
	}
	if err != nil {
		msg, ok := platformMessage(err)
		if !ok {
			m.app.Fail(w, r, err)
			return
		}
		site, _ := siteByID(m.app, a.SiteID)
		p := wechatMenuPage{Page: m.base(r, "公众号自定义菜单"), Account: a, Slots: slotsOf(menu), SiteURL: m.siteURL(r, site), Problem: msg}
		m.app.Render(w, r, http.StatusBadRequest, "staff/wechat_menu.html", p)
		return
	}
	_ = m.app.Audit(r, "wechat.menu", "media:"+itoa(a.ID), fmt.Sprintf("%d个一级菜单", len(menu.Buttons)))
	http.Redirect(w, r, "/admin/wechat/"+itoa(a.ID)+"?msg=menu", http.StatusSeeOther)
}
