package router_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/demo"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/router"
)

// applyFlowNow is Monday 2026-03-02 10:00 in Beijing: every step of the
// flow is dated that day, inside the 2026 calendar, whatever day the test
// runs (an extension from late November would reach into a year the
// calendar may not cover yet).
var applyFlowNow = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)

// Staff of the flow: a 公开办 member who handles the case and the
// 政府信息公开工作机构负责人 who alone may approve an extension (条例第三十三条).
const (
	clerkName = "gkb-clerk"
	headName  = "gkb-head"
)

// applyFlowEnv is the whole service on SQLite with the clock fixed.
type applyFlowEnv struct {
	st   *store.Store
	srv  *httptest.Server
	site catalog.Site
	org  int64
}

func newApplyFlowEnv(t *testing.T) *applyFlowEnv {
	t.Helper()
	ctx := context.Background()
	e := &applyFlowEnv{st: storetest.Open(t, store.SQLite)}
	var err error
	e.site = catalog.Site{Code: "jxj", Name: demo.Agency.Name, USCC: demo.Agency.USCC, Phone: "0714-6541234"}
	if e.site.ID, err = e.st.CreateSite(ctx, e.site); err != nil {
		t.Fatal(err)
	}
	if e.org, err = e.st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "投资与规划科"}); err != nil {
		t.Fatal(err)
	}
	if err := e.st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	// The 复议机关 of the remedy clause (行政复议法第二十四条): the reply
	// cannot be issued without it.
	set := disclosure.DefaultSettings()
	set.Remedy.Organ = "示例市人民政府"
	if err := e.st.SaveDisclosureSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	hash, err := hashOnce()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []auth.User{
		{Username: clerkName, DisplayName: "周公开办", Role: auth.RoleOffice},
		{Username: headName, DisplayName: "吴负责人", Role: auth.RoleOfficeHead},
	} {
		u.PasswordHash = hash
		if _, err := e.st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	app, h, err := router.New(ctx, cfg, e.st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = func() time.Time { return applyFlowNow }
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e
}

func (e *applyFlowEnv) application(t *testing.T, code string) store.ApplicationRecord {
	t.Helper()
	rec, err := e.st.ApplicationByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("application %s: %v", code, err)
	}
	return rec
}

// staffStep submits one action form of the staff case page and checks the
// flash that confirms it.
func staffStep(t *testing.T, ctx context.Context, action, flash string, fill ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if len(fill) > 0 {
		do(t, ctx, "fill in "+action, fill...)
	}
	status, _ := load(t, ctx, action, chromedp.Click(chromedp.CSS(fmt.Sprintf(`form[action$="/%s"] button[type=submit]`, action))))
	if got := text(t, ctx, ".flash"); status != 200 || got != flash {
		t.Fatalf("%s: status %d, flash %q (want %q), errors %q / %q", action, status, got, flash,
			text(t, ctx, ".form-error"), text(t, ctx, ".field-error"))
	}
}

// fetchDOCX downloads a Word link of the citizen's status page from the
// page itself, with the page's own session, as a click would.
func fetchDOCX(t *testing.T, ctx context.Context, linkCSS string) []byte {
	t.Helper()
	f := eval[attachmentFetch](t, ctx, fmt.Sprintf(`(async () => {
	  const a = document.querySelector(%q);
	  const r = await fetch(a.href);
	  const b = new Uint8Array(await r.arrayBuffer());
	  let s = ''; for (const x of b) s += String.fromCharCode(x);
	  return {name: a.textContent.trim(), download: a.hasAttribute('download'), status: r.status,
	    type: r.headers.get('content-type') || '', data: btoa(s)};
	})()`, linkCSS))
	if f.Status != 200 || f.Type != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Fatalf("Word download: status %d, type %q", f.Status, f.Type)
	}
	data, err := base64.StdEncoding.DecodeString(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// docxParagraphs opens a Word document and returns its paragraphs' text.
func docxParagraphs(t *testing.T, b []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the Word document does not open: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`).FindAllString(string(x), -1) {
			var s string
			for _, m := range regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>`).FindAllStringSubmatch(p, -1) {
				s += m[1]
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	t.Fatal("the Word document has no word/document.xml")
	return nil
}
