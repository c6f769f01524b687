package store_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// appFixture is a site with an org, a head of the 工作机构 and a seeded
// working-day calendar.
type appFixture struct {
	site, org, head int64
}

func newAppFixture(t *testing.T, s *store.Store) appFixture {
	t.Helper()
	ctx := context.Background()
	var f appFixture
	var err error
	if f.site, err = s.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"}); err != nil {
		t.Fatal(err)
	}
	if f.org, err = s.CreateOrg(ctx, catalog.Org{SiteID: f.site, Name: "办公室"}); err != nil {
		t.Fatal(err)
	}
	if f.head, err = s.CreateUser(ctx, auth.User{Username: "head", DisplayName: "负责人", Role: auth.RoleOffice, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	return f
}

func person(id string) disclosure.Applicant {
	return disclosure.Applicant{Kind: disclosure.Person, Name: "张三", IDType: disclosure.IDResidentCard, IDNumber: id,
		Phone: "13812345678", Email: "zhang@example.com", Address: "湖北省黄石市下陆区团城山街道8号"}
}

func (f appFixture) newApp(a disclosure.Applicant, on workday.Date) store.NewApplication {
	return store.NewApplication{SiteID: f.site, Channel: store.ChannelAPI, Applicant: a,
		Description: "2025年工业企业技改补贴名单<script>alert(1)</script>", DocNo: "黄经信〔2025〕12号",
		Delivery:   disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodEmail},
		ReceivedOn: on, ReceiptBasis: disclosure.ReceiptOnlineConfirmed}
}

const testID = "11010519491231002X"

func TestCreateApplicationStoresEncryptedAndMasked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		// 2025-09-30 is a Tuesday before the National Day holiday (10-01 … 10-08).
		on := workday.NewDate(2025, 9, 30)
		rec, pw, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^YS2025-\d{6}$`).MatchString(rec.Code) || pw == "" {
			t.Fatalf("code %q password %q", rec.Code, pw)
		}
		cal, _ := s.Calendar(ctx)
		want, _ := cal.AddWorkdays(on, disclosure.ReplyDays)
		if rec.DueOn != want || rec.State != disclosure.StateReceived || rec.Version != 1 {
			t.Fatalf("due %s (want %s) state %s version %d", rec.DueOn, want, rec.State, rec.Version)
		}
		got, err := s.ApplicationByCode(ctx, strings.ToLower(rec.Code))
		if err != nil {
			t.Fatal(err)
		}
		if got.Applicant.IDNumber != "110***********002X" || got.Applicant.Phone != "138****5678" ||
			got.Applicant.Address != "湖北省黄石市****" || !got.Masked || got.DueOn != want {
			t.Fatalf("masked read: %+v", got.Applicant)
		}
		if got.Description != rec.Description || !strings.Contains(got.Description, "<script>") {
			t.Fatalf("description not stored as typed: %q", got.Description)
		}
		// Nothing personal is in the row in clear.
		var raw string
		if err := s.DB().QueryRowContext(ctx, rebind(s, `SELECT id_number_enc || phone_enc || email_enc || address_enc || id_number_bidx FROM applications WHERE id = ?`), rec.ID).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		for _, clear := range []string{testID, "13812345678", "zhang@example.com", "团城山"} {
			if strings.Contains(raw, clear) {
				t.Fatalf("%q stored in clear", clear)
			}
		}
		full, err := s.ApplicantOf(ctx, rec.ID)
		if err != nil || full.IDNumber != testID || full.Email != "zhang@example.com" {
			t.Fatalf("ApplicantOf = %+v, %v", full, err)
		}
		if _, err := s.ApplicationByCredentials(ctx, rec.Code, pw); err != nil {
			t.Fatalf("right password: %v", err)
		}
		if _, err := s.ApplicationByCredentials(ctx, rec.Code, "AAAA-BBBB-CCCC"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("wrong password: %v", err)
		}
		if _, err := s.ApplicationByCredentials(ctx, "YS2025-999999", pw); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("wrong code: %v", err)
		}
	})
}

func rebind(s *store.Store, q string) string {
	if s.Dialect() != store.Postgres {
		return q
	}
	n := 0
	var b strings.Builder
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + string(rune('0'+n)))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestRevealApplicantIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), workday.NewDate(2025, 3, 3)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RevealApplicant(ctx, rec.ID, auth.AuditEntry{}); err == nil {
			t.Fatal("reveal without audit entry allowed")
		}
		a, err := s.RevealApplicant(ctx, rec.ID, auth.AuditEntry{UserID: f.head, Username: "head", Action: "application.reveal"})
		if err != nil || a.IDNumber != testID || a.Phone != "13812345678" {
			t.Fatalf("reveal = %+v, %v", a, err)
		}
		entries, _, err := s.Audit(ctx, store.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			if e.Action == "application.reveal" && e.Target == rec.Code && e.UserID == f.head {
				found = true
			}
			if strings.Contains(e.Detail, testID) {
				t.Fatal("ID number written to the audit log")
			}
		}
		if !found {
			t.Fatalf("no audit entry for the reveal: %+v", entries)
		}
	})
}
