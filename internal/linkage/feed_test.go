package linkage

import (
	"net/url"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestParseFeedGBKAndJSON: an RSS feed encoded in GBK (declared in its
// XML header, as older government CMSs write it) and a JSON Feed 1.1 both
// read into items with absolute links and China dates.
func TestParseFeedGBKAndJSON(t *testing.T) {
	rss := `<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>黄石市人民政府</title>
<item><title>关于做好春季森林防火工作的通知</title><link>xxgk/fh.html</link><pubDate>Sun, 09 Mar 2025 23:30:00 +0000</pubDate></item>
</channel></rss>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(rss)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://www.huangshi.gov.cn/rss/")
	items, err := ParseFeed([]byte(gbk), base)
	if err != nil || len(items) != 1 {
		t.Fatalf("GBK feed: %v %+v", err, items)
	}
	// 23:30 UTC on the 9th is the 10th in Beijing.
	if it := items[0]; it.Title != "关于做好春季森林防火工作的通知" || it.Link != "https://www.huangshi.gov.cn/rss/xxgk/fh.html" || it.PublishedOn != "2025-03-10" {
		t.Errorf("GBK item = %+v", it)
	}
	jf := `{"version":"https://jsonfeed.org/version/1.1","title":"湖北省人民政府","items":[
		{"id":"hb-1","url":"/zfwj/1.shtml","title":"省政府关于印发春耕方案的通知","date_published":"2025-03-07T18:00:00+08:00",
		 "tags":["政府文件"],"authors":[{"name":"湖北省人民政府办公厅"}],"content_html":"<p>各市州人民政府：</p>"}]}`
	items, err = ParseFeed([]byte(jf), base)
	if err != nil || len(items) != 1 {
		t.Fatalf("JSON Feed: %v %+v", err, items)
	}
	if it := items[0]; it.GUID != "hb-1" || it.Link != "https://www.huangshi.gov.cn/zfwj/1.shtml" || it.PublishedOn != "2025-03-07" ||
		it.Category != "政府文件" || it.Sender != "湖北省人民政府办公厅" || it.ContentHTML != "<p>各市州人民政府：</p>" {
		t.Errorf("JSON item = %+v", it)
	}
	if _, err := ParseFeed([]byte("<html><body>not a feed</body></html>"), base); err == nil || Message(err) != "内容不是有效的 RSS、Atom 或 JSON Feed 订阅源" {
		t.Errorf("html as feed: %v", err)
	}
}
