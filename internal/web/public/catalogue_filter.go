package public

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// maxQueryRunes caps the title keyword; titles of government documents are
// rarely longer, and a bounded LIKE keeps the 目录 fast.
const maxQueryRunes = 50

// catalogueFilter is the 公开目录 filter as the visitor typed it.
type catalogueFilter struct {
	Topic, Issuer, Year, Validity, Q string
}

func readCatalogueFilter(r *http.Request) catalogueFilter {
	q := r.URL.Query()
	get := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	return catalogueFilter{Topic: get("topic"), Issuer: get("issuer"), Year: get("year"),
		Validity: get("validity"), Q: get("q")}
}

// values are the filter's query parameters, repeated by every page link.
func (f catalogueFilter) values() url.Values {
	return url.Values{"topic": {f.Topic}, "issuer": {f.Issuer}, "year": {f.Year}, "validity": {f.Validity}, "q": {f.Q}}
}

// Active reports whether any filter is set.
func (f catalogueFilter) Active() bool { return f != catalogueFilter{} }

// catalogueChoices are the values the filter selects offer.
type catalogueChoices struct {
	Topics     []string
	Issuers    []string
	Years      []int
	Validities []catalog.Validity
}

// check validates f against the choices and turns it into a store filter.
// Values that are not on offer come from edited or stale links; they get a
// message beside their field instead of an empty or wrong list.
func (f catalogueFilter) check(c catalogueChoices, siteID int64) (store.DocumentFilter, catalog.FieldErrors) {
	fe := catalog.FieldErrors{}
	sf := store.DocumentFilter{SiteID: siteID, States: []catalog.State{catalog.StatePublished}}
	if f.Topic != "" {
		if !slices.Contains(c.Topics, f.Topic) {
			fe.Add("topic", "没有主题分类为“"+clip(f.Topic)+"”的信息，请从列表中选择")
		}
		sf.Topic = f.Topic
	}
	if f.Issuer != "" {
		if !slices.Contains(c.Issuers, f.Issuer) {
			fe.Add("issuer", "没有发布机构为“"+clip(f.Issuer)+"”的信息，请从列表中选择")
		}
		sf.Issuer = f.Issuer
	}
	if f.Year != "" {
		y, err := strconv.Atoi(f.Year)
		if err != nil || len(f.Year) != 4 || y < 1949 {
			fe.Add("year", "年份应为四位数字，例如 2025")
		}
		sf.Year = y
	}
	if f.Validity != "" {
		v := catalog.Validity(f.Validity)
		if !v.Known() {
			fe.Add("validity", "有效性只能是：有效、已修改、已废止、已失效")
		}
		sf.Validity = v
	}
	if f.Q != "" {
		if utf8.RuneCountInString(f.Q) > maxQueryRunes {
			fe.Add("q", "标题关键词不能超过 "+strconv.Itoa(maxQueryRunes)+" 个字")
		}
		sf.Title = f.Q
	}
	return sf, fe
}

// clip shortens a value quoted back in a message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 20 {
		return s
	}
	return string([]rune(s)[:20]) + "…"
}
