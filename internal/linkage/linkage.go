// Package linkage is the 政务新媒体/上级网站 linkage of a site (issue 9,
// website-rules §2.1 "转载" and §4.4 归集推送): reading the city or
// province government's feeds and list pages, recognising the same item from
// two sources, the rules that mark items as required reposts and their due
// dates on the working-day calendar, the monthly repost report's verdicts,
// and the signed webhook push of published documents. The rules are pure
// functions; Fetcher and Pusher are the two HTTP clients and take the time
// and the target as arguments.
package linkage

import "time"

// Kind is how a subscription is read.
type Kind string

const (
	KindFeed Kind = "feed" // RSS, Atom or JSON Feed (gofeed detects which)
	KindPage Kind = "page" // an HTML list page scraped with a CSS selector
)

// Known reports whether k is one of the two kinds.
func (k Kind) Known() bool { return k == KindFeed || k == KindPage }

// Label is the Chinese name of the kind.
func (k Kind) Label() string {
	if k == KindPage {
		return "列表页抓取"
	}
	return "订阅源（RSS/Atom/JSON Feed）"
}

// Item is one upstream item as read from a source, before it is stored.
type Item struct {
	GUID        string // the source's identifier, else the link
	Link        string // absolute
	Title       string
	PublishedOn string // YYYY-MM-DD in China time, "" when the source gives none
	Category    string // the source's column or category names, joined with "、"
	Sender      string // 发文单位 or author as the source names it
	Summary     string // plain text
	ContentHTML string // unsanitised markup from the source; the store keeps it sanitised
}

// china is the zone dates are reckoned in.
var china = time.FixedZone("CST", 8*3600)

// DateOf is t's calendar date in China as YYYY-MM-DD ("" for the zero time).
func DateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(china).Format("2006-01-02")
}
