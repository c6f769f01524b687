package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/web/router"
)

// now is 2025-09-30 09:00 in Beijing, the Tuesday before National Day.
var now = time.Date(2025, 9, 30, 1, 0, 0, 0, time.UTC)

type server struct {
	st   *store.Store
	app  *web.App
	url  string
	site int64
}

// newServer runs the whole service (router.New, all middleware) on a
// real listener, as a 12345 hotline's server would reach it.
func newServer(t testing.TB, st *store.Store, settings map[string]string) *server {
	t.Helper()
	ctx := context.Background()
	site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	for k, v := range settings {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	app, h, err := router.New(ctx, cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = func() time.Time { return now }
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &server{st: st, app: app, url: srv.URL, site: site}
}

type result struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// post sends body (a value to encode, or raw []byte) as JSON.
func (s *server) post(t testing.TB, path string, body any, headers ...string) result {
	t.Helper()
	var b []byte
	switch v := body.(type) {
	case []byte:
		b = v
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	req, err := http.NewRequest(http.MethodPost, s.url+path, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := result{status: resp.StatusCode, header: resp.Header}
	r.raw, _ = io.ReadAll(resp.Body)
	_ = json.Unmarshal(r.raw, &r.body)
	return r
}

// fields lists the "field" of every entry of an error answer.
func (r result) fields() map[string]string {
	out := map[string]string{}
	list, _ := r.body["errors"].([]any)
	for _, e := range list {
		m, _ := e.(map[string]any)
		f, _ := m["field"].(string)
		msg, _ := m["message"].(string)
		out[f] = msg
	}
	return out
}

// validBody is a complete application of a natural person.
func validBody() map[string]any {
	return map[string]any{
		"applicant": map[string]any{
			"kind": "person", "name": "张三", "id_type": "resident_id", "id_number": "11010519491231002X",
			"phone": "13812345678", "email": "zhang@example.com", "address": "湖北省黄石市下陆区团城山街道8号",
		},
		"description": "2025年工业企业技术改造补贴资金拨付名单",
		"doc_no":      "",
		"delivery":    map[string]any{"form": "electronic", "method": "email"},
	}
}

// without returns validBody with one dotted field removed.
func without(path ...string) map[string]any {
	b := validBody()
	m := b
	for _, p := range path[:len(path)-1] {
		m = m[p].(map[string]any)
	}
	delete(m, path[len(path)-1])
	return b
}

// residentID returns a valid 身份证号码 (GB 11643 check character) for n.
func residentID(n int) string {
	base := fmt.Sprintf("11010119900307%03d", n%1000)
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(base[i]-'0') * weights[i]
	}
	return base + string("10X98765432"[sum%11])
}
