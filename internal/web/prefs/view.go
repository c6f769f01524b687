package prefs

import (
	"net/http"
	"strconv"
)

// FromRequest reads the visitor's preferences from the cookie; a missing
// or damaged cookie gives Default.
func FromRequest(r *http.Request) Prefs {
	c, err := r.Cookie(Cookie)
	if err != nil {
		return Default()
	}
	return Parse(c.Value)
}

// CacheKey is the part of a cached page's key that the preferences decide:
// "" for the defaults, so most visitors share one cached copy.
func CacheKey(r *http.Request) string {
	c, err := r.Cookie(Cookie)
	if err != nil || c.Value == "" {
		return ""
	}
	return Parse(c.Value).Encode()
}

// Task is a common task the 适老化 mode puts first (website-rules §3.2:
// 信息内容的扁平化, a clear path to what people come for).
type Task struct {
	Label string
	Path  string // without the site's base
}

// View is what the public layout needs to draw the toolbar and apply the
// settings.
type View struct {
	Prefs
	Back  string // this page's own address, where a setting sends the visitor back
	TTS   bool   // the server can make speech audio (espeak-ng is installed)
	Voice bool   // a speech-recognition service is configured for voice input
	Tasks []Task // the 适老化 mode's common tasks whose pages exist
}

// Option is one button of the toolbar: a form submit of Name=Value.
type Option struct {
	Name, Value, Label string
	Pressed            bool
	Toggle             bool // an on/off switch: Value is the state it switches to
	NeedsScript        bool // works only with JavaScript; hidden until the script runs
}

// Group is one labelled set of toolbar buttons.
type Group struct {
	ID, Legend string
	Options    []Option
}

// Groups lists the toolbar's settings with their current state.
func (v View) Groups() []Group {
	p := v.Prefs
	sizes := []string{"标准", "较大", "大", "特大", "超大"}
	var size []Option
	for i, l := range sizes {
		size = append(size, choice("size", strconv.Itoa(i+1), l, p.TextSize == i+1))
	}
	var zoom []Option
	for _, z := range zooms {
		zoom = append(zoom, choice("zoom", strconv.Itoa(z), strconv.Itoa(z)+"%", p.Zoom == z))
	}
	return []Group{
		{"a11y-size", "文字大小", size},
		{"a11y-spacing", "行距", []Option{
			choice("spacing", "1", "标准", p.Spacing == 1), choice("spacing", "2", "加宽", p.Spacing == 2),
			choice("spacing", "3", "特宽", p.Spacing == 3)}},
		{"a11y-theme", "配色", []Option{
			choice("theme", string(ThemeAuto), "跟随系统", p.Theme == ThemeAuto),
			choice("theme", string(ThemeLight), "标准", p.Theme == ThemeLight),
			choice("theme", string(ThemeContrast), "高对比度", p.Theme == ThemeContrast),
			choice("theme", string(ThemeDark), "深色", p.Theme == ThemeDark),
			choice("theme", string(ThemeLowSat), "低饱和度", p.Theme == ThemeLowSat)}},
		{"a11y-zoom", "页面缩放", zoom},
		{"a11y-layout", "版式", []Option{
			choice("layout", "list", "列表", p.Layout == "list"), choice("layout", "cards", "卡片", p.Layout == "cards"),
			choice("density", "compact", "紧凑", p.Density == "compact"),
			choice("density", "standard", "适中", p.Density == "standard"),
			choice("density", "spacious", "宽松", p.Density == "spacious")}},
		{"a11y-aids", "阅读辅助", []Option{
			toggle("cursor", "大鼠标", p.BigCursor, false), toggle("guides", "十字线", p.Guides, true),
			toggle("caption", "字幕条", p.Caption, true), toggle("textonly", "纯文本", p.TextOnly, false)}},
	}
}

// SpeedOptions are the read-aloud speeds, shown with the read-aloud controls.
func (v View) SpeedOptions() []Option {
	var speed []Option
	for i, s := range speeds {
		speed = append(speed, choice("speed", s, []string{"慢速", "正常", "较快", "快速"}[i], v.Speed == s))
	}
	return speed
}

// PointOption is the 指读 switch, shown with the read-aloud controls.
func (v View) PointOption() Option { return toggle("point", "指读", v.PointRead, true) }

// ElderOption is the 关怀版 switch at the top of every page.
func (v View) ElderOption() Option { return toggle("elder", "关怀版", v.ElderMode, false) }

func choice(name, value, label string, pressed bool) Option {
	return Option{Name: name, Value: value, Label: label, Pressed: pressed}
}

func toggle(name, label string, on, script bool) Option {
	o := Option{Name: name, Value: "1", Label: label, Pressed: on, Toggle: true, NeedsScript: script}
	if on {
		o.Value = "0"
	}
	return o
}

// Message is what the live region says after key changed to p's value,
// so a screen-reader user hears the effect of a button (WCAG 4.1.3).
func Message(key string, p Prefs) string {
	onOff := func(name string, on bool) string {
		if on {
			return "已开启" + name
		}
		return "已关闭" + name
	}
	v := View{Prefs: p}
	groups := append(v.Groups(), Group{Legend: "朗读语速", Options: v.SpeedOptions()})
	for _, g := range groups {
		for _, o := range g.Options {
			if o.Name == key && !o.Toggle && o.Pressed {
				return g.Legend + "：" + o.Label
			}
		}
	}
	switch key {
	case "elder":
		return onOff("关怀版", p.ElderMode)
	case "cursor":
		return onOff("大鼠标", p.BigCursor)
	case "guides":
		return onOff("十字线", p.Guides)
	case "caption":
		return onOff("字幕条", p.Caption)
	case "textonly":
		return onOff("纯文本模式", p.TextOnly)
	case "point":
		return onOff("指读", p.PointRead)
	case "panel":
		return onOff("无障碍工具栏", p.Panel)
	case "reset":
		return "已恢复默认设置"
	}
	return "设置已保存"
}
