package staff_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

// TestWebhookValidityAndWithdrawal: once a document was pushed, the city's
// platform (a loopback receiver checking every signature) is told of its
// 有效性 change made on the staff page, of one made directly in the store
// while no push ran (as across a restart), and of its withdrawal — each
// once, with the event in the signed body and the header, and the
// withdrawal without the document's text.
func TestWebhookValidityAndWithdrawal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		const secret = "hs-push-secret-0123456789"
		rc := &receiver{secret: []byte(secret), now: e.clock.Now}
		var mu sync.Mutex
		var headers []string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			headers = append(headers, r.Header.Get(linkage.HeaderEvent))
			mu.Unlock()
			rc.ServeHTTP(w, r)
		}))
		defer srv.Close()
		e.user("gkb", auth.RoleOffice, 0)
		e.user("shenhe", auth.RoleReviewer, 0)
		office, reviewer := e.login("gkb"), e.login("shenhe")
		if res := office.post("/admin/webhook/settings", url.Values{"url": {srv.URL + "/push"}, "secret": {secret},
			"scope": {"normative"}, "public_base": {"https://jxj.huangshi.gov.cn"}, "due_workdays": {"3"}}); res.status != http.StatusSeeOther {
			t.Fatalf("settings: %d %s", res.status, res.body)
		}
		docID := publishForm(t, office, reviewer, documentForm(e.colA, "关于印发工业企业技改奖补办法的通知"))
		newer := documentForm(e.colA, "关于印发工业企业技改奖补办法（修订）的通知")
		newer.Set("doc_no", "黄经信发〔2025〕12号")
		newerID := publishForm(t, office, reviewer, newer)
		pass := func() {
			t.Helper()
			if err := staff.Linkage(ctx, e.app, linkage.Fetcher{}, linkage.Pusher{}); err != nil {
				t.Fatal(err)
			}
		}
		// expect runs passes and checks the pushes received since the last call.
		seen := 0
		expect := func(events ...string) []linkage.Payload {
			t.Helper()
			pass()
			pass() // nothing more: each change is pushed once
			if rc.badSigs != 0 || len(rc.payloads) != seen+len(events) || len(headers) != len(rc.payloads) {
				t.Fatalf("receiver: %d payloads after %d, want %d more; %d bad signatures", len(rc.payloads), seen, len(events), rc.badSigs)
			}
			got := rc.payloads[seen:]
			for i, ev := range events {
				if got[i].Event != ev || headers[seen+i] != ev {
					t.Errorf("push %d: event %q, header %q; want %q", seen+i, got[i].Event, headers[seen+i], ev)
				}
			}
			seen += len(events)
			return got
		}
		expect(linkage.EventPublish, linkage.EventPublish)

		res := office.post("/admin/documents/"+itoa(docID)+"/validity", url.Values{"validity": {string(catalog.Amended)},
			"validity_on": {"2025-03-10"}, "replaced_by": {itoa(newerID)}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("validity: %d %s", res.status, res.body)
		}
		p := expect(linkage.EventValidity)[0]
		if p.Document.Validity != "已修改" || p.Document.ValidityOn != "2025-03-10" ||
			p.Document.ReplacedBy != "https://jxj.huangshi.gov.cn/doc/"+itoa(newerID) || p.Document.Title != "关于印发工业企业技改奖补办法的通知" {
			t.Errorf("validity payload %+v", p.Document)
		}

		// Changed while no push ran: found from the documents table.
		if err := st.SetValidity(ctx, docID, catalog.Repealed, "2025-03-11", newerID, auth.AuditEntry{Action: "document.validity"}); err != nil {
			t.Fatal(err)
		}
		if p = expect(linkage.EventValidity)[0]; p.Document.Validity != "已废止" || p.Document.ValidityOn != "2025-03-11" {
			t.Errorf("second validity payload %+v", p.Document)
		}

		if res = reviewer.post("/admin/documents/"+itoa(newerID)+"/withdraw", url.Values{"reason": {"文号有误"}}); res.status != http.StatusSeeOther {
			t.Fatalf("withdraw: %d %s", res.status, res.body)
		}
		p = expect(linkage.EventWithdrawn)[0]
		if p.Document.IndexNo == "" || p.Document.BodyHTML != "" || p.Document.Summary != "" || len(p.Attachments) != 0 {
			t.Errorf("withdrawal payload carries content or no index number: %+v", p)
		}
		list, _, err := st.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{})
		if err != nil || len(list) != 5 {
			t.Fatalf("deliveries %+v %v", list, err)
		}
		for _, d := range list {
			if d.Status != store.DeliveryDelivered {
				t.Errorf("delivery %d (%s) is %s", d.ID, d.Event, d.Status)
			}
		}
		page := office.get("/admin/webhook").body
		for _, label := range []string{"有效性变更", "撤稿", "发布"} {
			if !strings.Contains(page, "<td>"+label+"</td>") {
				t.Errorf("delivery log lacks the event %s", label)
			}
		}
	})
}
