package public

import (
	"net/http"
	"net/url"
	"strconv"
)

// perPage is the length of every paginated public list.
const perPage = 20

// maxPage bounds page numbers so the offset cannot overflow; no site has
// 20 million documents in one list.
const maxPage = 1_000_000

// pager is what templates/partials/pager.html needs.
type pager struct {
	Page, Pages, Total int
	url                func(page int) string
}

// URL is the address of page n of the same list, with the same filters.
func (p pager) URL(n int) string { return p.url(n) }

// pageParam reads ?page=N. Anything that is not a positive number means the
// first page: a mistyped link should still show the list.
func pageParam(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxPage+1)
}

// newPager builds the pager of a list of total items at page n and reports
// false when n lies past the last page (answered with 404). keep holds the
// query parameters (filters) every page link repeats.
func newPager(path string, keep url.Values, n, total int) (pager, bool) {
	pages := max((total+perPage-1)/perPage, 1)
	p := pager{Page: n, Pages: pages, Total: total, url: func(page int) string {
		q := url.Values{}
		for k, v := range keep {
			if len(v) > 0 && v[0] != "" {
				q.Set(k, v[0])
			}
		}
		if page > 1 {
			q.Set("page", strconv.Itoa(page))
		}
		if len(q) == 0 {
			return path
		}
		return path + "?" + q.Encode()
	}}
	return p, n <= pages
}

// offset is where page n starts.
func offset(n int) int { return (n - 1) * perPage }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
