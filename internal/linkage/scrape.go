package linkage

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html/charset"
)

// dateRE finds a date the way list pages of government sites print it:
// 2025-03-01, 2025/3/1, 2025.03.01 or 2025年3月1日.
var dateRE = regexp.MustCompile(`(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// ScrapeList reads the items of a list page where the site offers no feed:
// every element itemSel matches is one item, its first link with an href
// gives the link and (from the link's title attribute or text) the title,
// and the date comes from dateSel inside the item or, without one, from
// the first date in the item's text. The page's charset is taken from the
// Content-Type header or the <meta> tag, so GBK pages (common on older
// government CMSs) read correctly; relative links resolve against base
// and the page's <base href>.
func ScrapeList(body []byte, contentType string, base *url.URL, itemSel, dateSel string) ([]Item, error) {
	if strings.TrimSpace(itemSel) == "" {
		return nil, fail("未设置列表项选择器", errors.New("no item selector"))
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fail("无法识别页面的字符编码", err)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fail("页面无法解析", err)
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := url.Parse(strings.TrimSpace(href)); err == nil && base != nil {
			base = base.ResolveReference(b)
		}
	}
	if err := ValidSelector(itemSel); err != nil {
		return nil, err
	}
	if dateSel != "" {
		if err := ValidSelector(dateSel); err != nil {
			return nil, err
		}
	}
	var items []Item
	doc.Find(itemSel).Each(func(_ int, s *goquery.Selection) {
		if it, ok := scrapeItem(s, base, dateSel); ok {
			items = append(items, it)
		}
	})
	if len(items) == 0 {
		return nil, fail("按选择器“"+itemSel+"”在页面中没有找到任何带链接的列表项，请核对选择器", errors.New("no items"))
	}
	return items, nil
}

func scrapeItem(s *goquery.Selection, base *url.URL, dateSel string) (Item, bool) {
	a := s
	if !s.Is("a[href]") {
		a = s.Find("a[href]").First()
	}
	href, _ := a.Attr("href")
	link := resolve(base, href)
	title, _ := a.Attr("title")
	title = squash(title)
	if title == "" {
		title = squash(a.Text())
	}
	if link == "" || title == "" {
		return Item{}, false
	}
	dateText := ""
	if dateSel != "" {
		dateText = s.Find(dateSel).First().Text()
	}
	if dateText == "" {
		dateText = s.Text()
	}
	return Item{GUID: link, Link: link, Title: title, PublishedOn: findDate(dateText)}, true
}

// findDate is the first date in text as YYYY-MM-DD, "" when there is none
// or it is not a real date.
func findDate(text string) string {
	m := dateRE.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// squash collapses the white space of text taken from markup.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// plain is the text of an HTML fragment (feed descriptions carry markup).
func plain(fragment string) string {
	if !strings.ContainsRune(fragment, '<') {
		return squash(fragment)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(fragment))
	if err != nil {
		return squash(fragment)
	}
	return squash(doc.Text())
}

// ValidSelector reports whether sel is a CSS selector goquery can use
// (goquery itself silently matches nothing for a broken one).
func ValidSelector(sel string) error {
	if _, err := cascadia.Compile(sel); err != nil {
		return fail("CSS 选择器写法有误："+sel, err)
	}
	return nil
}
