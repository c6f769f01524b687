package public_test

import (
	"net/http"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestRegisterPage: the 现行有效 library lists the replacement and not the
// repealed original, and shows the yearly 制发/废止 counts of table 二.
func TestRegisterPage(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	code, _, body := p.get(t, "/gfxwj/")
	if code != http.StatusOK {
		t.Fatalf("/gfxwj/: %d", code)
	}
	if !strings.Contains(body, "黄经信发〔2025〕12号") || !strings.Contains(body, "技术改造奖补办法（修订）") {
		t.Fatal("the document in force is not listed")
	}
	if strings.Contains(body, "黄经信发〔2024〕5号") {
		t.Fatal("the repealed document is listed as in force")
	}
	if !strings.Contains(body, "现行有效文件（共 1 件）") {
		t.Fatal("count of documents in force wrong")
	}
	// 2025: the revision was issued and the original repealed that year.
	if !strings.Contains(body, "<tr><td>2025</td><td>行政规范性文件</td><td>1</td><td>1</td><td>1</td></tr>") {
		t.Fatalf("2025 counts missing:\n%s", body)
	}
	if code, _, _ := p.get(t, "/s/yx/gfxwj/"); code != http.StatusOK {
		t.Fatalf("sub-site register: %d", code)
	}
	if code, hdr, _ := p.get(t, "/s/yx/gfxwj"); code != http.StatusMovedPermanently || hdr.Get("Location") != "/s/yx/gfxwj/" {
		t.Fatalf("redirect: %d %s", code, hdr.Get("Location"))
	}
}
