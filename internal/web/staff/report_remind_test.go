package staff_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

// TestRemindAnnualReports: from 1 January, last year's report is
// reminded on 1 January, on Mondays and daily around the deadline (1月31日
// for a department), once per day however often the job runs, by notice
// and through the mail outbox; once published, no more.
func TestRemindAnnualReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e, _ := reportEnv(t, st)
		ctx := context.Background()
		if err := st.SetSetting(ctx, "disclosure.reminder_mailbox", "gkb@example.gov.cn"); err != nil {
			t.Fatal(err)
		}
		office, err := st.UserByName(ctx, "office")
		if err != nil {
			t.Fatal(err)
		}
		leader, _ := st.UserByName(ctx, "leader")
		notices := func(id int64) []store.MonitorNotice {
			ns, _, err := st.MonitorNotices(ctx, id, 100)
			if err != nil {
				t.Fatal(err)
			}
			return ns
		}
		run := func(day time.Time) int {
			t.Helper()
			e.clock.Set(day)
			n, err := staff.RemindAnnualReports(ctx, e.app)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := run(time.Date(2024, 12, 31, 9, 0, 0, 0, china)); n != 0 {
			// 2023's report: the deadline passed long ago, but 31 Dec 2024
			// is a Tuesday more than a week after it.
			t.Fatalf("31 December: %d reminders", n)
		}
		if n := run(time.Date(2025, 1, 1, 9, 0, 0, 0, china)) + run(time.Date(2025, 1, 1, 9, 1, 0, 0, china)); n != 2 {
			t.Fatalf("1 January twice: %d sites reminded, want 1 each run", n)
		}
		ns := notices(office.ID)
		if len(ns) != 1 || !strings.Contains(ns[0].Title, "2024年度政府信息公开工作年度报告应于1月31日前发布") ||
			!strings.Contains(ns[0].Body, "尚未起草") {
			t.Fatalf("notices after 1 January: %+v", ns)
		}
		if len(notices(leader.ID)) != 0 {
			t.Fatal("the 分管领导 is reminded of a report not yet sent for approval")
		}
		if n := run(time.Date(2025, 1, 15, 9, 0, 0, 0, china)); n != 0 { // a Wednesday, 16 days left
			t.Fatalf("15 January: %d", n)
		}
		if n := run(time.Date(2025, 1, 29, 9, 0, 0, 0, china)); n != 1 { // 2 days left: daily
			t.Fatalf("29 January: %d", n)
		}
		if n := run(time.Date(2025, 2, 3, 9, 0, 0, 0, china)); n != 1 || !strings.Contains(notices(office.ID)[0].Title, "已逾期") {
			t.Fatalf("3 February: %d %+v", n, notices(office.ID)[0])
		}
		// Not drafted here a month after the deadline: no more reminders
		// (Monday 10 March); a draft is reminded on Mondays until published.
		if n := run(time.Date(2025, 3, 10, 9, 0, 0, 0, china)); n != 0 {
			t.Fatalf("10 March without a draft: %d", n)
		}
		draft, err := st.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: e.site.ID, Year: 2024, UnitKind: "department",
			UnitName: e.site.Name})
		if err != nil {
			t.Fatal(err)
		}
		if n := run(time.Date(2025, 3, 11, 9, 0, 0, 0, china)); n != 0 { // a Tuesday
			t.Fatalf("11 March: %d", n)
		}
		if n := run(time.Date(2025, 3, 17, 9, 0, 0, 0, china)); n != 1 || !strings.Contains(notices(office.ID)[0].Body, "当前为草稿") {
			t.Fatalf("17 March with a draft: %d %+v", n, notices(office.ID)[0])
		}
		mail, err := st.PendingMail(ctx, time.Now().Add(time.Hour), 100)
		if err != nil || len(mail) != 4 || !strings.Contains(mail[0].Body, "第四十九条") {
			t.Fatalf("mail: %d %v", len(mail), err)
		}
		// Published: no more reminders.
		if err := st.DeleteAnnualReport(ctx, draft); err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: e.site.ID, Year: 2024, UnitKind: "department",
			UnitName: e.site.Name, State: store.ReportPublished, Source: store.ReportImported}); err != nil {
			t.Fatal(err)
		}
		if n := run(time.Date(2025, 3, 24, 9, 0, 0, 0, china)); n != 0 {
			t.Fatalf("after publication: %d", n)
		}
	})
}
