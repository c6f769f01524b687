package public_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/web/router"
)

// applyNow is Monday 2026-03-02 09:00 in Beijing: a working day, so the
// receipt date is that day and the reply is due 20 working days later.
var applyNow = time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)

// applyMaxUpload is the configured upload limit of the fixture: small, so
// an oversized file is cheap to send.
const applyMaxUpload = 200 << 10

// applyEnv is the whole service on a real store, as the portal serves it.
type applyEnv struct {
	st   *store.Store
	app  *web.App
	h    http.Handler
	cfg  config.Config
	site catalog.Site
}

func newApplyEnv(t testing.TB, st *store.Store) *applyEnv {
	t.Helper()
	ctx := context.Background()
	e := &applyEnv{st: st}
	e.site = catalog.Site{Code: "main", Name: "示例市经济和信息化局", USCC: mainUSCC, Phone: "0714-6541234",
		Address: "示例市下陆区杭州西路1号"}
	var err error
	if e.site.ID, err = st.CreateSite(ctx, e.site); err != nil {
		t.Fatal(err)
	}
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	e.cfg = config.Default()
	e.cfg.DataDir = t.TempDir()
	e.cfg.MaxUpload = applyMaxUpload
	e.app, e.h, err = router.New(ctx, e.cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	e.app.Now = func() time.Time { return applyNow }
	return e
}

// formFile is a file sent with a form.
type formFile struct {
	field, name string
	data        []byte
}

// request is one request to the service; addr is the client address.
type request struct {
	method, path string
	values       url.Values
	files        []formFile
	cookies      []*http.Cookie
	addr         string
}

// do sends rq through the whole service. A POST is sent as
// multipart/form-data, text fields first, as a browser sends the form.
func (e *applyEnv) do(t testing.TB, rq request) *httptest.ResponseRecorder {
	t.Helper()
	var body io.Reader
	ctype := ""
	if rq.method == http.MethodPost {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for k, vs := range rq.values {
			for _, v := range vs {
				if err := mw.WriteField(k, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, f := range rq.files {
			w, err := mw.CreateFormFile(f.field, f.name)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(f.data)
		}
		_ = mw.Close()
		body, ctype = &b, mw.FormDataContentType()
	}
	r := httptest.NewRequest(rq.method, rq.path, body)
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	if rq.addr != "" {
		r.RemoteAddr = rq.addr + ":40000"
	}
	for _, c := range rq.cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

// idWithCheck completes 17 digits into a valid 居民身份证号码 (GB 11643).
func idWithCheck(first17 string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range first17 {
		sum += int(c-'0') * weights[i]
	}
	return first17 + string("10X98765432"[sum%11])
}

// personID is a valid number for person n (born 1970-01-01, Hubei).
func personID(n int) string { return idWithCheck(fmt.Sprintf("42020019700101%03d", n%1000)) }

// validForm is a complete application by a person, online delivery.
func validForm(n int) url.Values {
	return url.Values{
		"applicant.kind": {"person"}, "applicant.name": {"张建国"}, "applicant.id_type": {"resident_id"},
		"applicant.id_number": {personID(n)}, "applicant.phone": {"13800138000"},
		"applicant.email": {"zhang@example.com"}, "applicant.address": {"湖北省示例市下陆区团城山街道8号"},
		"applicant.post_code": {"435000"},
		"description":         {"2025年度本市工业企业技术改造奖补资金的分配结果"},
		"delivery.form":       {"electronic"}, "delivery.method": {"email"}, "consent": {"yes"},
	}
}

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			out.Del(kv[i])
		} else {
			out.Set(kv[i], kv[i+1])
		}
	}
	return out
}

var (
	codeRE     = regexp.MustCompile(`id="code">(YS\d{4}-\d{6})<`)
	passwordRE = regexp.MustCompile(`id="password">([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<`)
)

// submitted reads the code and password off a confirmation page.
func submitted(t testing.TB, w *httptest.ResponseRecorder) (code, password string) {
	t.Helper()
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "政府信息公开申请接收回执") {
		t.Fatalf("submission: status %d, want the confirmation page:\n%s", w.Code, clip(body))
	}
	c, p := codeRE.FindStringSubmatch(body), passwordRE.FindStringSubmatch(body)
	if c == nil || p == nil {
		t.Fatalf("confirmation without code or password:\n%s", clip(body))
	}
	return c[1], p[1]
}

// besideField checks that the message is shown right after the field with
// id inputID, tied to it, and that the field is marked invalid.
func besideField(t testing.TB, body, inputID, msg string) {
	t.Helper()
	in := strings.Index(body, `id="`+inputID+`"`)
	if in < 0 {
		t.Fatalf("no field #%s on the page", inputID)
	}
	errTag := `id="` + inputID + `-error">` + msg + `<`
	at := strings.Index(body, errTag)
	if at < 0 {
		t.Fatalf("field #%s: message %q not shown (errors: %q)", inputID, msg, fieldErrors(body))
	}
	between := body[in:at]
	if at < in || strings.Contains(between, `class="form-row"`) || strings.Contains(between, "<fieldset") {
		t.Fatalf("field #%s: message %q is not beside the field", inputID, msg)
	}
	tag := body[strings.LastIndex(body[:in], "<"):]
	tag = tag[:strings.Index(tag, ">")]
	if strings.Contains(tag, `type="radio"`) { // a radio group is marked on its fieldset
		tag = body[strings.LastIndex(body[:in], "<fieldset"):]
		tag = tag[:strings.Index(tag, ">")]
	}
	if !strings.Contains(tag, `aria-invalid="true"`) || !strings.Contains(tag, inputID+"-error") {
		t.Fatalf("field #%s is not marked invalid and tied to its message: %s", inputID, tag)
	}
	if !strings.Contains(body, `href="#`+inputID+`"`) {
		t.Fatalf("the error summary does not link to #%s", inputID)
	}
}

var fieldErrorRE = regexp.MustCompile(`class="field-error" id="([^"]+)">([^<]*)<`)

func fieldErrors(body string) map[string]string {
	out := map[string]string{}
	for _, m := range fieldErrorRE.FindAllStringSubmatch(body, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// storedFiles counts the files under the files directory.
func (e *applyEnv) storedFiles(t testing.TB) int {
	t.Helper()
	n := 0
	_ = filepath.WalkDir(e.cfg.FilesDir(), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

func (e *applyEnv) openCount(t testing.TB) int {
	t.Helper()
	n, err := e.st.CountApplications(context.Background(), store.ApplicationFilter{SiteID: e.site.ID})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// tinyPDF is the start of a PDF: enough for the type check.
func tinyPDF(size int) []byte {
	b := []byte("%PDF-1.4\n%test\n")
	for len(b) < size {
		b = append(b, "0123456789abcdef\n"...)
	}
	return b[:max(size, 16)]
}
