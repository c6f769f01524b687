package staff_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

// receiver is the city's platform on loopback: it checks every push's
// signature as linkage.Verify does and answers 500 to the first fails
// pushes.
type receiver struct {
	mu       sync.Mutex
	secret   []byte
	now      func() time.Time
	fails    int
	calls    int
	badSigs  int
	payloads []linkage.Payload
	ids      []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.calls++
	body, _ := io.ReadAll(r.Body)
	if err := linkage.Verify(rc.secret, r.Header.Get(linkage.HeaderTimestamp), r.Header.Get(linkage.HeaderSignature), body, rc.now(), 5*time.Minute); err != nil {
		rc.badSigs++
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	rc.ids = append(rc.ids, r.Header.Get(linkage.HeaderDelivery))
	if rc.calls <= rc.fails {
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	var p linkage.Payload
	if err := json.Unmarshal(body, &p); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	rc.payloads = append(rc.payloads, p)
	w.WriteHeader(http.StatusAccepted)
}

// TestWebhookPush: published normative documents are pushed to the
// configured address with a valid HMAC signature; the receiver's two 500s
// are retried after the back-off, and the delivery log shows every
// attempt. The secret is never rendered nor logged; a document published
// later (as after a restart) is found from the documents table.
func TestWebhookPush(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	var logs bytes.Buffer
	e.app.Log = slog.New(slog.NewTextHandler(&logs, nil))
	ctx := context.Background()
	const secret = "hs-push-secret-0123456789"
	rc := &receiver{secret: []byte(secret), now: e.clock.Now, fails: 2}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	e.user("gkb", auth.RoleOffice, 0)
	e.user("shenhe", auth.RoleReviewer, 0)
	office, reviewer := e.login("gkb"), e.login("shenhe")

	// A push address without a secret is refused beside the field.
	res := office.post("/admin/webhook/settings", url.Values{"url": {srv.URL + "/push?token=abc"}, "scope": {"normative"}, "due_workdays": {"3"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "推送须设置签名密钥") {
		t.Fatalf("settings without secret: %d", res.status)
	}
	res = office.post("/admin/webhook/settings", url.Values{"url": {srv.URL + "/push?token=abc"}, "secret": {secret},
		"scope": {"normative"}, "public_base": {"https://jxj.huangshi.gov.cn"}, "due_workdays": {"3"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("settings: %d %s", res.status, res.body)
	}
	if page := office.get("/admin/webhook").body; strings.Contains(page, secret) || !strings.Contains(page, "已设置（不显示）") {
		t.Fatal("settings page shows the secret or not that it is set")
	}
	if raw, _, _ := e.st.Setting(ctx, "linkage.webhook_secret"); raw == "" || strings.Contains(raw, secret) {
		t.Fatal("secret stored in clear")
	}
	normID := publishForm(t, office, reviewer, documentForm(e.colA, "关于印发工业企业技改奖补办法的通知"))
	other := documentForm(e.colA, "市经信局召开工作会议")
	other.Set("genre", "other")
	other.Set("doc_no", "")
	publishForm(t, office, reviewer, other)

	pass := func() {
		t.Helper()
		if err := staff.Linkage(ctx, e.app, linkage.Fetcher{}, linkage.Pusher{}); err != nil {
			t.Fatal(err)
		}
	}
	pass() // attempt 1: 500
	pass() // not due yet: no attempt
	e.clock.Advance(time.Minute)
	pass() // attempt 2: 500
	e.clock.Advance(time.Minute)
	pass() // not due: the back-off doubled to 2 minutes
	e.clock.Advance(time.Minute)
	pass() // attempt 3: accepted
	if rc.calls != 3 || rc.badSigs != 0 || len(rc.payloads) != 1 {
		t.Fatalf("receiver: %d calls, %d bad signatures, %d payloads", rc.calls, rc.badSigs, len(rc.payloads))
	}
	if rc.ids[0] != rc.ids[2] {
		t.Errorf("delivery id changed between retries: %v", rc.ids)
	}
	doc, _ := e.st.Document(ctx, normID)
	p := rc.payloads[0]
	if p.Event != linkage.EventPublish || p.Document.IndexNo != doc.IndexNo || p.Document.Title != doc.Title ||
		p.Document.DocNo != "黄经信发〔2025〕5号" || p.Document.Genre != "normative" || p.Site.USCC != testUSCC ||
		p.Document.URL != "https://jxj.huangshi.gov.cn/doc/"+itoa(normID) || !strings.Contains(p.Document.BodyHTML, "请按要求报送") {
		t.Errorf("payload = %+v", p)
	}
	list, total, err := e.st.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{})
	if err != nil || total != 1 || list[0].Status != store.DeliveryDelivered || list[0].Attempts != 3 {
		t.Fatalf("deliveries: %+v %v", list, err)
	}
	office = e.login("gkb")
	logPage := office.get("/admin/webhook/deliveries/" + itoa(list[0].ID)).body
	if strings.Count(logPage, "对方平台服务器错误（HTTP 500），稍后自动重试") != 2 || !strings.Contains(logPage, "成功") ||
		strings.Contains(logPage, "token=abc") {
		t.Errorf("delivery log page: %s", logPage)
	}
	if strings.Contains(logs.String(), secret) {
		t.Error("the secret reached the log")
	}

	// A document published later, whatever happened to the process meanwhile.
	reviewer = e.login("shenhe")
	later := documentForm(e.colB, "关于印发规划编制管理办法的通知")
	later.Set("doc_no", "黄经信发〔2025〕9号")
	publishForm(t, office, reviewer, later)
	pass()
	if len(rc.payloads) != 2 || rc.payloads[1].Document.Title != "关于印发规划编制管理办法的通知" {
		t.Fatalf("later document not pushed: %d payloads", len(rc.payloads))
	}
}
