package monitor_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestNewMediaRule applies 内容不更新 (website-rules §1.6): a post dated d
// keeps the account fresh through d + 14 days; the day after it is a veto.
func TestNewMediaRule(t *testing.T) {
	acc := func(last string, days int) store.MediaAccount {
		return store.MediaAccount{Name: "示例工业", Platform: store.WeChatPlatform, Status: store.MediaActive, LastPostOn: last, UpdateDays: days}
	}
	cases := []struct {
		a    store.MediaAccount
		want monitor.MediaState
	}{
		{acc(day(0), 14), monitor.MediaFresh},
		{acc(day(11), 14), monitor.MediaFresh},
		{acc(day(12), 14), monitor.MediaDue}, // 3 days left at AlertDays 3
		{acc(day(14), 14), monitor.MediaDue},
		{acc(day(15), 14), monitor.MediaStale},
		{acc(day(11), 10), monitor.MediaStale}, // a stricter local window
		{acc("", 14), monitor.MediaNever},
		{store.MediaAccount{Status: store.MediaClosed, UpdateDays: 14}, monitor.MediaIgnore},
	}
	for _, c := range cases {
		if got := monitor.EvaluateMedia(c.a, testNow, 3); got.State != c.want {
			t.Errorf("last post %q window %d: %s, want %s", c.a.LastPostOn, c.a.UpdateDays, got.State, c.want)
		}
	}
	// A recorded post counts like one entered by hand.
	a := acc(day(40), 14)
	a.LastRecorded = day(2)
	if got := monitor.EvaluateMedia(a, testNow, 3); got.State != monitor.MediaFresh || got.Dormant {
		t.Errorf("recorded post two days ago: %+v", got)
	}
	if got := monitor.EvaluateMedia(acc(day(100), 14), testNow, 3); !got.Dormant {
		t.Error("100 days without a post is dormant (长期不更新)")
	}
}

func day(ago int) string { return testNow.AddDate(0, 0, -ago).Format("2006-01-02") }

// TestNewMediaCheckRun runs the check over a register: the stale account
// and the one with its comments closed are vetoes, the 科室's 信息员 is told,
// and an account updated since is resolved on the next run.
func TestNewMediaCheckRun(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: testUSCC})
		if err != nil {
			t.Fatal(err)
		}
		org, _ := st.CreateOrg(ctx, catalog.Org{SiteID: site, Name: "办公室"})
		officer, err := st.CreateUser(ctx, auth.User{Username: "xxy", DisplayName: "信息员", Role: auth.RoleOfficer, OrgID: org, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		mk := func(name, last string, interactive bool, status string) int64 {
			id, err := st.CreateMediaAccount(ctx, store.MediaAccount{SiteID: site, OrgID: org, Name: name, Platform: "微博",
				Status: status, LastPostOn: last, UpdateDays: 14, Interactive: interactive})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		mk("新鲜", day(1), true, store.MediaActive)
		staleID := mk("睡眠", day(20), true, store.MediaActive)
		mk("关评论", day(1), false, store.MediaActive)
		mk("已注销", day(300), true, store.MediaClosed)
		r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return testNow }, Log: slog.New(slog.DiscardHandler)})
		if _, err := r.Run(ctx, "newmedia", false); err != nil {
			t.Fatal(err)
		}
		open, err := st.AllOpenFindings(ctx, "newmedia")
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]string{}
		for _, f := range open {
			kinds[f.Kind] += f.Message
			if f.Severity != monitor.SevVeto {
				t.Errorf("%s is %s, want a veto", f.Kind, f.Severity)
			}
		}
		if len(open) != 2 || !strings.Contains(kinds["newmedia_stale"], "“睡眠”（微博）已20天未更新") ||
			!strings.Contains(kinds["newmedia_no_interaction"], "“关评论”") {
			t.Fatalf("findings: %+v", open)
		}
		notes, _, err := st.MonitorNotices(ctx, officer, 50)
		if err != nil || len(notes) != 1 || !strings.Contains(notes[0].Title, "睡眠") {
			t.Fatalf("notices to the 信息员: %+v, %v", notes, err)
		}
		a, _ := st.MediaAccount(ctx, staleID)
		a.LastPostOn = day(0)
		if err := st.UpdateMediaAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Run(ctx, "newmedia", false); err != nil {
			t.Fatal(err)
		}
		if open, _ = st.AllOpenFindings(ctx, "newmedia"); len(open) != 1 || open[0].Kind != "newmedia_no_interaction" {
			t.Fatalf("after the update: %+v", open)
		}
	})
}
