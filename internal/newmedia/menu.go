package newmedia

import (
	"fmt"
	"net/url"
	"unicode/utf8"
)

// Button is a button of the custom menu: a link (type "view") or a
// first-level button holding up to five second-level ones.
type Button struct {
	Type string   `json:"type,omitempty"`
	Name string   `json:"name"`
	URL  string   `json:"url,omitempty"`
	Sub  []Button `json:"sub_button,omitempty"`
}

// Menu is the account's custom menu (menu/create).
type Menu struct {
	Buttons []Button `json:"button"`
}

// The platform's menu limits: 1–3 first-level buttons, up to 5 under each;
// names of at most 4 (first level) and 8 (second level) Chinese characters,
// counted as 2 units each against 8 and 16 units of Latin letters.
const (
	maxTop, maxSub         = 3, 5
	maxTopWidth, maxSubWid = 8, 16
)

// width counts a Chinese character as 2, a Latin one as 1.
func width(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x80 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// MenuError is a menu the platform would refuse, in Chinese.
type MenuError string

func (e MenuError) Error() string { return string(e) }

// Validate checks the menu against the platform's limits before it is
// sent, with a Chinese message naming the button.
func (m Menu) Validate() error {
	if len(m.Buttons) == 0 || len(m.Buttons) > maxTop {
		return MenuError("菜单须有 1 至 3 个一级菜单")
	}
	for _, b := range m.Buttons {
		if b.Name == "" || width(b.Name) > maxTopWidth {
			return MenuError(fmt.Sprintf("一级菜单“%s”的名称须为 1 至 4 个汉字（或 8 个字母）", b.Name))
		}
		if len(b.Sub) > maxSub {
			return MenuError(fmt.Sprintf("一级菜单“%s”下最多 5 个二级菜单", b.Name))
		}
		if len(b.Sub) == 0 {
			if err := checkLink(b); err != nil {
				return err
			}
		}
		for _, s := range b.Sub {
			if s.Name == "" || width(s.Name) > maxSubWid {
				return MenuError(fmt.Sprintf("二级菜单“%s”的名称须为 1 至 8 个汉字（或 16 个字母）", s.Name))
			}
			if len(s.Sub) > 0 {
				return MenuError(fmt.Sprintf("二级菜单“%s”下不能再有菜单", s.Name))
			}
			if err := checkLink(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkLink accepts an absolute http(s) address of at most 1024 bytes.
func checkLink(b Button) error {
	u, err := url.Parse(b.URL)
	if b.Type != "view" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(b.URL) > 1024 ||
		!utf8.ValidString(b.URL) {
		return MenuError(fmt.Sprintf("菜单“%s”的链接须为以 http:// 或 https:// 开头的完整网址", b.Name))
	}
	return nil
}

// DefaultMenu links the account to the site (the seed's plan: a message
// board and a 办事服务 section in the official account): 信息公开, 办事服务,
// and 互动交流 with the message board, the Q&A assistant and 依申请公开.
// base is the site's absolute address without a trailing slash.
func DefaultMenu(base string) Menu {
	return Menu{Buttons: []Button{
		{Type: "view", Name: "信息公开", URL: base + "/xxgk/"},
		{Type: "view", Name: "办事服务", URL: base + "/service/"},
		{Name: "互动交流", Sub: []Button{
			{Type: "view", Name: "留言板", URL: base + "/messages/"},
			{Type: "view", Name: "智能问答", URL: base + "/assistant"},
			{Type: "view", Name: "依申请公开", URL: base + "/apply"},
		}},
	}}
}
