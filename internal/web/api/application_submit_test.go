package api_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

func TestSubmitAndLookup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		s := newServer(t, st, nil)
		body := validBody()
		body["description"] = `技改补贴名单<script>alert("x")</script>`
		r := s.post(t, "/api/v1/applications", body)
		if r.status != http.StatusCreated {
			t.Fatalf("status %d: %s", r.status, r.raw)
		}
		code, _ := r.body["code"].(string)
		pw, _ := r.body["password"].(string)
		if !regexp.MustCompile(`^YS2025-\d{6}$`).MatchString(code) || len(pw) != 14 {
			t.Fatalf("answer %s", r.raw)
		}
		// 2025-09-30 received; National Day 10-01…10-08 is not counted, 10-11 (Sat) is a 调休 working day.
		cal, _ := st.Calendar(context.Background())
		want, _ := cal.AddWorkdays(workday.NewDate(2025, 9, 30), 20)
		if r.body["received_on"] != "2025-09-30" || r.body["due_on"] != want.String() {
			t.Fatalf("dates %s, want due %s", r.raw, want)
		}
		if r.header.Get("Set-Cookie") != "" || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
			t.Fatalf("headers %v", r.header)
		}
		rec, err := st.ApplicationByCode(context.Background(), code)
		if err != nil || rec.Channel != store.ChannelAPI || rec.SiteID != s.site || !strings.Contains(rec.Description, "<script>") {
			t.Fatalf("stored %+v %v", rec, err)
		}

		l := s.post(t, "/api/v1/applications/lookup", map[string]string{"code": strings.ToLower(code), "password": strings.ToLower(pw)})
		if l.status != http.StatusOK || l.body["state"] != "received" || l.body["due_on"] != want.String() || l.body["state_label"] != "已收到，待分办" {
			t.Fatalf("lookup %d %s", l.status, l.raw)
		}
		// The 接收回执 is issued as on the portal, served by the 201 answer.
		ns, _ := l.body["notices"].([]any)
		if len(ns) != 1 {
			t.Fatalf("notices after an API submission: %s", l.raw)
		}
		if n, _ := ns[0].(map[string]any); n["kind"] != "receipt" || n["title"] != "政府信息公开申请接收回执" ||
			n["issued_on"] != "2025-09-30" || n["delivered_via"] != "接口提交后即时确认" || !strings.Contains(fmt.Sprint(n["body_html"]), code) {
			t.Fatalf("receipt %v", n)
		}
		// The script tag comes back as text, escaped for HTML contexts too.
		if strings.Contains(string(l.raw), "<script>") || !strings.Contains(string(l.raw), `\u003cscript\u003e`) {
			t.Fatalf("description not escaped: %s", l.raw)
		}
		if l.body["description"] != body["description"] {
			t.Fatalf("description changed: %v", l.body["description"])
		}
		for _, bad := range []map[string]string{
			{"code": code, "password": "2222-3333-4444"},
			{"code": "YS2025-999999", "password": pw},
		} {
			if r := s.post(t, "/api/v1/applications/lookup", bad); r.status != http.StatusNotFound || r.fields()[""] != "查询码或查询密码不正确" {
				t.Fatalf("bad lookup %v: %d %s", bad, r.status, r.raw)
			}
		}
		if r := s.post(t, "/api/v1/applications/lookup", map[string]string{"code": code}); r.status != http.StatusUnprocessableEntity || r.fields()["password"] == "" {
			t.Fatalf("lookup without password: %d %s", r.status, r.raw)
		}
	})
}

func TestSubmitValidation(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	s := newServer(t, st, map[string]string{"api.trusted_addrs": "127.0.0.1, ::1"})
	for _, c := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"kind", without("applicant", "kind"), "applicant.kind"},
		{"name", without("applicant", "name"), "applicant.name"},
		{"id_type", without("applicant", "id_type"), "applicant.id_type"},
		{"id_number", without("applicant", "id_number"), "applicant.id_number"},
		{"description and doc_no", without("description"), "description"},
		{"delivery form", without("delivery", "form"), "delivery.form"},
		{"delivery method", without("delivery", "method"), "delivery.method"},
		{"email for e-mail delivery", without("applicant", "email"), "applicant.email"},
	} {
		r := s.post(t, "/api/v1/applications", c.body)
		if r.status != http.StatusUnprocessableEntity || r.fields()[c.field] == "" {
			t.Errorf("missing %s: %d %s", c.name, r.status, r.raw)
		}
	}
	// Every contact missing: one message, on the phone field.
	b := validBody()
	a := b["applicant"].(map[string]any)
	delete(a, "phone")
	delete(a, "email")
	delete(a, "address")
	b["delivery"] = map[string]any{"form": "paper", "method": "collect"}
	if r := s.post(t, "/api/v1/applications", b); r.status != 422 || !strings.Contains(r.fields()["applicant.phone"], "联系方式") {
		t.Errorf("no contact: %d %s", r.status, r.raw)
	}
	// A wrong GB 11643 check character.
	b = validBody()
	b["applicant"].(map[string]any)["id_number"] = "110105194912310021"
	if r := s.post(t, "/api/v1/applications", b); r.status != 422 || !strings.Contains(r.fields()["applicant.id_number"], "校验码") {
		t.Errorf("bad check digit: %d %s", r.status, r.raw)
	}
	// Chinese labels are accepted for the enums.
	b = validBody()
	b["applicant"].(map[string]any)["kind"] = "自然人"
	b["applicant"].(map[string]any)["id_type"] = "居民身份证"
	b["delivery"] = map[string]any{"form": "纸质", "method": "邮寄"}
	if r := s.post(t, "/api/v1/applications", b); r.status != http.StatusCreated {
		t.Errorf("labels: %d %s", r.status, r.raw)
	}
	// Errors are listed in form order, all at once.
	r := s.post(t, "/api/v1/applications", map[string]any{})
	list, _ := r.body["errors"].([]any)
	if r.status != 422 || len(list) < 5 || list[0].(map[string]any)["field"] != "applicant.kind" {
		t.Errorf("empty body: %d %s", r.status, r.raw)
	}
	for _, c := range []struct {
		name   string
		body   []byte
		ctype  string
		status int
	}{
		{"not JSON", []byte(`{"applicant":`), "application/json", http.StatusBadRequest},
		{"wrong type", []byte(`{"applicant":{"name":12}}`), "application/json", http.StatusBadRequest},
		{"two objects", []byte(`{} {}`), "application/json", http.StatusBadRequest},
		{"form post", []byte(`a=b`), "application/x-www-form-urlencoded", http.StatusUnsupportedMediaType},
		{"too large", []byte(`{"description":"` + strings.Repeat("长", 30000) + `"}`), "application/json", http.StatusRequestEntityTooLarge},
	} {
		r := s.post(t, "/api/v1/applications", c.body, "Content-Type", c.ctype)
		if r.status != c.status || len(r.fields()) == 0 {
			t.Errorf("%s: %d %s", c.name, r.status, r.raw)
		}
	}
	if r := s.post(t, "/api/v1/nothing", map[string]any{}); r.status != http.StatusNotFound || len(r.fields()) != 1 {
		t.Errorf("unknown path: %d %s", r.status, r.raw)
	}
}

func TestRateLimits(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	s := newServer(t, st, nil)
	ids := []string{residentID(1), residentID(2), residentID(3), residentID(4), residentID(5), residentID(6)}
	var last result
	for i := range 6 {
		b := validBody()
		b["applicant"].(map[string]any)["id_number"] = ids[i]
		last = s.post(t, "/api/v1/applications", b)
		if i < 5 && last.status != http.StatusCreated {
			t.Fatalf("submission %d: %d %s", i, last.status, last.raw)
		}
	}
	if last.status != http.StatusTooManyRequests || last.header.Get("Retry-After") == "" {
		t.Fatalf("6th from one address: %d %s", last.status, last.raw)
	}

	// A trusted server (the 12345 hotline) is not limited per address,
	// but one ID number still is.
	st2 := storetest.Open(t, store.SQLite)
	s2 := newServer(t, st2, map[string]string{"api.trusted_addrs": "127.0.0.0/8, ::1/128"})
	for i := range 6 {
		b := validBody()
		b["applicant"].(map[string]any)["id_number"] = ids[i]
		if r := s2.post(t, "/api/v1/applications", b); r.status != http.StatusCreated {
			t.Fatalf("trusted submission %d: %d %s", i, r.status, r.raw)
		}
	}
	for i := range 6 {
		b := validBody()
		b["applicant"].(map[string]any)["id_number"] = ids[0]
		r := s2.post(t, "/api/v1/applications", b)
		want := http.StatusCreated
		if i == 4 { // ids[0] was used once above: 5 is the burst
			want = http.StatusTooManyRequests
		}
		if r.status != want {
			t.Fatalf("same ID #%d: %d %s", i, r.status, r.raw)
		}
		if want == http.StatusTooManyRequests {
			break
		}
	}
	// Failed lookups of one code are limited whatever the address.
	ok := s2.post(t, "/api/v1/applications", func() map[string]any {
		b := validBody()
		b["applicant"].(map[string]any)["id_number"] = residentID(7)
		return b
	}())
	code := ok.body["code"].(string)
	var r result
	for range 11 {
		r = s2.post(t, "/api/v1/applications/lookup", map[string]string{"code": code, "password": "2222-2222-2222"})
	}
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("11th wrong password: %d %s", r.status, r.raw)
	}
}

func TestCrossOriginBrowserRefusedServerAccepted(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	s := newServer(t, st, nil)
	r := s.post(t, "/api/v1/applications", validBody(), "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	if r.status != http.StatusForbidden {
		t.Fatalf("cross-site browser POST: %d", r.status)
	}
	if r := s.post(t, "/api/v1/applications", validBody()); r.status != http.StatusCreated {
		t.Fatalf("server-to-server POST: %d %s", r.status, r.raw)
	}
}

// TestConcurrentSubmissions: 200 simultaneous API submissions get 200
// distinct codes, all stored (issue 3, done-when).
func TestConcurrentSubmissions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		s := newServer(t, st, map[string]string{"api.trusted_addrs": "127.0.0.1, ::1", "api.id_per_day": "0"})
		const n = 200
		codes := make([]string, n)
		var wg sync.WaitGroup
		errs := make(chan string, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := s.post(t, "/api/v1/applications", validBody())
				if r.status != http.StatusCreated {
					errs <- fmt.Sprintf("submission %d: %d %s", i, r.status, r.raw)
					return
				}
				codes[i], _ = r.body["code"].(string)
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Fatal(e)
		}
		seen := map[string]bool{}
		for _, c := range codes {
			if seen[c] {
				t.Fatalf("code %s twice", c)
			}
			seen[c] = true
			if _, err := st.ApplicationByCode(context.Background(), c); err != nil {
				t.Fatalf("%s not stored: %v", c, err)
			}
		}
		if n2, _ := st.CountApplications(context.Background(), store.ApplicationFilter{}); n2 != n {
			t.Fatalf("%d stored, want %d", n2, n)
		}
	})
}
