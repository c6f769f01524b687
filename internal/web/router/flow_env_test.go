package router_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/router"
)

// flowPassword is every test account's password (≥ 10 characters, three
// character classes, as the password policy requires).
const flowPassword = "Gongkai-Flow-2026"

// Accounts of the flow: a 科室信息员 of Org A, a 公开办 staff member who does
// 初审 and a 审核人 who does 终审 (条例第十七条: two different people).
const (
	officerName  = "officer-a"
	officeName   = "office-1"
	reviewerName = "reviewer-1"
)

// flowEnv is the whole service, as `gongkai serve` composes it, on a real
// SQLite store in a temporary data dir, behind a loopback HTTP server.
type flowEnv struct {
	t          *testing.T
	st         *store.Store
	srv        *httptest.Server
	site       catalog.Site
	orgA, orgB int64
	colA, colB catalog.Column // 通知公告 of Org A; 规划计划 of Org B
	users      map[string]int64
}

func newFlowEnv(t *testing.T) *flowEnv {
	t.Helper()
	ctx := context.Background()
	e := &flowEnv{t: t, st: storetest.Open(t, store.SQLite), users: map[string]int64{}}
	// The demo agency's 统一社会信用代码 has a valid GB 32100 check character.
	e.site = catalog.Site{Code: "jxj", Name: demo.Agency.Name, USCC: demo.Agency.USCC}
	e.site.ID = e.must(e.st.CreateSite(ctx, e.site))
	e.orgA = e.must(e.st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "办公室"}))
	e.orgB = e.must(e.st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "投资与规划科"}))
	e.colA = catalog.Column{SiteID: e.site.ID, Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice, OrgID: e.orgA}
	e.colA.ID = e.must(e.st.CreateColumn(ctx, e.colA))
	e.colB = catalog.Column{SiteID: e.site.ID, Slug: "ghjh", Name: "规划计划", Kind: catalog.KindPlan, OrgID: e.orgB}
	e.colB.ID = e.must(e.st.CreateColumn(ctx, e.colB))
	// The official calendar, so 终审 can work out the 条例第二十六条 time limit.
	if err := e.st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	e.user(officerName, "王信息员", auth.RoleOfficer, e.orgA)
	e.user(officeName, "李公开办", auth.RoleOffice, 0)
	e.user(reviewerName, "赵审核", auth.RoleReviewer, 0)

	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	_, h, err := router.New(ctx, cfg, e.st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e
}

func (e *flowEnv) must(id int64, err error) int64 {
	e.t.Helper()
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

// hashOnce hashes flowPassword once: argon2id takes 64 MiB and a noticeable
// moment, and every account may share the hash.
var hashOnce = sync.OnceValues(func() (string, error) { return auth.HashPassword(flowPassword) })

func (e *flowEnv) user(username, display string, role auth.Role, org int64) {
	e.t.Helper()
	hash, err := hashOnce()
	if err != nil {
		e.t.Fatal(err)
	}
	e.users[username] = e.must(e.st.CreateUser(context.Background(),
		auth.User{Username: username, DisplayName: display, Role: role, OrgID: org, PasswordHash: hash}))
}

// document reads a document back from the store.
func (e *flowEnv) document(id int64) catalog.Document {
	e.t.Helper()
	d, err := e.st.Document(context.Background(), id)
	if err != nil {
		e.t.Fatalf("document %d: %v", id, err)
	}
	return d
}

// publishViaStore takes a second document through the same three workflow
// steps as the browser does (submit, 初审, 终审 with the 保密审查
// declaration), by the same people, straight through the store.
func (e *flowEnv) publishViaStore(title, docNo, writtenOn string) catalog.Document {
	e.t.Helper()
	ctx := context.Background()
	id := e.must(e.st.CreateDocument(ctx, catalog.Document{SiteID: e.site.ID, ColumnID: e.colA.ID, OrgID: e.orgA,
		AuthorID: e.users[officerName], Title: title, BodyHTML: "<p>本细则自印发之日起施行。</p>", DocNo: docNo,
		Topic: "工业、交通", Issuer: e.site.Name, Genre: catalog.GenreNormative, WrittenOn: writtenOn,
		Validity: catalog.Valid, State: catalog.StateDraft}))
	steps := []struct {
		who string
		dec catalog.Decision
	}{
		{officerName, catalog.Decision{Action: catalog.ActSubmit}},
		{officeName, catalog.Decision{Action: catalog.ActFirstApprove}},
		{reviewerName, catalog.Decision{Action: catalog.ActFinalApprove, SecrecyChecked: true, FirstReviewer: e.users[officeName]}},
	}
	from := catalog.StateDraft
	for _, s := range steps {
		s.dec.Now, s.dec.ActorID = time.Now(), e.users[s.who]
		to, err := catalog.Next(from, s.dec)
		if err != nil {
			e.t.Fatalf("%s %s: %v", title, s.dec.Action, err)
		}
		audit := auth.AuditEntry{At: s.dec.Now, UserID: s.dec.ActorID, Username: s.who, Action: "document." + string(s.dec.Action),
			Target: fmt.Sprintf("document:%d", id), Detail: title, RemoteAddr: "127.0.0.1"}
		if _, err := e.st.Transition(ctx, id, from, to, s.dec, 0, audit); err != nil {
			e.t.Fatalf("%s %s: %v", title, s.dec.Action, err)
		}
		from = to
	}
	return e.document(id)
}

// minimalPDF is a small but well-formed one-page PDF (cross-reference table
// with exact byte offsets), so the upload passes the server's
// content check as a real file would.
func minimalPDF(text string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	stream := fmt.Sprintf("BT /F1 18 Tf 72 720 Td (%s) Tj ET", text)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
