package annualreport_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// bulk inserts rows of one table in multi-row INSERTs inside tx: the
// benchmark's loader, test-only, so 100,000 applications load in seconds
// instead of the minutes CreateApplication's per-case transactions take.
type bulk struct {
	b     testing.TB
	tx    *sql.Tx
	pg    bool
	table string
	cols  int
	head  string
	args  []any
	rows  int
	dep   *bulk // rows this table references, flushed first
}

func newBulk(b testing.TB, tx *sql.Tx, d store.Dialect, table, cols string) *bulk {
	return &bulk{b: b, tx: tx, pg: d == store.Postgres, table: table, cols: strings.Count(cols, ",") + 1,
		head: `INSERT INTO ` + table + ` (` + cols + `) VALUES `}
}

func (l *bulk) add(vals ...any) {
	if len(vals) != l.cols {
		l.b.Fatalf("%s: %d values for %d columns", l.table, len(vals), l.cols)
	}
	l.args = append(l.args, vals...)
	// PostgreSQL allows 65,535 parameters per statement.
	if l.rows++; l.rows*l.cols >= 30000 {
		l.flush()
	}
}

func (l *bulk) flush() {
	if l.rows == 0 {
		return
	}
	if l.dep != nil {
		l.dep.flush()
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", l.cols), ",") + ")"
	q := l.head + strings.TrimSuffix(strings.Repeat(row+",", l.rows), ",")
	if l.pg {
		var out strings.Builder
		n := 0
		for _, r := range q {
			if r == '?' {
				n++
				fmt.Fprintf(&out, "$%d", n)
				continue
			}
			out.WriteRune(r)
		}
		q = out.String()
	}
	if _, err := l.tx.Exec(q, l.args...); err != nil {
		l.b.Fatalf("%s: %v", l.table, err)
	}
	l.args, l.rows = l.args[:0], 0
}

// bureau is the generated agency: a 市 department with 20 科室.
type bureau struct {
	site, column, user int64
	orgs               []int64
}

var benchCST = time.FixedZone("CST", 8*3600)

// loadBureau fills s with three years (2023–2025) of a busy bureau's
// records: n applications received evenly over the three years (every
// applicant kind, every reply basis, about 2 % 一事一申请 split items,
// cases open across each year end, about 3 % still open at the end, fee
// notices on 2.5 % with payments and waivers), 2,500 documents a year
// with channel records, the normative-document register since 2018 with
// repeals, expiries and amendments, the decisions register per 科室 and
// month, and 120 review cases a year, some pending.
func loadBureau(b testing.TB, s *store.Store, n int) bureau {
	b.Helper()
	ctx := context.Background()
	var w bureau
	var err error
	if w.site, err = s.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"}); err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		id, err := s.CreateOrg(ctx, catalog.Org{SiteID: w.site, Name: fmt.Sprintf("第%d科", i+1)})
		if err != nil {
			b.Fatal(err)
		}
		w.orgs = append(w.orgs, id)
	}
	if w.column, err = s.CreateColumn(ctx, catalog.Column{SiteID: w.site, Slug: "gfxwj", Name: "规范性文件",
		Kind: catalog.KindNotice, OrgID: w.orgs[0]}); err != nil {
		b.Fatal(err)
	}
	if w.user, err = s.CreateUser(ctx, auth.User{Username: "office", DisplayName: "公开办", Role: auth.RoleOffice,
		OrgID: w.orgs[0], PasswordHash: "x"}); err != nil {
		b.Fatal(err)
	}
	if err := s.SeedCalendar(ctx); err != nil {
		b.Fatal(err)
	}
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	rng := rand.New(rand.NewPCG(4, 2024))
	w.applications(b, tx, s.Dialect(), rng, n)
	w.documents(b, tx, s.Dialect(), rng)
	w.registers(b, tx, s.Dialect(), rng)
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	var lo, hi int64
	if err := s.DB().QueryRowContext(ctx, `SELECT MIN(id), MAX(id) FROM applications`).Scan(&lo, &hi); err != nil || lo != 1 || hi != int64(n) {
		b.Fatalf("application ids %d…%d, want 1…%d: %v", lo, hi, n, err)
	}
	// 一事一申请: every 50th application is an item split off the one before.
	if _, err := s.DB().ExecContext(ctx, `UPDATE applications SET parent_id = id - 1 WHERE id % 50 = 0`); err != nil {
		b.Fatal(err)
	}
	if _, err := s.DB().ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return w
}

// kindOf draws an applicant kind with the usual weights: mostly 自然人,
// then 商业企业, a few of the rest.
func kindOf(rng *rand.Rand) disclosure.ApplicantKind {
	switch x := rng.IntN(100); {
	case x < 78:
		return disclosure.Person
	case x < 92:
		return disclosure.Business
	default:
		return disclosure.ApplicantKinds[2+rng.IntN(len(disclosure.ApplicantKinds)-2)]
	}
}

func (w bureau) applications(b testing.TB, tx *sql.Tx, d store.Dialect, rng *rand.Rand, n int) {
	apps := newBulk(b, tx, d, "applications", `site_id, code, password_hash, channel, applicant_kind, applicant_name,
		id_type, description, delivery_form, delivery_method, received_on, receipt_basis, state, closed, clock_running,
		org_id, due_on, basis, table_row, closed_on, version, created_at, updated_at`)
	events := newBulk(b, tx, d, "application_events", `application_id, seq, kind, on_date, at, actor_id, data`)
	events.dep = apps
	first, last := workday.NewDate(2023, 1, 1), workday.NewDate(2025, 12, 31)
	span := last.Time().Sub(first.Time()).Hours() / 24
	replies := disclosure.ReplyBases()
	openStates := []disclosure.State{disclosure.StateProcessing, disclosure.StateAwaitingAmendment, disclosure.StateConsulting}
	now := time.Now().UTC()
	event := func(app int64, seq int, e disclosure.Event) {
		e.At = now
		data, err := json.Marshal(e)
		if err != nil {
			b.Fatal(err)
		}
		events.add(app, seq, string(e.Kind), e.On.String(), now, w.user, string(data))
	}
	for i := range n {
		id := int64(i + 1)
		received := first.AddDays(int(span * float64(i) / float64(n)))
		fee := i%40 == 7
		closed := received.AddDays(3 + rng.IntN(38))
		if fee {
			closed = received.AddDays(12 + rng.IntN(30))
		}
		open := closed.After(last) || rng.IntN(100) < 3 && received.Year() == 2025
		state, basis, row, closedOn := disclosure.StateClosed, disclosure.LegalBasis(""), disclosure.Row(""), ""
		if open {
			state = openStates[rng.IntN(len(openStates))]
		} else {
			basis = replies[rng.IntN(len(replies))]
			row, closedOn = disclosure.RowOf(basis), closed.String()
		}
		kind := kindOf(rng)
		apps.add(w.site, fmt.Sprintf("YS%d-%06d", received.Year(), id), "s256$x$y", "online", string(kind),
			fmt.Sprintf("申请人%d", i%997), "resident_id", "关于某项目的政府信息", "electronic", "email",
			received.String(), "online_confirmed", string(state), !open, state == disclosure.StateProcessing,
			w.orgs[rng.IntN(len(w.orgs))], received.AddDays(28).String(), string(basis), string(row), closedOn, 2, now, now)
		seq := 1
		event(id, seq, disclosure.Event{Kind: disclosure.EventReceived, On: received, ReceiptBasis: disclosure.ReceiptOnlineConfirmed})
		if fee {
			seq++
			event(id, seq, disclosure.Event{Kind: disclosure.EventFeeNoticed, On: received.AddDays(5), FeeMethod: disclosure.FeePerApplication,
				Quantity: 11, Amount: int64(100 * (1 + rng.IntN(4))), PayMethod: "银行转账"})
			if !open || rng.IntN(2) == 0 {
				seq++
				next := disclosure.Event{Kind: disclosure.EventFeePaid, On: received.AddDays(9)}
				if i%3 == 0 {
					next = disclosure.Event{Kind: disclosure.EventFeeWaived, On: received.AddDays(9), Note: "申请人经济困难"}
				}
				event(id, seq, next)
			}
		}
		if !open {
			event(id, seq+1, disclosure.Event{Kind: disclosure.EventReplied, On: closed, Basis: basis, Reasons: "理由"})
		}
	}
	apps.flush()
	events.flush()
}

// documents: 2,500 a year from 2023 (工作动态, 通知…), 40 % also on 政务微信
// and 5 % in the newspaper, 1 % late, 1 % withdrawn; and the register of
// 行政规范性文件 since 2018, about 25 a year, older ones repealed, expired
// or amended in later years.
func (w bureau) documents(b testing.TB, tx *sql.Tx, d store.Dialect, rng *rand.Rand) {
	docs := newBulk(b, tx, d, "documents", `site_id, column_id, org_id, author_id, title, body_html, doc_no, genre,
		written_on, validity, validity_on, state, published_at, late_workdays, created_at, updated_at`)
	channels := newBulk(b, tx, d, "document_channels", `document_id, channel, date`)
	channels.dep = docs
	now := time.Now().UTC()
	id := int64(0)
	add := func(title string, g catalog.Genre, at time.Time, v catalog.Validity, vOn string) {
		id++
		state, late := catalog.StatePublished, 0
		if rng.IntN(100) == 0 {
			state = catalog.StateWithdrawn
		}
		if rng.IntN(100) == 0 {
			late = 1 + rng.IntN(10)
		}
		docNo := ""
		if g != catalog.GenreOther {
			docNo = fmt.Sprintf("示经信规〔%d〕%d号", at.Year(), id)
		}
		day := at.In(benchCST).Format("2006-01-02")
		docs.add(w.site, w.column, w.orgs[rng.IntN(len(w.orgs))], w.user, title, "<p>正文</p>", docNo, string(g),
			day, string(v), vOn, string(state), at.UTC(), late, now, now)
		if g == catalog.GenreOther && rng.IntN(100) < 40 {
			channels.add(id, string(catalog.ChannelWeChat), day)
		}
		if rng.IntN(100) < 5 {
			channels.add(id, string(catalog.ChannelNewspaper), at.AddDate(0, 0, 1).In(benchCST).Format("2006-01-02"))
		}
	}
	at := func(y int) time.Time {
		return time.Date(y, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 9+rng.IntN(8), 0, 0, 0, benchCST)
	}
	for y := 2018; y <= 2025; y++ {
		for k := range 20 + rng.IntN(10) {
			pub := at(y)
			v, vOn := catalog.Valid, ""
			// Five-year validity (行政规范性文件 are reviewed on expiry), some
			// repealed or replaced earlier.
			switch x := rng.IntN(10); {
			case x < 2:
				v, vOn = catalog.Repealed, pub.AddDate(1+rng.IntN(3), 0, 0).Format("2006-01-02")
			case x < 3:
				v, vOn = catalog.Amended, pub.AddDate(1+rng.IntN(2), 0, 0).Format("2006-01-02")
			case y <= 2020:
				v, vOn = catalog.Expired, pub.AddDate(5, 0, 0).Format("2006-01-02")
			}
			add(fmt.Sprintf("%d年行政规范性文件%d", y, k+1), catalog.GenreNormative, pub, v, vOn)
		}
		if y < 2023 {
			continue
		}
		for k := range 2500 {
			add(fmt.Sprintf("%d年工作动态%d", y, k+1), catalog.GenreOther, at(y), catalog.Valid, "")
		}
	}
	docs.flush()
	channels.flush()
}

// registers: the decisions register (per 科室, month and kind) and the
// review cases, 120 a year across the three routes, 15 % still pending.
func (w bureau) registers(b testing.TB, tx *sql.Tx, d store.Dialect, rng *rand.Rand) {
	dec := newBulk(b, tx, d, "admin_decisions", `site_id, org_id, year, month, kind, value, updated_by, updated_at`)
	now := time.Now().UTC()
	for y := 2023; y <= 2025; y++ {
		for _, org := range w.orgs[:8] {
			for m := 1; m <= 12; m++ {
				dec.add(w.site, org, y, m, string(store.DecisionLicense), rng.IntN(40), w.user, now)
				dec.add(w.site, org, y, m, string(store.DecisionPenalty), rng.IntN(6), w.user, now)
				dec.add(w.site, org, y, m, string(store.DecisionCoercion), rng.IntN(2), w.user, now)
				dec.add(w.site, org, y, m, string(store.DecisionFee), rng.IntN(500000), w.user, now)
			}
		}
	}
	dec.flush()
	rev := newBulk(b, tx, d, "review_cases", `site_id, route, result, case_no, body, filed_on, decided_on, created_at, updated_at`)
	results := []disclosure.ReviewResult{disclosure.ResultUpheld, disclosure.ResultCorrected, disclosure.ResultOther}
	for y := 2023; y <= 2025; y++ {
		for k := range 120 {
			filed := workday.NewDate(y, 1, 1).AddDays(rng.IntN(365))
			route := disclosure.ReviewRoutes[rng.IntN(len(disclosure.ReviewRoutes))]
			result, decided := results[rng.IntN(len(results))], filed.AddDays(30+rng.IntN(150)).String()
			if rng.IntN(100) < 15 {
				result, decided = disclosure.ResultPending, ""
			}
			rev.add(w.site, string(route), string(result), fmt.Sprintf("（%d）复字第%d号", y, k+1), "市人民政府",
				filed.String(), decided, now, now)
		}
	}
	rev.flush()
}
