package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// applicationsPerYear is how many 依申请公开 applications each demo year
// receives, besides the frequent applicant of 2024 (a 市经信局 of the seed's
// size answers about a hundred a year).
var applicationsPerYear = map[int]int{2023: 96, 2024: 104, 2025: 112}

// Remedy settings of the demo agency: a 市经信局's 行政复议机关 is the
// 本级人民政府 (行政复议法第二十四条).
const (
	demoReviewOrgan = "示例市人民政府"
	demoCourt       = "示例市示例区人民法院"
)

// ApplicationSummary counts what CreateApplications made.
type ApplicationSummary struct {
	Applications int
	Open         int // without a final outcome on the day of the run
	Notices      int
	ReviewCases  int
}

// appGen builds the demo applications. Everything random comes from one
// seeded source, so two runs give the same cases.
type appGen struct {
	rng    *rand.Rand
	st     *store.Store
	site   catalog.Site
	orgs   map[string]int64
	users  map[string]int64 // demo staff by username; absent accounts are 0
	cal    *workday.Calendar
	set    disclosure.Settings
	today  workday.Date
	people int

	answered []answered // replies by basis, for 重复申请 and the register
	sum      ApplicationSummary
}

// answered is a case closed by a reply.
type answered struct {
	rec       store.ApplicationRecord
	applicant disclosure.Applicant
	basis     disclosure.LegalBasis
	closedOn  workday.Date
}

// CreateApplications stores three years of 依申请公开 cases for the demo
// agency of sum (made by Create): a realistic mix of applicant kinds and
// outcomes over every table-三 row, 补正, extensions approved by the
// 公开办负责人, consultations, fees, withdrawals, cases still open at the
// year end (结转) and a few 行政复议 and 行政诉讼 in the register. Every
// case goes in through the store like a real one (CreateApplication, then
// each step with the 告知书 it issues), dated on the working-day calendar
// and never after now. Demo staff accounts (Staff), when they already
// exist, are the assignees and the approving head.
func CreateApplications(ctx context.Context, st *store.Store, sum Summary, now time.Time) (ApplicationSummary, error) {
	site, err := st.Site(ctx, sum.SiteID)
	if err != nil {
		return ApplicationSummary{}, err
	}
	g := &appGen{rng: rand.New(rand.NewPCG(31, 2019)), st: st, site: site, orgs: sum.OrgIDs,
		users: map[string]int64{}, today: dateOf(now)}
	if err := g.prepare(ctx); err != nil {
		return g.sum, err
	}
	for _, y := range years {
		if err := g.year(ctx, y); err != nil {
			return g.sum, fmt.Errorf("创建%d年演示申请: %w", y, err)
		}
	}
	if err := g.reviewCases(ctx); err != nil {
		return g.sum, fmt.Errorf("创建演示复议诉讼案件: %w", err)
	}
	return g.sum, nil
}

// prepare loads the calendar (seeding the official one into an empty
// store), the settings with the demo 复议机关, and the demo staff.
func (g *appGen) prepare(ctx context.Context) error {
	if err := g.st.SeedCalendar(ctx); err != nil {
		return err
	}
	set, err := g.st.DisclosureSettings(ctx)
	if err != nil {
		return err
	}
	if set.Remedy.Organ == "" {
		set.Remedy.Organ, set.Remedy.Court = demoReviewOrgan, demoCourt
		if err := g.st.SaveDisclosureSettings(ctx, set); err != nil {
			return err
		}
	}
	g.set = set
	if g.cal, err = g.st.Calendar(ctx); err != nil {
		return err
	}
	users, err := g.st.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		for _, s := range Staff {
			if u.Username == s.Username {
				g.users[s.Username] = u.ID
			}
		}
	}
	return nil
}

// filing is one application to file: when, by whom, how, and its course.
type filing struct {
	on        workday.Date
	applicant disclosure.Applicant
	channel   store.Channel
	receipt   disclosure.ReceiptBasis
	desc      string
	plan      plan
	earlier   *answered // the reply a 重复申请 asks again for
}

// year files the applications received in y, in date order.
func (g *appGen) year(ctx context.Context, y int) error {
	plans := g.plans(y)
	fs := make([]filing, len(plans))
	for i, p := range plans {
		fs[i] = g.filing(y, p)
	}
	if y == 2024 {
		fs = append(fs, g.frequentApplicant(y)...)
	}
	slices.SortStableFunc(fs, func(a, b filing) int { return a.on.Compare(b.on) })
	for _, f := range fs {
		if f.on.After(g.today) {
			continue
		}
		if err := g.file(ctx, f); err != nil {
			return err
		}
	}
	return nil
}

// filing draws the applicant, channel and receipt date of plan p in y.
func (g *appGen) filing(y int, p plan) filing {
	f := filing{applicant: g.applicant(), plan: p}
	switch n := g.rng.IntN(100); {
	case n < 50:
		f.channel, f.receipt = store.ChannelOnline, disclosure.ReceiptOnlineConfirmed
	case n < 60 && y >= 2024: // the 12345 hotline files through the open API since 2024
		f.channel, f.receipt = store.ChannelAPI, disclosure.ReceiptOnlineConfirmed
	case n < 75:
		f.channel, f.receipt = store.ChannelStaff, disclosure.ReceiptPostSigned
	case n < 82:
		f.channel, f.receipt = store.ChannelStaff, disclosure.ReceiptPostUnsignedConfirmed
	case n < 85:
		f.channel, f.receipt = store.ChannelStaff, disclosure.ReceiptFaxConfirmed
	default:
		f.channel, f.receipt = store.ChannelStaff, disclosure.ReceiptInPerson
	}
	f.on = g.receivedIn(y, p.december, f.receipt == disclosure.ReceiptOnlineConfirmed)
	f.desc = expand(p.topic.desc, y)
	return f
}

// receivedIn picks a receipt date in y: a working day, except that an
// online application is confirmed the day it arrives, weekends included
// (条例第三十一条第（三）项). December cases arrive in its last weeks, so
// their reply falls in the next year.
func (g *appGen) receivedIn(y int, december, online bool) workday.Date {
	for {
		first := workday.NewDate(y, time.January, 1)
		span := 365
		if december {
			first, span = workday.NewDate(y, time.December, 12), 20
		}
		d := first.AddDays(g.rng.IntN(span))
		if d.Year() != y {
			continue
		}
		if ok, err := g.cal.IsWorkday(d); err == nil && (ok || (online && g.rng.IntN(5) == 0)) {
			return d
		}
	}
}

// choose returns one of xs.
func choose[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
