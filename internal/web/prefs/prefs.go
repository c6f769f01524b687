// Package prefs holds a visitor's reading preferences — the 适老化 (elder)
// mode and the 无障碍 settings of the toolbar: text size, line spacing,
// colour theme, page zoom, large cursor, guides, caption bar, text-only
// reading, layout and read-aloud speed.
//
// Preferences travel in one cookie (and on a citizen's account) as a short
// query string. Every value is checked against a whitelist when read, so a
// forged cookie can only select one of the listed settings: nothing from
// the cookie is ever written into a page as it came in.
package prefs

import (
	"net/url"
	"strconv"
	"strings"
)

// Cookie names the guest preferences cookie.
const Cookie = "gk_prefs"

// maxEncoded bounds what Parse reads; a valid encoding is far shorter.
const maxEncoded = 512

// Theme is a colour scheme. ThemeAuto follows the browser's
// prefers-color-scheme and prefers-contrast until the person chooses.
type Theme string

// Themes. Every text colour meets WCAG 1.4.3 (4.5:1) in every theme, and
// 7:1 in ThemeContrast (website-rules §3.5 A3).
const (
	ThemeAuto     Theme = "auto"
	ThemeLight    Theme = "light"
	ThemeContrast Theme = "contrast"
	ThemeDark     Theme = "dark"
	ThemeLowSat   Theme = "lowsat"
)

// Prefs is one person's settings. The zero value is not valid; start from
// Default.
type Prefs struct {
	ElderMode bool   // 适老化 mode: large text, large targets, simple layout
	TextSize  int    // 1 (standard) … 5
	Spacing   int    // line spacing step, 1 (standard) … 3
	Theme     Theme  //
	Zoom      int    // page zoom in percent: 100, 125, 150, 200
	BigCursor bool   // 特大鼠标 (website-rules §3.2)
	Guides    bool   // crosshair guide lines following the pointer
	Caption   bool   // caption bar showing the text under the pointer large
	TextOnly  bool   // text-only reading: no images, one column, plain colours
	Layout    string // "list" or "cards"
	Density   string // "standard", "compact" or "spacious"
	PointRead bool   // 指读: read aloud what is hovered or focused
	Speed     string // read-aloud speed: "slow", "normal", "fast", "faster"
	Panel     bool   // the toolbar's panel stays open (no-script visitors)
}

// Default is what a first-time visitor gets.
func Default() Prefs {
	return Prefs{TextSize: 1, Spacing: 1, Theme: ThemeAuto, Zoom: 100, Layout: "list", Density: "standard", Speed: "normal"}
}

// Whitelists of the enumerated settings, in the order the toolbar lists them.
var (
	themes    = []string{string(ThemeAuto), string(ThemeLight), string(ThemeContrast), string(ThemeDark), string(ThemeLowSat)}
	zooms     = []int{100, 125, 150, 200}
	layouts   = []string{"list", "cards"}
	densities = []string{"compact", "standard", "spacious"}
	speeds    = []string{"slow", "normal", "fast", "faster"}
	rates     = map[string]float64{"slow": 0.75, "normal": 1, "fast": 1.25, "faster": 1.5}
)

// Limits of the stepped settings.
const (
	MaxTextSize = 5
	MaxSpacing  = 3
)

// Keys are the cookie and form field names, in encoding order.
var Keys = []string{"elder", "size", "spacing", "theme", "zoom", "cursor", "guides", "caption",
	"textonly", "layout", "density", "point", "speed", "panel"}

// Apply returns p with the recognised settings of v applied. Unknown keys
// and values outside the whitelists are ignored. "size" and "zoom" also
// take "up" and "down", one step from the current value.
func (p Prefs) Apply(v url.Values) Prefs {
	for _, k := range Keys {
		s := v.Get(k)
		if s == "" {
			continue
		}
		switch k {
		case "elder":
			setBool(&p.ElderMode, s)
		case "size":
			p.TextSize = step(p.TextSize, s, 1, MaxTextSize)
		case "spacing":
			p.Spacing = step(p.Spacing, s, 1, MaxSpacing)
		case "theme":
			if contains(themes, s) {
				p.Theme = Theme(s)
			}
		case "zoom":
			p.Zoom = zoomStep(p.Zoom, s)
		case "cursor":
			setBool(&p.BigCursor, s)
		case "guides":
			setBool(&p.Guides, s)
		case "caption":
			setBool(&p.Caption, s)
		case "textonly":
			setBool(&p.TextOnly, s)
		case "layout":
			setEnum(&p.Layout, layouts, s)
		case "density":
			setEnum(&p.Density, densities, s)
		case "point":
			setBool(&p.PointRead, s)
		case "speed":
			setEnum(&p.Speed, speeds, s)
		case "panel":
			setBool(&p.Panel, s)
		}
	}
	return p
}

// Values returns every setting as its canonical string, keyed like Keys.
func (p Prefs) Values() map[string]string {
	return map[string]string{
		"elder": boolString(p.ElderMode), "size": strconv.Itoa(p.TextSize), "spacing": strconv.Itoa(p.Spacing),
		"theme": string(p.Theme), "zoom": strconv.Itoa(p.Zoom), "cursor": boolString(p.BigCursor),
		"guides": boolString(p.Guides), "caption": boolString(p.Caption), "textonly": boolString(p.TextOnly),
		"layout": p.Layout, "density": p.Density, "point": boolString(p.PointRead), "speed": p.Speed,
		"panel": boolString(p.Panel),
	}
}

// IsDefault reports whether p is the first-time visitor's setting.
func (p Prefs) IsDefault() bool { return p == Default() }

// Rate is the read-aloud speed as a speech rate (1 = normal).
func (p Prefs) Rate() float64 { return rates[p.Speed] }

// Classes are the class names the <html> element carries, so the page is
// rendered in the chosen settings from the first byte (no flash of the
// wrong theme). Only fixed names are produced.
func (p Prefs) Classes() string {
	c := []string{"theme-" + string(p.Theme)}
	if p.ElderMode {
		c = append(c, "elder")
	}
	if p.TextSize > 1 {
		c = append(c, "size-"+strconv.Itoa(p.TextSize))
	}
	if p.Spacing > 1 {
		c = append(c, "spacing-"+strconv.Itoa(p.Spacing))
	}
	if p.Zoom != 100 {
		c = append(c, "zoom-"+strconv.Itoa(p.Zoom))
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{p.BigCursor, "big-cursor"}, {p.Guides, "guides"}, {p.Caption, "caption"}, {p.TextOnly, "text-only"}, {p.PointRead, "point-read"}} {
		if f.on {
			c = append(c, f.name)
		}
	}
	c = append(c, "layout-"+p.Layout, "density-"+p.Density)
	return strings.Join(c, " ")
}

func setBool(dst *bool, s string) {
	switch s {
	case "1":
		*dst = true
	case "0":
		*dst = false
	}
}

func setEnum(dst *string, allowed []string, s string) {
	if contains(allowed, s) {
		*dst = s
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// step applies "up", "down" or an absolute value within [lo, hi].
func step(cur int, s string, lo, hi int) int {
	switch s {
	case "up":
		return min(cur+1, hi)
	case "down":
		return max(cur-1, lo)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return cur
	}
	return n
}

func zoomStep(cur int, s string) int {
	i := 0
	for j, z := range zooms {
		if z == cur {
			i = j
		}
	}
	switch s {
	case "up":
		return zooms[min(i+1, len(zooms)-1)]
	case "down":
		return zooms[max(i-1, 0)]
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return cur
	}
	for _, z := range zooms {
		if z == n {
			return n
		}
	}
	return cur
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
