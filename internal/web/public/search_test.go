package public_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// searchPortal is the portal with its documents indexed (they were written
// before the app attached the index, as in a database from before search).
func searchPortal(t *testing.T, st *store.Store) *portal {
	t.Helper()
	p := newPortal(t, st)
	if _, err := search.Reindex(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSearchPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := searchPortal(t, st)
		body := p.page(t, "/search?q="+url.QueryEscape("技术改造 奖补")+"&order=rel", 200)
		mustContain(t, "relevance", body, "找到 2 条结果", "<mark>技术改造</mark>", "【已废止】", "请以现行有效文件为准",
			"黄经信发〔2025〕12号", `href="/doc/`)
		// The document in force comes before the repealed one.
		if strings.Index(body, "（修订）") > strings.Index(body, "【已废止】") {
			t.Error("repealed document ranked first")
		}
		mustNotContain(t, "hidden documents", p.page(t, "/search?q="+url.QueryEscape("通知"), 200), "尚未审核的草稿通知", "已撤回的通知", "阳新县")
		body = p.page(t, "/search?q="+url.QueryEscape("工业企业调查")+"&validity=有效&type=other&year=2025", 200)
		mustContain(t, "filtered", body, "找到 19 条结果", "order=rel")
		body = p.page(t, "/search?q="+url.QueryEscape("工业企业调查")+"&page=2", 200)
		mustContain(t, "page 2", body, "找到 25 条结果", "当前第 2 页", "第1批")
		p.page(t, "/search?q="+url.QueryEscape("工业企业调查")+"&page=3", 404)
		body = p.page(t, "/search?q=x&year=20x5&column=nope&type=law&order=best", 400)
		mustContain(t, "errors", body, "年份应为四位数字", "没有这个栏目", "文件类型只能是", "排序只能是", `value="x"`)
		body = p.page(t, "/search?q="+url.QueryEscape("天气预报"), 200)
		mustContain(t, "nothing", body, "没有找到与“天气预报”相关的信息")
		// The sub-site searches its own documents only.
		mustContain(t, "sub-site", p.page(t, "/s/yx/search?q="+url.QueryEscape("用工服务"), 200), "找到 1 条结果", `href="/s/yx/doc/`)
	})
}

func TestSearchAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := searchPortal(t, st)
		code, hdr, body := p.get(t, "/api/v1/search?q="+url.QueryEscape("技术改造")+"&limit=1")
		if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
			t.Fatalf("%d %s", code, body)
		}
		var res struct {
			Total   int `json:"total"`
			Results []struct {
				Title, URL, Snippet, DocNo, PublishedOn, Validity string
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		if res.Total != 2 || len(res.Results) != 1 {
			t.Fatalf("%+v", res)
		}
		r := res.Results[0]
		var raw map[string]any
		_ = json.Unmarshal([]byte(body), &raw)
		first := raw["results"].([]any)[0].(map[string]any)
		for _, k := range []string{"title", "url", "snippet", "doc_no", "published_on", "validity"} {
			if _, ok := first[k]; !ok {
				t.Errorf("result lacks %s", k)
			}
		}
		if !strings.HasPrefix(first["url"].(string), "http://gk.example.gov.cn/doc/") || first["doc_no"] != "黄经信发〔2025〕12号" ||
			first["published_on"] != "2025-05-20" || first["validity"] != "有效" || !strings.Contains(first["snippet"].(string), "<mark>") {
			t.Errorf("result %+v (%v)", first, r)
		}
		code, _, body = p.get(t, "/api/v1/search?q=&limit=500")
		if code != 400 || !strings.Contains(body, "请输入检索词") || !strings.Contains(body, "limit 应为") {
			t.Errorf("bad request: %d %s", code, body)
		}
	})
}
