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
	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

type messageFixture struct {
	site           catalog.Site
	orgA, orgB     int64
	staff          int64
	interactColumn int64
}

func newMessageFixture(t *testing.T, s *store.Store) messageFixture {
	t.Helper()
	ctx := context.Background()
	f := messageFixture{site: catalog.Site{Code: "ly", Name: "留言测试局", USCC: "11429900MB1C378452"}}
	var err error
	if f.site.ID, err = s.CreateSite(ctx, f.site); err != nil {
		t.Fatal(err)
	}
	if f.orgA, err = s.CreateOrg(ctx, catalog.Org{SiteID: f.site.ID, Name: "办公室"}); err != nil {
		t.Fatal(err)
	}
	if f.orgB, err = s.CreateOrg(ctx, catalog.Org{SiteID: f.site.ID, Name: "中小企业科"}); err != nil {
		t.Fatal(err)
	}
	if f.interactColumn, err = s.CreateColumn(ctx, catalog.Column{SiteID: f.site.ID, Slug: "hdjl", Name: "互动交流",
		Kind: catalog.KindInteraction, OrgID: f.orgA}); err != nil {
		t.Fatal(err)
	}
	if f.staff, err = s.CreateUser(ctx, auth.User{Username: "gkb", DisplayName: "公开办", Role: auth.RoleOffice, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f messageFixture) submit(t *testing.T, s *store.Store, title, phone string, at time.Time) store.Message {
	t.Helper()
	m, err := s.CreateMessage(context.Background(), store.NewMessageRecord{SiteID: f.site.ID, ReceivedAt: at,
		DueOn: workday.FromTime(at).AddDays(14),
		Message: interact.NewMessage{Kind: interact.KindConsult, Title: title, Body: "请问技术改造补贴今年什么时候申报？",
			Name: "张三丰", Phone: phone, Email: "zsf@example.com", Public: true},
		Audit: auth.AuditEntry{At: at, Action: "message.submit"}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (f messageFixture) step(t *testing.T, s *store.Store, m store.Message, st interact.MessageStep) (store.Message, error) {
	t.Helper()
	to, err := interact.NextMessage(m.State(), st)
	if err != nil {
		t.Fatalf("%s refused: %v", st.Action, err)
	}
	return s.RecordMessageStep(context.Background(), store.MessageChange{ID: m.ID, From: m.Status, To: to, Step: st,
		ActorID: f.staff, At: time.Now(), Audit: auth.AuditEntry{At: time.Now(), UserID: f.staff, Action: "message." + string(st.Action)}})
}

func TestMessageLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newMessageFixture(t, s)
		m := f.submit(t, s, "技改补贴申报时间", "13800138000", time.Now())
		if !strings.HasPrefix(m.Code, "LY-") || len(m.Code) != 17 || m.Status != interact.StatusNew || m.Name != "张三丰" {
			t.Fatalf("created %+v", m)
		}
		// Personal data is sealed at rest: the row holds neither the name nor the phone.
		var row string
		if err := s.DB().QueryRowContext(ctx, `SELECT name_enc || phone_enc || phone_bidx || email_enc FROM messages`).Scan(&row); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(row, "张三丰") || strings.Contains(row, "138001") || strings.Contains(row, "zsf@") {
			t.Fatal("personal data stored in clear")
		}
		// The code is found however it is typed.
		got, err := s.MessageByCode(ctx, f.site.ID, strings.ToLower(strings.ReplaceAll(m.Code, "-", " ")))
		if err != nil || got.ID != m.ID {
			t.Fatalf("by code: %v %v", got.ID, err)
		}
		if _, err := s.MessageByCode(ctx, f.site.ID+1, m.Code); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("another site's code: %v", err)
		}
		m, err = f.step(t, s, m, interact.MessageStep{Action: interact.ActRoute, OrgID: f.orgB})
		if err != nil || m.Status != interact.StatusRouted || m.OrgID != f.orgB {
			t.Fatalf("route: %+v %v", m, err)
		}
		// A second message from the same phone is found as a possible duplicate, and merged.
		dup := f.submit(t, s, "再问技改补贴", "138 0013 8000", time.Now())
		same, err := s.MessagesByPhone(ctx, f.site.ID, dup.Phone, dup.ID)
		if err != nil || len(same) != 1 || same[0].ID != m.ID {
			t.Fatalf("same phone: %v %v", len(same), err)
		}
		target := m.State()
		dup, err = f.step(t, s, dup, interact.MessageStep{Action: interact.ActMerge, Target: &target})
		if err != nil || dup.Status != interact.StatusMerged || dup.MergedInto != m.ID || dup.Answered() {
			t.Fatalf("merge: %+v %v", dup, err)
		}
		// A stale step (judged on an old status) conflicts.
		stale := store.MessageChange{ID: m.ID, From: interact.StatusNew, To: interact.StatusRouted,
			Step: interact.MessageStep{Action: interact.ActRoute, OrgID: f.orgA}, At: time.Now()}
		if _, err := s.RecordMessageStep(ctx, stale); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale step: %v, want ErrConflict", err)
		}
		// One answer closes both.
		m, err = f.step(t, s, m, interact.MessageStep{Action: interact.ActAnswer, Answer: "明年三月开始申报。"})
		if err != nil || m.Status != interact.StatusAnswered || m.AnswerOrgID != f.orgB || !m.Answered() {
			t.Fatalf("answer: %+v %v", m, err)
		}
		if dup, _ = s.Message(ctx, dup.ID); dup.Answer != "明年三月开始申报。" || !dup.Answered() || dup.AnswerOrgID != f.orgB {
			t.Fatalf("the merged duplicate did not get the answer: %+v", dup)
		}
		// Publication: a published document in the 留言选登 column, with its 索引号.
		col, err := s.MessageColumn(ctx, f.site.ID)
		if err != nil || col.ParentID != f.interactColumn || col.Kind != catalog.KindInteraction {
			t.Fatalf("column: %+v %v", col, err)
		}
		pub := interact.MessageStep{Action: interact.ActPublish, PubTitle: "关于技改补贴申报时间的咨询",
			PubQuestion: "请问技术改造补贴今年什么时候申报？", PubAnswer: "明年三月开始申报。", SecrecyChecked: true}
		m, err = s.PublishMessage(ctx, store.MessagePublication{ID: m.ID, Step: pub, ActorID: f.staff, At: time.Now(),
			Doc: catalog.Document{SiteID: f.site.ID, ColumnID: col.ID, OrgID: f.orgB, Title: pub.PubTitle,
				BodyHTML: "<p>明年三月开始申报。</p>", WrittenOn: time.Now().Format("2006-01-02")}})
		if err != nil || !m.Published() {
			t.Fatalf("publish: %+v %v", m, err)
		}
		doc, err := s.Document(ctx, m.DocumentID)
		if err != nil || doc.State != catalog.StatePublished || doc.IndexNo == "" || doc.ColumnID != col.ID {
			t.Fatalf("document %+v %v", doc, err)
		}
		if _, err := s.PublishMessage(ctx, store.MessagePublication{ID: m.ID, Step: pub, Doc: catalog.Document{SiteID: f.site.ID,
			ColumnID: col.ID, Title: "x"}, At: time.Now()}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("published twice: %v", err)
		}
		list, total, err := s.Messages(ctx, store.MessageFilter{SiteID: f.site.ID, Published: true, Query: "技改 申报"})
		if err != nil || total != 1 || len(list) != 1 || list[0].ID != m.ID {
			t.Fatalf("public list: %d %v", total, err)
		}
		if _, total, _ := s.Messages(ctx, store.MessageFilter{SiteID: f.site.ID, Published: true, Query: "张三丰"}); total != 0 {
			t.Fatal("the public list searches personal data")
		}
		// Withdrawn: the document leaves the portal and the list.
		m, err = s.UnpublishMessage(ctx, m.ID, "内容有误", f.staff, time.Now(), auth.AuditEntry{At: time.Now(), Action: "message.unpublish"})
		if err != nil || m.Published() {
			t.Fatalf("unpublish: %+v %v", m, err)
		}
		if doc, _ = s.Document(ctx, doc.ID); doc.State != catalog.StateWithdrawn {
			t.Fatalf("document after unpublish: %s", doc.State)
		}
		if _, total, _ := s.Messages(ctx, store.MessageFilter{SiteID: f.site.ID, Published: true}); total != 0 {
			t.Fatal("withdrawn message still listed")
		}
		evs, err := s.MessageEvents(ctx, m.ID)
		if err != nil || len(evs) != 5 || evs[0].Action != interact.ActReceive || evs[4].Action != interact.ActUnpublish {
			t.Fatalf("events: %+v %v", evs, err)
		}
	})
}

// The monitor's 互动回应差 rule reads LateMessages: a valid message
// unanswered for four months is late; an invalid one (with its reason)
// and one answered in time are not.
func TestLateMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newMessageFixture(t, s)
		now := time.Now()
		old := now.AddDate(0, -4, 0)
		late := f.submit(t, s, "四个月未答复的留言", "13900000001", old)
		spam := f.submit(t, s, "广告推广信息留言", "13900000002", old)
		if _, err := f.step(t, s, spam, interact.MessageStep{Action: interact.ActInvalidate, Reason: interact.ReasonSpam, Note: "推销广告"}); err != nil {
			t.Fatal(err)
		}
		answered := f.submit(t, s, "按时答复的留言", "13900000003", old)
		answered, _ = f.step(t, s, answered, interact.MessageStep{Action: interact.ActRoute, OrgID: f.orgA})
		if _, err := s.DB().ExecContext(ctx, msgRebind(s, `UPDATE messages SET status = 'answered', answer = 'x', answered_at = ? WHERE id = ?`),
			old.AddDate(0, 0, 5).UTC(), answered.ID); err != nil {
			t.Fatal(err)
		}
		recent := f.submit(t, s, "昨天收到的留言", "13900000004", now.AddDate(0, 0, -1))
		got, err := s.LateMessages(ctx, now.AddDate(-1, 0, 0), now.AddDate(0, -3, 0))
		if err != nil || len(got) != 1 || got[0].ID != late.ID {
			t.Fatalf("late messages: %v %v", got, err)
		}
		c, err := s.MessageCounts(ctx, f.site.ID, old.Year(), now)
		if err != nil {
			t.Fatal(err)
		}
		if old.Year() == recent.ReceivedAt.Year() {
			if c.Received != 4 || c.Invalid != 1 || c.Valid != 3 || c.Answered != 1 || c.OnTime != 1 || c.Late != 1 {
				t.Fatalf("counts %+v", c)
			}
		} else if c.Received != 3 || c.Invalid != 1 || c.Valid != 2 || c.Answered != 1 || c.OnTime != 1 || c.Late != 1 {
			t.Fatalf("counts %+v", c)
		}
	})
}

func TestMessageSettingsRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		set, err := s.MessageSettings(ctx)
		if err != nil || set != interact.DefaultMessageSettings() {
			t.Fatalf("defaults: %+v %v", set, err)
		}
		set.ReplyDays = 5
		if err := s.SaveMessageSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.MessageSettings(ctx); got.ReplyDays != 5 {
			t.Fatalf("saved %+v", got)
		}
	})
}

func msgRebind(s *store.Store, q string) string {
	if s.Dialect() == store.Postgres {
		return strings.Replace(strings.Replace(q, "?", "$1", 1), "?", "$2", 1)
	}
	return q
}

// A message's sealed contact data follows a key rotation, and its phone is
// still found by the blind index afterwards.
func TestMessageKeyRotation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newMessageFixture(t, s)
		m := f.submit(t, s, "密钥轮换前的留言", "13500000000", time.Now())
		old, _ := s.Keyring()
		k, _ := secret.GenerateKey()
		both, _ := secret.NewKeyring(k, old.Primary())
		s.SetKeyring(both)
		if _, err := s.RotateKeys(ctx, 10); err != nil {
			t.Fatal(err)
		}
		only, _ := secret.NewKeyring(k)
		s.SetKeyring(only)
		got, err := s.Message(ctx, m.ID)
		if err != nil || got.Name != "张三丰" || got.Phone != "13500000000" || got.Email != "zsf@example.com" {
			t.Fatalf("after rotation %+v %v", got, err)
		}
		other := f.submit(t, s, "密钥轮换后的留言", "13500000000", time.Now())
		if same, err := s.MessagesByPhone(ctx, f.site.ID, other.Phone, other.ID); err != nil || len(same) != 1 {
			t.Fatalf("blind index after rotation: %d %v", len(same), err)
		}
	})
}
