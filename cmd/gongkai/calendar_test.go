package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// notice2026Longer is a fictitious notice that gives one more rest day
// (2026-02-24) than the official Spring Festival arrangement.
const notice2026Longer = `国务院办公厅关于2026年部分节假日安排的通知
（本文件为测试用虚构通知。）
经国务院批准，现将2026年春节放假调休日期的具体安排通知如下。
一、春节：2月15日（周日）至24日（周二）放假调休，共10天。2月14日（周六）、2月28日（周六）上班。
国务院办公厅`

// TestCalendarImportRecomputesDueDates: saving a notice recomputes the
// due dates of open applications and says how many changed.
func TestCalendarImportRecomputesDueDates(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openData(t, dir, "")
	site := seedSite(t, st)
	received := workday.NewDate(2026, 1, 26)
	rec, _, err := st.CreateApplication(ctx, store.NewApplication{SiteID: site.ID, Channel: store.ChannelStaff,
		Applicant: disclosure.Applicant{Kind: disclosure.Person, Name: "张三", IDType: disclosure.IDResidentCard,
			IDNumber: "11010519491231002X", Phone: "13912345678"},
		Description: "2025年技改资金名单", Delivery: disclosure.Delivery{Form: disclosure.FormPaper, Method: disclosure.MethodCollect},
		ReceivedOn: received, ReceiptBasis: disclosure.ReceiptInPerson})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "notice.txt")
	if err := os.WriteFile(file, []byte(notice2026Longer), 0o600); err != nil {
		t.Fatal(err)
	}
	r := gk(t, "calendar", "import-notice", file, "--save", "--data", dir)
	if r.code != 0 || !strings.Contains(r.out, "2026-02-24 rest\n") || !strings.Contains(r.out, "检查 1 件，变更 1 件") {
		t.Fatalf("code %d, out %q, err %q", r.code, r.out, r.err)
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := cal.AddWorkdays(received, disclosure.ReplyDays)
	after, err := st.Application(ctx, rec.ID)
	if err != nil || after.DueOn != want || !after.DueOn.After(rec.DueOn) {
		t.Fatalf("due %s → %s (%v), want %s", rec.DueOn, after.DueOn, err, want)
	}
}
