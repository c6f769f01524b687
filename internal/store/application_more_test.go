package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

func TestRecomputeDueDatesAfterCalendarChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		on := workday.NewDate(2025, 3, 3)
		open, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil {
			t.Fatal(err)
		}
		closed, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil {
			t.Fatal(err)
		}
		mustAppend(t, s, closed.ID, 1, disclosure.Event{Kind: disclosure.EventWithdrawn, On: on})
		// An extra rest day inside the 20 working days moves the deadline by one working day.
		extra := workday.Day{Date: workday.NewDate(2025, 3, 10), Kind: workday.Rest, Name: "测试"}
		if err := s.SaveCalendar(ctx, []workday.Day{extra}, nil, store.CalendarAdmin); err != nil {
			t.Fatal(err)
		}
		cal, _ := s.Calendar(ctx)
		res, err := s.RecomputeDueDates(ctx, cal)
		if err != nil || res.Err != nil {
			t.Fatal(err, res.Err)
		}
		if res.Checked != 1 || res.Changed != 1 || res.Failed != 0 {
			t.Fatalf("result %+v", res)
		}
		want, _ := cal.AddWorkdays(on, 20)
		got, _ := s.Application(ctx, open.ID)
		if got.DueOn != want || !want.After(open.DueOn) {
			t.Fatalf("due %s, want %s (was %s)", got.DueOn, want, open.DueOn)
		}
		// The next submission uses the new calendar too (the cache is dropped).
		again, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil || again.DueOn != want {
			t.Fatalf("new application due %s, want %s (%v)", again.DueOn, want, err)
		}
		res, _ = s.RecomputeDueDates(ctx, cal)
		if res.Changed != 0 {
			t.Fatalf("second run changed %d rows", res.Changed)
		}
	})
}

func TestTableThreeCountsBalance(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		biz := person("")
		biz.Kind, biz.Name, biz.IDType, biz.IDNumber = disclosure.Business, "某某公司", disclosure.IDUSCC, "91420200MA4KXXXX1B"
		mk := func(a disclosure.Applicant, on workday.Date) int64 {
			rec, _, err := s.CreateApplication(ctx, f.newApp(a, on))
			if err != nil {
				t.Fatal(err)
			}
			return rec.ID
		}
		// Received 2024-12-20, closed 2025-01-06: carried over into 2025.
		a := mk(person(testID), workday.NewDate(2024, 12, 20))
		mustAppend(t, s, a, 1, disclosure.Event{Kind: disclosure.EventReplied, On: workday.NewDate(2025, 1, 6),
			Basis: disclosure.BasisDisclosed})
		// Received and closed in 2025 (partial).
		b := mk(biz, workday.NewDate(2025, 5, 6))
		mustAppend(t, s, b, 1, disclosure.Event{Kind: disclosure.EventReplied, On: workday.NewDate(2025, 5, 20),
			Basis: disclosure.BasisPartial, Reasons: "部分涉及商业秘密"})
		// Received 2025-12-25, still open: carried into 2026.
		mk(person(testID), workday.NewDate(2025, 12, 25))
		got, err := s.TableThreeCounts(ctx, store.TableThreeFilter{SiteID: f.site, Year: 2025})
		if err != nil {
			t.Fatal(err)
		}
		P, B := disclosure.Person, disclosure.Business
		if got.Received[P] != 1 || got.Received[B] != 1 || got.CarriedIn[P] != 1 || got.CarriedOut[P] != 1 ||
			got.Results[disclosure.RowGranted][P] != 1 || got.Results[disclosure.RowPartial][B] != 1 {
			t.Fatalf("counts %+v", got)
		}
		// G1 for every column.
		for _, k := range disclosure.ApplicantKinds {
			total := 0
			for _, r := range disclosure.Rows {
				total += got.Results[r][k]
			}
			if got.Received[k]+got.CarriedIn[k] != total+got.CarriedOut[k] {
				t.Fatalf("G1 fails for %s: %+v", k, got)
			}
		}
		prev, _ := s.TableThreeCounts(ctx, store.TableThreeFilter{Year: 2024})
		if prev.CarriedOut[P] != 1 || prev.Received[P] != 1 {
			t.Fatalf("2024: %+v", prev)
		}
	})
}

func TestReviewCasesAndTally(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), workday.NewDate(2024, 11, 4)))
		if err != nil {
			t.Fatal(err)
		}
		d := workday.NewDate
		const (
			recon  = disclosure.RouteReconsideration
			direct = disclosure.RouteLitigationDirect
			after  = disclosure.RouteLitigationAfterReconsidered
		)
		cases := []disclosure.ReviewCase{
			{Route: recon, Result: disclosure.ResultUpheld, FiledOn: d(2025, 2, 1), DecidedOn: d(2025, 4, 1), ApplicationID: rec.ID},
			{Route: recon, Result: disclosure.ResultCorrected, FiledOn: d(2025, 11, 1), DecidedOn: d(2026, 1, 10)},
			{Route: direct, Result: disclosure.ResultOther, FiledOn: d(2024, 10, 1), DecidedOn: d(2025, 3, 1)},
			{Route: after, Result: disclosure.ResultPending, FiledOn: d(2025, 6, 1)},
		}
		for i := range cases {
			cases[i].CaseNo, cases[i].Body = fmt.Sprintf("（2025）第%d号", i+1), "市人民政府"
			if fe := cases[i].Validate(); len(fe) > 0 {
				t.Fatalf("fixture invalid: %v", fe)
			}
			id, err := s.CreateReviewCase(ctx, f.site, cases[i])
			if err != nil {
				t.Fatal(err)
			}
			cases[i].ID = id
		}
		got, err := s.ReviewCase(ctx, cases[0].ID)
		if err != nil || got.ApplicationID != rec.ID || got.DecidedOn != d(2025, 4, 1) || got.CaseNo != "（2025）第1号" || got.SiteID != f.site {
			t.Fatalf("read back %+v %v", got, err)
		}
		got.Note = "复议维持"
		if err := s.UpdateReviewCase(ctx, got.ReviewCase); err != nil {
			t.Fatal(err)
		}
		linked, _ := s.ReviewCases(ctx, store.ReviewCaseFilter{ApplicationID: rec.ID})
		if len(linked) != 1 || linked[0].Note != "复议维持" {
			t.Fatalf("linked %+v", linked)
		}
		tally, err := s.ReviewTally(ctx, store.ReviewTallyFilter{SiteID: f.site, Year: 2025})
		if err != nil {
			t.Fatal(err)
		}
		// The corrected case decided in 2026 is pending at 2025-12-31, as ResultAt says.
		for _, c := range cases {
			if c.FiledOn.Year() == 2025 && tally[c.Route][c.ResultAt(d(2025, 12, 31))] == 0 {
				t.Fatalf("case %+v not counted as %s: %+v", c, c.ResultAt(d(2025, 12, 31)), tally)
			}
		}
		if tally[recon][disclosure.ResultUpheld] != 1 || tally[recon][disclosure.ResultPending] != 1 ||
			tally[recon][disclosure.ResultCorrected] != 0 || tally[after][disclosure.ResultPending] != 1 ||
			tally[direct][disclosure.ResultOther] != 0 {
			t.Fatalf("tally %+v", tally)
		}
		withEarlier, _ := s.ReviewTally(ctx, store.ReviewTallyFilter{SiteID: f.site, Year: 2025, IncludeEarlier: true})
		if withEarlier[direct][disclosure.ResultOther] != 1 {
			t.Fatalf("include earlier %+v", withEarlier)
		}
		if err := s.DeleteReviewCase(ctx, cases[3].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateReviewCase(ctx, f.site, disclosure.ReviewCase{Route: "appeal", Result: disclosure.ResultUpheld, FiledOn: d(2025, 1, 1)}); err == nil {
			t.Fatal("unknown route stored")
		}
	})
}

func TestOutboxIsIdempotentAndEncrypted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		m := store.Mail{DedupKey: "reminder:1:2025-03-31:5", To: "officer@example.gov.cn", Subject: "到期提醒", Body: "还剩5个工作日"}
		for i, want := range []bool{true, false} {
			created, err := s.EnqueueMail(ctx, m)
			if err != nil || created != want {
				t.Fatalf("enqueue #%d: %v %v", i, created, err)
			}
		}
		var raw string
		_ = s.DB().QueryRowContext(ctx, `SELECT recipient_enc FROM outbox`).Scan(&raw)
		if raw == "" || raw == m.To {
			t.Fatalf("recipient stored as %q", raw)
		}
		now := time.Now()
		pending, err := s.PendingMail(ctx, now, 10)
		if err != nil || len(pending) != 1 || pending[0].To != m.To {
			t.Fatalf("pending %+v %v", pending, err)
		}
		if err := s.MarkMailFailed(ctx, pending[0].ID, "connection refused", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.PendingMail(ctx, now, 10); len(p) != 0 {
			t.Fatal("failed mail retried before its time")
		}
		p, _ := s.PendingMail(ctx, now.Add(2*time.Hour), 10)
		if len(p) != 1 || p[0].Attempts != 1 || p[0].LastError != "connection refused" {
			t.Fatalf("retry %+v", p)
		}
		if err := s.MarkMailSent(ctx, p[0].ID, now); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.PendingMail(ctx, now.Add(3*time.Hour), 10); len(p) != 0 {
			t.Fatal("sent mail still pending")
		}
	})
}

func TestConcurrentCreateApplications(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		const n = 200
		var wg sync.WaitGroup
		codes := make([]string, n)
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), workday.NewDate(2025, 4, 1)))
				codes[i], errs[i] = rec.Code, err
			}()
		}
		wg.Wait()
		seen := map[string]bool{}
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("submission %d: %v", i, errs[i])
			}
			if seen[codes[i]] {
				t.Fatalf("code %s handed out twice", codes[i])
			}
			seen[codes[i]] = true
		}
		for c := range seen {
			if _, err := s.ApplicationByCode(ctx, c); err != nil {
				t.Fatalf("code %s not stored: %v", c, err)
			}
		}
		total, _ := s.CountApplications(ctx, store.ApplicationFilter{})
		if total != n {
			t.Fatalf("%d rows stored, want %d", total, n)
		}
	})
}

func TestFeeTally(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		notice := func(on workday.Date, pages int) int64 {
			rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
			if err != nil {
				t.Fatal(err)
			}
			mustAppend(t, s, rec.ID, 1, disclosure.Event{Kind: disclosure.EventFeeNoticed, On: on.AddDays(2),
				FeeMethod: disclosure.FeePerPage, Quantity: pages, Amount: disclosure.PerPageFee(pages), PayMethod: "银行转账"})
			return rec.ID
		}
		// Noticed in December 2024, paid in January 2025: billed in 2024, collected in 2025.
		a := notice(workday.NewDate(2024, 12, 16), 150)
		mustAppend(t, s, a, 2, disclosure.Event{Kind: disclosure.EventFeePaid, On: workday.NewDate(2025, 1, 6)})
		b := notice(workday.NewDate(2025, 3, 3), 50)
		mustAppend(t, s, b, 2, disclosure.Event{Kind: disclosure.EventFeeWaived, On: workday.NewDate(2025, 3, 10), Note: "低保户"})
		got, err := s.FeeTallyFor(ctx, f.site, 2025)
		if err != nil {
			t.Fatal(err)
		}
		want := store.FeeTally{NoticesIssued: 1, AmountBilled: 200, Collected: 1700, Payments: 1, Waived: 1}
		if got != want {
			t.Fatalf("2025 %+v, want %+v", got, want)
		}
		if prev, _ := s.FeeTallyFor(ctx, 0, 2024); prev.NoticesIssued != 1 || prev.AmountBilled != 1700 || prev.Collected != 0 {
			t.Fatalf("2024 %+v", prev)
		}
	})
}
