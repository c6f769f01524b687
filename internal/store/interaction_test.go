package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var cst = time.FixedZone("CST", 8*3600)

func TestHotlineCasesSealedAndImportIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		c := interact.HotlineCase{SiteID: f.site.ID, Channel: interact.ChannelPhone, Kind: interact.HotlineComplaint,
			CallerKind: interact.CallerPerson, CallerName: "张三", CallerPhone: "13812345678", Subject: "企业用电",
			OrgID: f.org, Result: interact.ResultResolved, ReceivedAt: time.Date(2023, 3, 1, 9, 0, 0, 0, cst),
			ClosedAt: time.Date(2023, 3, 2, 9, 0, 0, 0, cst)}
		id, err := s.CreateHotlineCase(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		var rawName, rawPhone string
		if err := s.DB().QueryRowContext(ctx, rebind(s, `SELECT caller_name_enc, caller_phone_enc FROM hotline_cases WHERE id = ?`), id).Scan(&rawName, &rawPhone); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(rawName, "张三") || strings.Contains(rawPhone, "1381234") || rawPhone == "" {
			t.Fatalf("personal data stored in clear: %q %q", rawName, rawPhone)
		}
		got, err := s.HotlineCase(ctx, id)
		if err != nil || got.CallerName != "张三" || got.CallerPhone != "13812345678" || got.TimeToClose() != 24*time.Hour {
			t.Fatalf("read back %+v, %v", got, err)
		}
		ticket := func(no string, r interact.HotlineResult) interact.HotlineCase {
			x := c
			x.Channel, x.TicketNo, x.Result = interact.Channel12345, no, r
			if r == interact.ResultOpen {
				x.ClosedAt = time.Time{}
			}
			return x
		}
		first := []interact.HotlineCase{ticket("GD1", interact.ResultOpen), ticket("GD2", interact.ResultResolved)}
		if r, err := s.ImportHotlineCases(ctx, f.site.ID, first); err != nil || r.Created != 2 || r.Updated != 0 {
			t.Fatalf("first import %+v, %v", r, err)
		}
		// The later export closes GD1; importing it twice keeps one row per ticket.
		later := []interact.HotlineCase{ticket("GD1", interact.ResultResolved), ticket("GD2", interact.ResultResolved)}
		for range 2 {
			if r, err := s.ImportHotlineCases(ctx, f.site.ID, later); err != nil || r.Created != 0 || r.Updated != 2 {
				t.Fatalf("re-import %+v, %v", r, err)
			}
		}
		// A failing row rolls the whole file back.
		bad := []interact.HotlineCase{ticket("GD3", interact.ResultOpen), ticket("GD4", interact.ResultOpen)}
		bad[1].OrgID = 999999
		if _, err := s.ImportHotlineCases(ctx, f.site.ID, bad); err == nil {
			t.Fatal("import with a bad row succeeded")
		}
		all, total, err := s.HotlineCases(ctx, store.HotlineFilter{SiteID: f.site.ID, Year: 2023})
		if err != nil || total != 3 || len(all) != 3 {
			t.Fatalf("%d cases (total %d), %v", len(all), total, err)
		}
		if open, n, _ := s.HotlineCases(ctx, store.HotlineFilter{SiteID: f.site.ID, Open: true}); n != 0 || len(open) != 0 {
			t.Fatalf("open cases after the later export: %+v", open)
		}
		if st := interact.CountHotline(all, 2023, cst); st.PhoneComplaint != 1 || st.ByChannel[interact.Channel12345] != 2 {
			t.Fatalf("stats %+v", st)
		}
	})
}

func TestProposalCoHandlersAndPublication(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		p := interact.Proposal{SiteID: f.site.ID, Kind: interact.KindNPC, Session: "市十五届人大二次会议", Number: "12",
			Title: "关于支持中小企业数字化转型的建议", Proposer: "王代表", ProposerPhone: "13900001111", AssignedOn: "2023-03-10",
			Role: interact.RoleLead, OrgID: f.org, Supervised: true, SupervisedBy: "市领导",
			CoHandlers: []interact.CoHandler{{Unit: "市财政局", Email: "czj@example.gov.cn"}, {Unit: "市发改委", ReceivedOn: "2023-03-13"}}}
		id, err := s.SaveProposal(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveProposal(ctx, p); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("same number twice: %v", err)
		}
		got, err := s.Proposal(ctx, id)
		if err != nil || len(got.CoHandlers) != 2 || got.CoHandlers[0].Email != "czj@example.gov.cn" || got.ProposerPhone != "13900001111" || !got.Supervised {
			t.Fatalf("read back %+v, %v", got, err)
		}
		if err := s.RecordOpinion(ctx, got.CoHandlers[0].ID, "2023-04-01", "同意"); err != nil {
			t.Fatal(err)
		}
		got.RepliedOn, got.ReplyText, got.Disclosure, got.Result, got.Satisfaction = "2023-06-01", "答复正文", interact.DiscloseFull, "A", interact.Satisfied
		if err := s.ReplyProposal(ctx, got); err != nil {
			t.Fatal(err)
		}
		doc := catalog.Document{SiteID: f.site.ID, ColumnID: f.column, OrgID: f.org, Title: interact.ReplyTitle(got),
			BodyHTML: interact.ReplyHTML(got.ReplyText), WrittenOn: got.RepliedOn}
		docID, err := s.PublishProposalReply(ctx, id, doc, time.Date(2023, 6, 2, 10, 0, 0, 0, cst), f.reviewer,
			auth.AuditEntry{UserID: f.reviewer, Action: "proposal.publish"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.Document(ctx, docID)
		if err != nil || d.State != catalog.StatePublished || !strings.HasPrefix(d.IndexNo, "11420200MB1234567X/2023-") {
			t.Fatalf("published reply %+v, %v", d, err)
		}
		if _, err := s.PublishProposalReply(ctx, id, doc, time.Now(), f.reviewer, auth.AuditEntry{}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("second publication: %v", err)
		}
		list, err := s.Proposals(ctx, store.ProposalFilter{SiteID: f.site.ID, Year: 2023, Supervised: true})
		if err != nil || len(list) != 1 || list[0].DocumentID != docID || list[0].CoHandlers[0].OpinionOn != "2023-04-01" {
			t.Fatalf("list %+v, %v", list, err)
		}
		if none, _ := s.Proposals(ctx, store.ProposalFilter{SiteID: f.site.ID, Year: 2022}); len(none) != 0 {
			t.Fatalf("2022 has %d", len(none))
		}
	})
}

func TestInterpretationsAndConcerns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		publish := func(title string, g catalog.Genre) int64 {
			d := f.draft(title)
			d.Genre, d.State, d.PublishedAt, d.IndexNo = g, catalog.StatePublished, time.Date(2023, 5, 4, 9, 0, 0, 0, cst), "x/"+title
			id, err := s.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		policy, other, reading := publish("规范性文件", catalog.GenreNormative), publish("普通通知", catalog.GenreOther), publish("解读", catalog.GenreOther)
		un, err := s.UninterpretedPolicies(ctx, f.site.ID)
		if err != nil || len(un) != 1 || un[0].ID != policy {
			t.Fatalf("uninterpreted %+v, %v", un, err)
		}
		if _, err := s.CreateInterpretation(ctx, interact.Interpretation{SiteID: f.site.ID, PolicyID: policy, Form: interact.FormText,
			DocumentID: reading, PublishedOn: "2023-05-05"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateInterpretation(ctx, interact.Interpretation{SiteID: f.site.ID, PolicyID: policy, Form: interact.FormText,
			DocumentID: reading, PublishedOn: "2023-05-05"}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("same link twice: %v", err)
		}
		if _, err := s.CreateInterpretation(ctx, interact.Interpretation{SiteID: f.site.ID, PolicyID: policy, Form: interact.FormVideo,
			Title: "视频解读", URL: "https://v.example.cn/1", PublishedOn: "2023-05-06"}); err != nil {
			t.Fatal(err)
		}
		if un, _ := s.UninterpretedPolicies(ctx, f.site.ID); len(un) != 0 {
			t.Fatalf("still uninterpreted: %+v", un)
		}
		// Both pages see the link (双向关联).
		of, _ := s.InterpretationsOf(ctx, policy)
		back, _ := s.InterpretationsOf(ctx, reading)
		if len(of) != 2 || of[0].LinkTitle() != "解读" || len(back) != 1 || back[0].PolicyTitle != "规范性文件" {
			t.Fatalf("links %+v / %+v", of, back)
		}
		if x, _ := s.InterpretationsOf(ctx, other); len(x) != 0 {
			t.Fatalf("unrelated document has links %+v", x)
		}
		for _, on := range []string{"2023-02-01", "2023-09-30", "2024-01-02"} {
			if _, err := s.SaveConcern(ctx, interact.ConcernResponse{SiteID: f.site.ID, Kind: interact.ConcernHot, Topic: "电价", Channel: "门户网站", RespondedOn: on}); err != nil {
				t.Fatal(err)
			}
		}
		is, _ := s.Interpretations(ctx, f.site.ID, 2023)
		cs, _ := s.Concerns(ctx, f.site.ID, 2023)
		if st := interact.CountInterpretations(interpretationsOnly(is), cs, 2023); st.Interpretations != 2 || st.Concerns != 2 || st.ByForm[interact.FormVideo] != 1 {
			t.Fatalf("stats %+v", st)
		}
	})
}

func interpretationsOnly(ls []store.InterpretationLink) []interact.Interpretation {
	out := make([]interact.Interpretation, len(ls))
	for i, l := range ls {
		out[i] = l.Interpretation
	}
	return out
}
