package staff_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/web/router"
)

const (
	testUSCC     = "11420200MB1234567X"
	testPassword = "Gongkai-Test-2025"
)

var china = time.FixedZone("CST", 8*3600)

// clock is the app's settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// env is a running service on a real store with one site, two Orgs each
// responsible for one column, and the official calendar.
type env struct {
	t          *testing.T
	st         *store.Store
	app        *web.App
	srv        *httptest.Server
	clock      *clock
	site       catalog.Site
	orgA, orgB int64
	colA, colB int64
}

// maxUpload is the attachment limit in tests: small, so the 413 path is cheap.
const maxUpload = 64 << 10

func newEnv(t *testing.T, st *store.Store) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{t: t, st: st, clock: &clock{t: time.Date(2025, 3, 10, 10, 0, 0, 0, china)}}
	e.site = catalog.Site{Code: "main", Name: "市经济和信息化局", USCC: testUSCC}
	var err error
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	e.site.ID = must(st.CreateSite(ctx, e.site))
	e.orgA = must(st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "办公室"}))
	e.orgB = must(st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "规划科"}))
	e.colA = must(st.CreateColumn(ctx, catalog.Column{SiteID: e.site.ID, Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice, OrgID: e.orgA}))
	e.colB = must(st.CreateColumn(ctx, catalog.Column{SiteID: e.site.ID, Slug: "ghjh", Name: "规划计划", Kind: catalog.KindPlan, OrgID: e.orgB}))
	if err = st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.MaxUpload = maxUpload
	app, h, err := router.New(ctx, cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = e.clock.Now
	e.app = app
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e
}

var hashOnce = sync.OnceValues(func() (string, error) { return auth.HashPassword(testPassword) })

// user creates an account with testPassword.
func (e *env) user(username string, role auth.Role, org int64) int64 {
	e.t.Helper()
	hash, err := hashOnce()
	if err != nil {
		e.t.Fatal(err)
	}
	id, err := e.st.CreateUser(context.Background(), auth.User{Username: username, DisplayName: username + "姓名", Role: role, OrgID: org, PasswordHash: hash})
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

// client is a browser: a cookie jar, and redirects are not followed so
// tests see them.
type client struct {
	e  *env
	hc *http.Client
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// login signs username in with testPassword and fails the test otherwise.
func (e *env) login(username string) *client {
	e.t.Helper()
	c := e.client()
	res := c.post("/admin/login", url.Values{"username": {username}, "password": {testPassword}})
	if res.status != http.StatusSeeOther || res.location != "/admin/" {
		e.t.Fatalf("login %s: %d %s %s", username, res.status, res.location, res.body)
	}
	return c
}

type response struct {
	status   int
	body     string
	location string
	header   http.Header
}

func (c *client) do(req *http.Request) response {
	c.e.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, body: string(b), location: res.Header.Get("Location"), header: res.Header}
}

func (c *client) get(path string) response {
	c.e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.e.srv.URL+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) response {
	c.e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// upload is one file of a multipart post.
type upload struct {
	name string
	data []byte
}

func (c *client) postMultipart(path string, form url.Values, files ...upload) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile("attachments", f.name)
		if err != nil {
			c.e.t.Fatal(err)
		}
		_, _ = fw.Write(f.data)
	}
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// documentForm is a valid new-document form for column col.
func documentForm(col int64, title string) url.Values {
	return url.Values{
		"column": {itoa(col)}, "title": {title}, "summary": {"关于开展调查工作的通知"},
		"body_html": {`<p style="text-align:center">各有关单位：</p><p>请按要求报送。</p>`},
		"doc_no":    {"黄经信发〔2025〕5号"}, "topic": {"工业、交通"}, "issuer": {"市经济和信息化局"},
		"genre": {"normative"}, "written_on": {"2025-03-03"},
		"channel": {"政务微信", "", ""}, "channel_date": {"2025-03-05", "", ""}, "channel_ref": {"黄石经信公众号", "", ""},
	}
}

// publishForm takes a new document through the whole workflow: office
// creates it from form, submits it and passes 初审; reviewer passes 终审 with
// the 保密审查 declaration.
func publishForm(t *testing.T, office, reviewer *client, form url.Values) int64 {
	t.Helper()
	id := docID(t, office.post("/admin/documents/new", form))
	path := "/admin/documents/" + itoa(id) + "/"
	office.post(path+"submit", nil)
	office.post(path+"first-approve", nil)
	if res := reviewer.post(path+"final-approve", url.Values{"secrecy": {"yes"}}); res.status != http.StatusSeeOther {
		t.Fatalf("终审 %s: %d %s", form.Get("title"), res.status, res.body)
	}
	return id
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// audits counts the audit rows with action.
func (e *env) audits(action string) []auth.AuditEntry {
	e.t.Helper()
	es, _, err := e.st.Audit(context.Background(), store.AuditFilter{Action: action, Limit: 500})
	if err != nil {
		e.t.Fatal(err)
	}
	return es
}

// docID reads the document ID from a redirect to /admin/documents/{id}.
func docID(t *testing.T, res response) int64 {
	t.Helper()
	rest, ok := strings.CutPrefix(res.location, "/admin/documents/")
	if res.status != http.StatusSeeOther || !ok {
		t.Fatalf("expected redirect to the document, got %d %q: %s", res.status, res.location, res.body)
	}
	id, _, _ := strings.Cut(rest, "?")
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		t.Fatalf("document id %q: %v", id, err)
	}
	return n
}

// rebind turns ? placeholders into $n for PostgreSQL, for the few raw
// statements tests run to set up a situation.
func (e *env) rebind(q string) string {
	if e.st.Dialect() != store.Postgres {
		return q
	}
	for i := 1; strings.Contains(q, "?"); i++ {
		q = strings.Replace(q, "?", "$"+strconv.Itoa(i), 1)
	}
	return q
}
