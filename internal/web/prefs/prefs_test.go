package prefs

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestDefaultEncodesEmpty(t *testing.T) {
	if e := Default().Encode(); e != "" {
		t.Fatalf("Default().Encode() = %q, want empty", e)
	}
	if !Parse("").IsDefault() || !Parse("nonsense").IsDefault() {
		t.Fatal("empty or unknown encodings must give the defaults")
	}
}

func TestRoundTrip(t *testing.T) {
	p := Default()
	p.ElderMode, p.TextSize, p.Spacing, p.Theme, p.Zoom = true, 4, 3, ThemeContrast, 150
	p.BigCursor, p.Guides, p.Caption, p.TextOnly, p.PointRead, p.Panel = true, true, true, true, true, true
	p.Layout, p.Density, p.Speed = "cards", "spacious", "faster"
	enc := p.Encode()
	if got := Parse(enc); got != p {
		t.Fatalf("Parse(%q) = %+v, want %+v", enc, got, p)
	}
	want := "elder=1&size=4&spacing=3&theme=contrast&zoom=150&cursor=1&guides=1&caption=1&textonly=1&layout=cards&density=spacious&point=1&speed=faster&panel=1"
	if enc != want {
		t.Fatalf("Encode = %q, want %q", enc, want)
	}
}

// A forged cookie can only pick listed values; nothing of it survives into
// the encoding or the classes.
func TestWhitelist(t *testing.T) {
	bad := url.Values{
		"theme": {`dark" onload="alert(1)`}, "size": {"99"}, "spacing": {"0"}, "zoom": {"300"},
		"layout": {"<script>"}, "density": {"huge"}, "speed": {"2.0"}, "elder": {"yes"}, "extra": {"1"},
	}
	p := Default().Apply(bad)
	if !p.IsDefault() {
		t.Fatalf("bad values changed the settings: %+v", p)
	}
	got := Parse(bad.Encode()).Classes()
	if strings.ContainsAny(got, `"<>'`) || strings.Contains(got, "alert") {
		t.Fatalf("classes carry cookie text: %q", got)
	}
	if !Parse("theme=dark&" + strings.Repeat("a", maxEncoded)).IsDefault() {
		t.Fatal("an over-long cookie must be ignored")
	}
}

func TestSteps(t *testing.T) {
	p := Default()
	for range 10 {
		p = p.Apply(url.Values{"size": {"up"}, "zoom": {"up"}})
	}
	if p.TextSize != MaxTextSize || p.Zoom != 200 {
		t.Fatalf("after 10 steps up: size %d zoom %d", p.TextSize, p.Zoom)
	}
	p = p.Apply(url.Values{"size": {"down"}, "zoom": {"down"}})
	if p.TextSize != MaxTextSize-1 || p.Zoom != 150 {
		t.Fatalf("one step down: size %d zoom %d", p.TextSize, p.Zoom)
	}
	for range 10 {
		p = p.Apply(url.Values{"size": {"down"}, "zoom": {"down"}})
	}
	if p.TextSize != 1 || p.Zoom != 100 {
		t.Fatalf("after 10 steps down: size %d zoom %d", p.TextSize, p.Zoom)
	}
}

func TestClasses(t *testing.T) {
	if c := Default().Classes(); c != "theme-auto layout-list density-standard" {
		t.Fatalf("default classes %q", c)
	}
	p := Default().Apply(url.Values{"elder": {"1"}, "theme": {"dark"}, "size": {"5"}, "textonly": {"1"}, "zoom": {"125"}})
	for _, want := range []string{"theme-dark", "elder", "size-5", "text-only", "zoom-125"} {
		if !strings.Contains(" "+p.Classes()+" ", " "+want+" ") {
			t.Errorf("classes %q lack %q", p.Classes(), want)
		}
	}
}

func TestCacheKey(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	if k := CacheKey(r); k != "" {
		t.Fatalf("no cookie: key %q", k)
	}
	// Two spellings of the same settings share a key; defaults share "".
	r.AddCookie(&http.Cookie{Name: Cookie, Value: "theme=dark&size=2&junk=1"})
	r2 := httptest.NewRequest(http.MethodGet, "/", nil)
	r2.AddCookie(&http.Cookie{Name: Cookie, Value: "size=2&theme=dark"})
	if CacheKey(r) != CacheKey(r2) || CacheKey(r) != "size=2&theme=dark" {
		t.Fatalf("keys %q and %q", CacheKey(r), CacheKey(r2))
	}
	r3 := httptest.NewRequest(http.MethodGet, "/", nil)
	r3.AddCookie(&http.Cookie{Name: Cookie, Value: "theme=auto&size=1"})
	if k := CacheKey(r3); k != "" {
		t.Fatalf("explicit defaults: key %q, want empty", k)
	}
}

func TestGroupsAndMessages(t *testing.T) {
	p := Default().Apply(url.Values{"theme": {"contrast"}, "cursor": {"1"}})
	v := View{Prefs: p}
	pressed := map[string]string{}
	for _, g := range v.Groups() {
		for _, o := range g.Options {
			if o.Pressed {
				pressed[o.Name] += o.Value + ","
			}
		}
	}
	if pressed["theme"] != "contrast," || pressed["size"] != "1," || pressed["cursor"] != "0," {
		t.Fatalf("pressed buttons %v", pressed)
	}
	if m := Message("theme", p); m != "配色：高对比度" {
		t.Fatalf("theme message %q", m)
	}
	if m := Message("cursor", p); m != "已开启大鼠标" {
		t.Fatalf("cursor message %q", m)
	}
	if o := v.ElderOption(); o.Value != "1" || o.Pressed {
		t.Fatalf("elder switch when off: %+v", o)
	}
}

func TestJSON(t *testing.T) {
	if j := Default().JSON(); j != "{}" {
		t.Fatalf("default JSON %q", j)
	}
	p := Default().Apply(url.Values{"theme": {"dark"}, "elder": {"1"}, "size": {"3"}})
	if j := p.JSON(); j != `{"elder":"1","size":"3","theme":"dark"}` {
		t.Fatalf("JSON %q", j)
	}
	if got := FromJSON(p.JSON()); got != p {
		t.Fatalf("FromJSON round trip %+v", got)
	}
	if !FromJSON(`{"theme":"<b>"}`).IsDefault() || !FromJSON("not json").IsDefault() {
		t.Fatal("bad JSON must give the defaults")
	}
}
