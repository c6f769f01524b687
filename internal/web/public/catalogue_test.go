package public_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestCatalogueFilters(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	all := p.page(t, "/xxgk/", http.StatusOK)
	mustContain(t, "目录", all, "全部主动公开信息，共 31 条", `<th scope="col" role="columnheader">索引号</th>`, `<th scope="col" role="columnheader">名称</th>`,
		`<th scope="col" role="columnheader">文号</th>`, `<th scope="col" role="columnheader">发布机构</th>`,
		`<th scope="col" role="columnheader">成文日期</th>`, `<th scope="col" role="columnheader">发布日期</th>`,
		`<th scope="col" role="columnheader">有效性</th>`,
		`<label for="f-topic">主题分类</label>`, `<label for="f-issuer">发布机构</label>`,
		`<label for="f-year">发布年份</label>`, `<label for="f-validity">有效性</label>`,
		`<option value="2024">2024年</option>`, `<option value="产业科">产业科</option>`)
	mustNotContain(t, "目录", all, "尚未审核的草稿通知", "已撤回的通知", "阳新县")

	for _, c := range []struct {
		query   string
		summary string
		has     []string
		hasNot  []string
	}{
		{"topic=" + url.QueryEscape(`工业、交通\工业`), "共 14 条", []string{"技术改造奖补办法"}, []string{"市经信局召开"}},
		{"issuer=" + url.QueryEscape("产业科"), "共 12 条", []string{"第2批"}, []string{"第1批工业", "技术改造"}},
		{"year=2024", "共 9 条", []string{"第6批", "技术改造奖补办法》的通知"}, []string{"第7批", "（修订）"}},
		{"year=2025", "共 22 条", []string{"第9批", "（修订）"}, []string{"第6批工业"}},
		{"validity=" + url.QueryEscape("已废止"), "共 1 条", []string{"技术改造奖补办法》的通知", `data-label="有效性">已废止</td>`}, []string{"（修订）"}},
		{"q=" + url.QueryEscape("技术改造"), "共 2 条", []string{"（修订）", "技术改造奖补办法》的通知"}, []string{"调查"}},
		{"topic=" + url.QueryEscape(`工业、交通\工业`) + "&year=2024", "共 4 条", []string{"第2批", "第6批"}, []string{"第8批"}},
	} {
		body := p.page(t, "/xxgk/?"+c.query, http.StatusOK)
		mustContain(t, c.query, body, append([]string{"符合条件的信息，" + c.summary}, c.has...)...)
		mustNotContain(t, c.query, body, c.hasNot...)
	}
	// The chosen filter stays selected.
	mustContain(t, "selected year", p.page(t, "/xxgk/?year=2024", http.StatusOK), `<option value="2024" selected>2024年</option>`)
	// A valid year without documents says so.
	none := p.page(t, "/xxgk/?year=1999", http.StatusOK)
	mustContain(t, "empty year", none, "没有找到符合条件的信息", `<option value="1999" selected>1999年</option>`)
}

func TestCatalogueSearchAndPaging(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	// The layout's search box submits q to the 目录.
	home := p.page(t, "/", http.StatusOK)
	mustContain(t, "search box", home, `action="/xxgk/" method="get"`, `name="q"`)
	q := url.QueryEscape("调查")
	first := p.page(t, "/xxgk/?q="+q, http.StatusOK)
	if n := docLinks(first); n != 20 {
		t.Errorf("page 1 of the search has %d documents, want 20", n)
	}
	mustContain(t, "search page 1", first, "共 25 条", `value="调查"`, `href="/xxgk/?page=2&amp;q=`+q+`" rel="next"`,
		"<title>“调查”的检索结果")
	second := p.page(t, "/xxgk/?page=2&q="+q, http.StatusOK)
	if n := docLinks(second); n != 5 {
		t.Errorf("page 2 of the search has %d documents, want 5", n)
	}
	mustContain(t, "search page 2", second, "第1批工业企业调查", `href="/xxgk/?q=`+q+`" rel="prev"`)
	p.page(t, "/xxgk/?page=3&q="+q, http.StatusNotFound)
	if got := p.page(t, "/xxgk/?page=x&q="+q, http.StatusOK); docLinks(got) != 20 {
		t.Error("?page=x does not show the first page")
	}
}

func TestCatalogueBadFilters(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	for _, c := range []struct{ query, field, message string }{
		{"topic=" + url.QueryEscape("不存在的分类"), "f-topic", "没有主题分类为“不存在的分类”的信息"},
		{"issuer=" + url.QueryEscape("<script>"), "f-issuer", "没有发布机构为“&lt;script&gt;”的信息"},
		{"year=20x5", "f-year", "年份应为四位数字"},
		{"year=12345", "f-year", "年份应为四位数字"},
		{"validity=valid", "f-validity", "有效性只能是：有效、已修改、已废止、已失效"},
		{"q=" + url.QueryEscape(strings.Repeat("政", 51)), "f-q", "标题关键词不能超过 50 个字"},
	} {
		body := p.page(t, "/xxgk/?"+c.query, http.StatusBadRequest)
		mustContain(t, c.query, body, "筛选条件有误", `id="`+c.field+`-error">`+c.message,
			`id="`+c.field+`" name=`, `aria-invalid="true" aria-describedby="`+c.field+`-error"`)
		mustNotContain(t, c.query, body, "<table", "<script>", "strconv", "invalid syntax")
	}
	// What was typed in the keyword box is kept.
	mustContain(t, "kept keyword", p.page(t, "/xxgk/?year=x&q="+url.QueryEscape("调查"), http.StatusBadRequest), `value="调查"`)
}
