package demo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/demo"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// withApplications creates the demo agency, its staff accounts (as the
// first start does) and the demo applications.
func withApplications(t *testing.T, s *store.Store, at time.Time) (demo.Summary, demo.ApplicationSummary, time.Duration) {
	t.Helper()
	ctx := context.Background()
	sum, err := demo.Create(ctx, s, at)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range demo.Staff {
		if _, err := s.CreateUser(ctx, auth.User{Username: a.Username, DisplayName: a.DisplayName, Role: a.Role,
			OrgID: sum.OrgIDs[a.Org], PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	as, err := demo.CreateApplications(ctx, s, sum, at)
	if err != nil {
		t.Fatal(err)
	}
	return sum, as, time.Since(start)
}

// allApplications lists every application, open and closed.
func allApplications(t *testing.T, s *store.Store, siteID int64) []store.ApplicationSummary {
	t.Helper()
	ctx := context.Background()
	var out []store.ApplicationSummary
	for _, state := range []disclosure.State{"", disclosure.StateClosed} {
		for off := 0; ; off += 500 {
			list, err := s.Applications(ctx, store.ApplicationFilter{SiteID: siteID, State: state, Limit: 500, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, list...)
			if len(list) < 500 {
				break
			}
		}
	}
	return out
}

func TestCreateApplications(t *testing.T) {
	prints := map[store.Dialect]string{}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sum, as, took := withApplications(t, s, now)
		t.Logf("%s: %+v in %v", s.Dialect(), as, took)
		prints[s.Dialect()] = fingerprintApps(t, s, sum.SiteID)
		if as.Open == 0 {
			t.Error("no 2025 case still open on 2026-01-15")
		}
		if s.Dialect() == store.SQLite && took > 5*time.Second {
			t.Errorf("demo applications took %v on SQLite, want < 5 s", took)
		}
		apps := allApplications(t, s, sum.SiteID)
		if len(apps) < 300 || len(apps) != as.Applications {
			t.Fatalf("%d applications stored, summary says %d; want ≥ 300", len(apps), as.Applications)
		}
		rows, kinds := map[disclosure.Row]int{}, map[disclosure.ApplicantKind]int{}
		for _, a := range apps {
			kinds[a.ApplicantKind]++
			if a.State == disclosure.StateClosed {
				rows[a.Row]++
			}
			if a.ReceivedOn.Year() < 2023 || a.ReceivedOn.Year() > 2025 {
				t.Errorf("%s received %s, outside 2023–2025", a.Code, a.ReceivedOn)
			}
		}
		for _, r := range disclosure.Rows {
			if rows[r] == 0 {
				t.Errorf("no demo case in table-三 row %s", r.FullLabel())
			}
		}
		if kinds[disclosure.Person] < len(apps)*2/3 {
			t.Errorf("自然人 %d of %d: want most applicants to be persons", kinds[disclosure.Person], len(apps))
		}
		for _, k := range disclosure.ApplicantKinds {
			if kinds[k] == 0 {
				t.Errorf("no applicant of kind %s", k.Label())
			}
		}
		if rows[disclosure.RowGranted] < rows[disclosure.RowPartial] || rows[disclosure.RowGranted] < len(apps)/3 {
			t.Errorf("予以公开 %d of %d: want it the most common outcome", rows[disclosure.RowGranted], len(apps))
		}
		checkTableThree(t, s, sum.SiteID)
		steps := checkSteps(t, s, apps)
		for _, k := range []disclosure.EventKind{disclosure.EventAmendmentRequested, disclosure.EventAmended,
			disclosure.EventExtensionApproved, disclosure.EventConsultationAnswered, disclosure.EventConsultationLapsed,
			disclosure.EventFeePaid, disclosure.EventFeeWaived, disclosure.EventFeeExpired, disclosure.EventWithdrawn} {
			if steps[k] == 0 {
				t.Errorf("no demo case with the step %s", k.Label())
			}
		}
		for _, ch := range []store.Channel{store.ChannelOnline, store.ChannelAPI, store.ChannelStaff} {
			rec, err := s.Application(ctx, firstOf(t, s, apps, ch))
			if err != nil || rec.Channel != ch {
				t.Errorf("no application through %s: %v", ch, err)
			}
		}
		checkRegister(t, s, sum.SiteID)
	})
	if len(prints) == 2 && prints[store.SQLite] != prints[store.Postgres] {
		t.Error("the demo applications differ between SQLite and PostgreSQL")
	}
}

// checkTableThree: per year and applicant kind, 一 + 二 = 三（七）+ 四 (G1),
// carry-overs at each year end, and some 2025 cases still open in 2026.
func checkTableThree(t *testing.T, s *store.Store, siteID int64) {
	t.Helper()
	for _, y := range []int{2023, 2024, 2025} {
		tt, err := s.TableThreeCounts(context.Background(), store.TableThreeFilter{SiteID: siteID, Year: y})
		if err != nil {
			t.Fatal(err)
		}
		outcomes := map[disclosure.Outcome]int{}
		for _, k := range disclosure.ApplicantKinds {
			total := 0
			for _, r := range disclosure.Rows {
				total += tt.Results[r][k]
				outcomes[r.Outcome()] += tt.Results[r][k]
			}
			if tt.Received[k]+tt.CarriedIn[k] != total+tt.CarriedOut[k] {
				t.Errorf("%d %s: 新收 %d + 上年结转 %d ≠ 办结 %d + 结转 %d", y, k.Label(), tt.Received[k], tt.CarriedIn[k], total, tt.CarriedOut[k])
			}
		}
		for _, o := range disclosure.Outcomes {
			if outcomes[o] == 0 {
				t.Errorf("%d: no case in %s", y, o.Label())
			}
		}
		if sumOf(tt.CarriedOut) == 0 {
			t.Errorf("%d: nothing carried over into %d", y, y+1)
		}
		if y > 2023 && sumOf(tt.CarriedIn) == 0 {
			t.Errorf("%d: nothing carried in from %d", y, y-1)
		}
	}
}

func sumOf(m map[disclosure.ApplicantKind]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// checkSteps replays every case and counts its steps: every step is dated
// no later than the run and the stored state is the replayed one; personal
// data is encrypted, with a valid ID check character underneath.
func checkSteps(t *testing.T, s *store.Store, apps []store.ApplicationSummary) map[disclosure.EventKind]int {
	t.Helper()
	ctx := context.Background()
	today := workday.FromTime(now.In(time.FixedZone("CST", 8*3600)))
	steps := map[disclosure.EventKind]int{}
	for i, a := range apps {
		events, err := s.Events(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range events {
			steps[ev.Kind]++
			if ev.On.After(today) {
				t.Errorf("%s: step %s dated %s, after the run", a.Code, ev.Kind, ev.On)
			}
			if ev.Kind == disclosure.EventExtensionApproved && (!ev.ApproverIsHead || ev.ActorID == 0) {
				t.Errorf("%s: extension approved by %d, not the head", a.Code, ev.ActorID)
			}
		}
		c, err := s.ApplicationCase(ctx, a.ID)
		if err != nil || c.State != a.State || c.DueOn != a.DueOn {
			t.Errorf("%s: replay %v %v, stored %v", a.Code, c.State, err, a.State)
		}
		if i%25 != 0 {
			continue // full decryption of a sample is enough
		}
		p, err := s.ApplicantOf(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind == disclosure.Person && !disclosure.ValidResidentID(p.IDNumber) {
			t.Errorf("%s: ID number %s has a wrong check character", a.Code, p.IDNumber)
		}
		if p.Kind.IsOrg() && !catalog.ValidUSCC(p.IDNumber) {
			t.Errorf("%s: USCC %s malformed", a.Code, p.IDNumber)
		}
		ns, err := s.Notices(ctx, a.ID)
		if err != nil || len(ns) == 0 || ns[0].Kind != disclosure.NoticeReceipt {
			t.Errorf("%s: notices %d, %v; want the 接收回执 first", a.Code, len(ns), err)
		}
	}
	return steps
}

func firstOf(t *testing.T, s *store.Store, apps []store.ApplicationSummary, ch store.Channel) int64 {
	t.Helper()
	for _, a := range apps {
		rec, err := s.Application(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Channel == ch {
			return a.ID
		}
	}
	return 0
}

// checkRegister: the 复议/诉讼 register holds cases of each route, with
// decided and pending results, linked to closed applications.
func checkRegister(t *testing.T, s *store.Store, siteID int64) {
	t.Helper()
	ctx := context.Background()
	rcs, err := s.ReviewCases(ctx, store.ReviewCaseFilter{SiteID: siteID})
	if err != nil {
		t.Fatal(err)
	}
	routes, results := map[disclosure.ReviewRoute]int{}, map[disclosure.ReviewResult]int{}
	for _, rc := range rcs {
		routes[rc.Route]++
		results[rc.Result]++
		a, err := s.Application(ctx, rc.ApplicationID)
		if err != nil || a.State != disclosure.StateClosed || !rc.FiledOn.After(a.ClosedOn) {
			t.Errorf("review case %s: application %+v %v", rc.CaseNo, a.ClosedOn, err)
		}
		if fe := rc.Validate(); len(fe) > 0 {
			t.Errorf("review case %s: %v", rc.CaseNo, fe)
		}
	}
	if len(routes) != len(disclosure.ReviewRoutes) || len(results) < 3 {
		t.Errorf("register routes %v, results %v: want every route and several results", routes, results)
	}
}

// fingerprintApps is everything a run decides about the applications.
func fingerprintApps(t *testing.T, s *store.Store, siteID int64) string {
	t.Helper()
	var b strings.Builder
	for _, a := range allApplications(t, s, siteID) {
		events, err := s.Events(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s %s %s %s %d|", a.Code, a.ApplicantName, a.ApplicantKind, a.ReceivedOn, a.Row, a.DueOn, len(events))
	}
	return b.String()
}

func TestCreateApplicationsIsDeterministic(t *testing.T) {
	var prints []string
	for range 2 {
		s := storetest.Open(t, store.SQLite)
		sum, _, _ := withApplications(t, s, now)
		prints = append(prints, fingerprintApps(t, s, sum.SiteID))
	}
	if prints[0] != prints[1] {
		t.Error("two runs made different applications")
	}
}

func TestCreateApplicationsStopsAtNow(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	early := time.Date(2024, 6, 30, 12, 0, 0, 0, time.UTC)
	sum, as, _ := withApplications(t, s, early)
	apps := allApplications(t, s, sum.SiteID)
	if len(apps) == 0 || as.Open == 0 {
		t.Fatalf("%d applications, %d open", len(apps), as.Open)
	}
	for _, a := range apps {
		if a.ReceivedOn.After(workday.NewDate(2024, 6, 30)) || (a.State == disclosure.StateClosed && a.ClosedOn.After(workday.NewDate(2024, 6, 30))) {
			t.Errorf("%s: received %s, closed %s after the run", a.Code, a.ReceivedOn, a.ClosedOn)
		}
	}
}
