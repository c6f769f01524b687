package linkage

import (
	"testing"
	"time"

	"gongkai/internal/workday"
)

func TestNormalizeLinkAndTitleKey(t *testing.T) {
	same := [][2]string{
		{"https://www.huangshi.gov.cn/xxgk/a.html?utm_source=rss#top", "http://huangshi.gov.cn/xxgk/a.html"},
		{"https://WWW.Huangshi.gov.cn:443/zwgk/", "https://huangshi.gov.cn/zwgk/index.html"},
		{"https://x.gov.cn/a?id=2&cat=1", "https://x.gov.cn/a?cat=1&id=2&from=timeline"},
	}
	for _, p := range same {
		if NormalizeLink(p[0]) != NormalizeLink(p[1]) {
			t.Errorf("%s and %s differ: %s %s", p[0], p[1], NormalizeLink(p[0]), NormalizeLink(p[1]))
		}
	}
	if NormalizeLink("https://x.gov.cn/a?id=1") == NormalizeLink("https://x.gov.cn/a?id=2") {
		t.Error("different ids normalised alike")
	}
	if TitleKey("关于 开展“减税降费”宣传的通知！", "2025-03-10") != TitleKey("关于开展减税降费宣传的通知", "2025-03-10") {
		t.Error("title keys differ by punctuation")
	}
	if TitleKey("工作动态", "") != "" || TitleKey("通知", "2025-03-10") == TitleKey("通知", "2025-03-11") {
		t.Error("title key without date, or across dates")
	}
}

func TestRulesAndDueDates(t *testing.T) {
	rules := []Rule{
		{ID: 1, Category: "转载", DueWorkdays: 2},
		{ID: 2, Keyword: "安全生产", Sender: "市政府办公室", DueWorkdays: 5, SubscriptionID: 7},
		{ID: 3}, // no condition: never matches
	}
	it := Item{Title: "关于做好安全生产工作的通知", Sender: "黄石市人民政府办公室", Category: "通知公告"}
	if _, ok := FirstMatch(rules, 8, it); ok {
		t.Error("rule 2 matched another subscription")
	}
	if r, ok := FirstMatch(rules, 7, Item{Title: it.Title, Sender: "市政府办公室"}); !ok || r.ID != 2 {
		t.Errorf("rule 2: %v %v", r, ok)
	}
	if r, ok := FirstMatch(rules, 9, Item{Title: "x", Category: "要闻、需转载"}); !ok || r.ID != 1 {
		t.Errorf("rule 1 by category: %v %v", r, ok)
	}
	cal := workday.OfficialCalendar()
	// 2025-09-30 (Tue) + 3 working days crosses the National Day holiday
	// (10-01…10-08 off, 09-28 and 10-11 make-up days): 10-09, 10-10, 10-11.
	if due, err := DueOn(cal, "2025-09-30", 3); err != nil || due != "2025-10-11" {
		t.Errorf("due over National Day = %s %v", due, err)
	}
	if _, err := DueOn(cal, "1999-01-04", 3); err == nil {
		t.Error("uncovered year accepted")
	}
}

func TestJudge(t *testing.T) {
	for _, c := range []struct {
		due, reposted, today string
		want                 Verdict
	}{
		{"2025-03-12", "2025-03-12", "2025-03-31", OnTime},
		{"2025-03-12", "2025-03-13", "2025-03-31", Late},
		{"2025-03-12", "", "2025-03-13", Missing},
		{"2025-03-12", "", "2025-03-12", Pending},
		{"", "", "2025-03-31", Pending},
	} {
		if got := Judge(c.due, c.reposted, c.today); got != c.want {
			t.Errorf("Judge(%q, %q, %q) = %s, want %s", c.due, c.reposted, c.today, got, c.want)
		}
	}
	var tl Tally
	for _, v := range []Verdict{OnTime, Late, Missing, Pending, OnTime} {
		tl.Add(v)
	}
	if tl != (Tally{Required: 5, OnTime: 2, Late: 1, Missing: 1, Pending: 1}) {
		t.Errorf("tally %+v", tl)
	}
}

func TestSignVerifyBackoff(t *testing.T) {
	secret := []byte("s3cret")
	now := time.Unix(1741572000, 0)
	body := []byte(`{"event":"document.published"}`)
	sig := Sign(secret, now, body)
	if err := Verify(secret, "1741572000", sig, body, now.Add(time.Minute), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	if Verify(secret, "1741572000", sig, []byte(`{"event":"x"}`), now, 5*time.Minute) == nil {
		t.Error("altered body accepted")
	}
	if Verify([]byte("other"), "1741572000", sig, body, now, 5*time.Minute) == nil {
		t.Error("wrong secret accepted")
	}
	if Verify(secret, "1741572000", sig, body, now.Add(time.Hour), 5*time.Minute) == nil {
		t.Error("replay an hour later accepted")
	}
	want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute}
	for i, w := range want {
		if got := Backoff(i+1, time.Minute, 6*time.Minute); got != min(w, 6*time.Minute) {
			t.Errorf("Backoff(%d) = %v", i+1, got)
		}
	}
	if Backoff(100, time.Minute, time.Hour) != time.Hour {
		t.Error("no cap")
	}
}
