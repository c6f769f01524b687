package annualreport_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

type world struct {
	s                 *store.Store
	site, org, column int64
	user              int64
}

func newWorld(t *testing.T, s *store.Store) world {
	t.Helper()
	ctx := context.Background()
	w := world{s: s}
	var err error
	if w.site, err = s.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"}); err != nil {
		t.Fatal(err)
	}
	if w.org, err = s.CreateOrg(ctx, catalog.Org{SiteID: w.site, Name: "办公室"}); err != nil {
		t.Fatal(err)
	}
	if w.column, err = s.CreateColumn(ctx, catalog.Column{SiteID: w.site, Slug: "gfxwj", Name: "规范性文件", Kind: catalog.KindNotice, OrgID: w.org}); err != nil {
		t.Fatal(err)
	}
	if w.user, err = s.CreateUser(ctx, auth.User{Username: "office", DisplayName: "公开办", Role: auth.RoleOffice, OrgID: w.org, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	return w
}

var cst = time.FixedZone("CST", 8*3600)

func (w world) doc(t *testing.T, title string, g catalog.Genre, at time.Time, v catalog.Validity, vOn string, ch ...catalog.ChannelRecord) {
	t.Helper()
	d := catalog.Document{SiteID: w.site, ColumnID: w.column, OrgID: w.org, AuthorID: w.user, Title: title,
		BodyHTML: "<p>正文</p>", WrittenOn: at.Format("2006-01-02"), Genre: g, Validity: v, ValidityOn: vOn,
		State: catalog.StatePublished, PublishedAt: at, Channels: ch}
	if g != catalog.GenreOther {
		d.DocNo = "示经信规〔" + at.Format("2006") + "〕1号"
	}
	if _, err := w.s.CreateDocument(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func (w world) app(t *testing.T, kind disclosure.ApplicantKind, on workday.Date, closed workday.Date, basis disclosure.LegalBasis) {
	t.Helper()
	ctx := context.Background()
	a := disclosure.Applicant{Kind: disclosure.Person, Name: "张三", IDType: disclosure.IDResidentCard, IDNumber: "11010519491231002X",
		Phone: "13812345678", Address: "湖北省黄石市下陆区团城山街道8号"}
	if kind == disclosure.Business {
		a.Kind, a.Name, a.IDType, a.IDNumber = disclosure.Business, "某某公司", disclosure.IDUSCC, "91420200MA4KXXXX1B"
	}
	rec, _, err := w.s.CreateApplication(ctx, store.NewApplication{SiteID: w.site, Channel: store.ChannelAPI, Applicant: a,
		Description: "2025年工业企业技改补贴名单", Delivery: disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodEmail},
		ReceivedOn: on, ReceiptBasis: disclosure.ReceiptOnlineConfirmed})
	if err != nil {
		t.Fatal(err)
	}
	if closed == (workday.Date{}) {
		return
	}
	if _, err := w.s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 1, Event: disclosure.Event{
		Kind: disclosure.EventReplied, On: closed, Basis: basis, Reasons: "理由"}}); err != nil {
		t.Fatal(err)
	}
}

// fill puts a fixed history in the store: applications across 2024–2025,
// normative documents, channel records, the decisions register, a review.
func (w world) fill(t *testing.T) {
	ctx := context.Background()
	d := workday.NewDate
	w.app(t, disclosure.Person, d(2024, 12, 20), d(2025, 1, 6), disclosure.BasisDisclosed) // carried 2024 → 2025
	w.app(t, disclosure.Person, d(2024, 3, 4), d(2024, 3, 20), disclosure.BasisNotExist)   // 2024 only
	w.app(t, disclosure.Business, d(2025, 5, 6), d(2025, 5, 20), disclosure.BasisPartial)
	w.app(t, disclosure.Person, d(2025, 3, 3), d(2025, 3, 17), disclosure.BasisNotExist)
	w.app(t, disclosure.Person, d(2025, 12, 25), workday.Date{}, "") // open at 12-31: carried into 2026

	w.doc(t, "2024年规范性文件，2025年废止", catalog.GenreNormative, time.Date(2024, 5, 1, 9, 0, 0, 0, cst), catalog.Repealed, "2025-06-30")
	w.doc(t, "2025年规范性文件一", catalog.GenreNormative, time.Date(2025, 3, 1, 9, 0, 0, 0, cst), catalog.Valid, "",
		catalog.ChannelRecord{Channel: catalog.ChannelWeChat, Date: "2025-03-02"})
	w.doc(t, "2025年规范性文件二", catalog.GenreNormative, time.Date(2025, 8, 1, 9, 0, 0, 0, cst), catalog.Valid, "",
		catalog.ChannelRecord{Channel: catalog.ChannelWeChat, Date: "2025-08-02"}, catalog.ChannelRecord{Channel: catalog.ChannelNewspaper, Date: "2025-08-03"})
	w.doc(t, "工作动态", catalog.GenreOther, time.Date(2025, 9, 1, 9, 0, 0, 0, cst), catalog.Valid, "")

	for _, x := range []store.AdminDecision{
		{Month: 1, Kind: store.DecisionLicense, Value: 3}, {Month: 2, Kind: store.DecisionLicense, Value: 4},
		{Month: 5, Kind: store.DecisionPenalty, Value: 2}, {Month: 6, Kind: store.DecisionFee, Value: 123456}, // 1234.56 元
	} {
		x.SiteID, x.OrgID, x.Year, x.UpdatedBy = w.site, w.org, 2025, w.user
		if err := w.s.SetAdminDecision(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.s.CreateReviewCase(ctx, w.site, disclosure.ReviewCase{Route: disclosure.RouteReconsideration,
		Result: disclosure.ResultUpheld, FiledOn: d(2025, 2, 1), DecidedOn: d(2025, 4, 1), Body: "市人民政府", CaseNo: "1"}); err != nil {
		t.Fatal(err)
	}
}

func TestBuildFromStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		w := newWorld(t, s)
		w.fill(t)
		b, err := annualreport.Build(ctx, s, annualreport.BuildOptions{SiteID: w.site, Year: 2025, Unit: annualreport.UnitDepartment, UnitName: "市经信局"})
		if err != nil {
			t.Fatal(err)
		}
		r := b.Report
		T2, T3, T4 := annualreport.TableTwo, annualreport.TableThree, annualreport.TableFour
		want := map[annualreport.Key]string{
			{T2, annualreport.RowNormative, annualreport.ColIssued}:        "2",
			{T2, annualreport.RowNormative, annualreport.ColRepealed}:      "1",
			{T2, annualreport.RowNormative, annualreport.ColInForce}:       "2",
			{T2, annualreport.RowRules, annualreport.ColInForce}:           "0",
			{T2, annualreport.RowLicensing, annualreport.ColDecisions}:     "7",
			{T2, annualreport.RowPenalty, annualreport.ColDecisions}:       "2",
			{T2, annualreport.RowCoercion, annualreport.ColDecisions}:      "0",
			{T2, annualreport.RowAdminFees, annualreport.ColFeeAmount}:     "0.123456",
			{T3, annualreport.ThreeReceived, annualreport.ColPerson}:       "2",
			{T3, annualreport.ThreeReceived, annualreport.ColBusiness}:     "1",
			{T3, annualreport.ThreeReceived, annualreport.ColTotal}:        "3",
			{T3, annualreport.ThreeCarriedIn, annualreport.ColPerson}:      "1",
			{T3, annualreport.ThreeCarriedIn, annualreport.ColTotal}:       "1",
			{T3, annualreport.ThreeGranted, annualreport.ColTotal}:         "1",
			{T3, annualreport.ThreePartial, annualreport.ColTotal}:         "1",
			{T3, "1.本机关不掌握相关政府信息", annualreport.ColTotal}:                  "1",
			{T3, annualreport.ThreeTotal, annualreport.ColPerson}:          "2",
			{T3, annualreport.ThreeTotal, annualreport.ColBusiness}:        "1",
			{T3, annualreport.ThreeGranted, annualreport.ColPerson}:        "1",
			{T3, annualreport.ThreePartial, annualreport.ColBusiness}:      "1",
			{T3, "1.本机关不掌握相关政府信息", annualreport.ColPerson}:                 "1",
			{T3, annualreport.ThreeTotal, annualreport.ColTotal}:           "3",
			{T3, annualreport.ThreeCarriedOut, annualreport.ColPerson}:     "1",
			{T3, annualreport.ThreeCarriedOut, annualreport.ColTotal}:      "1",
			{T4, annualreport.FourReconsideration, annualreport.ColUpheld}: "1",
			{T4, annualreport.FourReconsideration, annualreport.ColTotal}:  "1",
			{T4, annualreport.FourDirect, annualreport.ColTotal}:           "0",
		}
		nonZero := 0
		for _, k := range r.Keys() {
			c, _ := r.Cell(k)
			w, ok := want[k]
			if !ok {
				w = "0"
			}
			if c.Value.String() != w {
				t.Errorf("%s/%s/%s = %s, want %s", k.Table, k.Row, k.Col, c.Value, w)
			}
			if c.Value != 0 {
				nonZero++
			}
		}
		if nonZero == 0 {
			t.Fatal("empty report")
		}
		if len(b.Findings) != 0 {
			t.Fatalf("findings on a generated report: %+v", b.Findings)
		}
		for _, frag := range []string{"主动公开政府信息6条，其中政府网站3条、政务微信2条、报纸1条", "新收政府信息公开申请3件", "结转下年度继续办理的申请1件",
			"被申请行政复议1件", "实际收取信息处理费0元"} {
			if !strings.Contains(strings.Join([]string{r.Sections[1], r.Sections[3], r.Sections[6]}, "\n"), frag) {
				t.Errorf("draft lacks %q:\n%s", frag, r.Sections[1])
			}
		}
	})
}

// Two years: 2024 approved and frozen, then 2025 built against it. Its 四
// (one person's application still open) is 2025's 二, so G7 holds; an
// imported 2024 report with other figures raises the G7 warning and gives
// the 现行有效 baseline.
func TestBuildCarryOverAcrossYears(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		w := newWorld(t, s)
		w.fill(t)
		opt := annualreport.BuildOptions{SiteID: w.site, Year: 2024, Unit: annualreport.UnitDepartment, UnitName: "市经信局"}
		b24, err := annualreport.Build(ctx, s, opt)
		if err != nil {
			t.Fatal(err)
		}
		r24 := b24.Report
		if r24.Count(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColPerson) != 1 ||
			r24.Count(annualreport.TableThree, annualreport.ThreeReceived, annualreport.ColTotal) != 2 ||
			r24.Count(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce) != 1 {
			t.Fatalf("2024 tables wrong: %+v", r24.CellList())
		}
		if len(b24.Findings) != 0 {
			t.Fatalf("2024 findings: %+v", b24.Findings)
		}
		cells, err := annualreport.MarshalCells(r24)
		if err != nil {
			t.Fatal(err)
		}
		var sec [6]string
		for i := range sec {
			sec[i] = r24.Sections[annualreport.Section(i+1)]
		}
		sec[4] = "（一）2023年问题及改进情况\n已改进。\n（二）2024年问题及下一步打算\n政策解读形式较为单一。"
		id, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: w.site, Year: 2024, UnitKind: "department", Sections: sec, CreatedBy: w.user})
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportDraft, To: store.ReportReviewed, Version: 1, By: w.user})
		if err == nil {
			_, err = s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportReviewed, To: store.ReportApproved, Version: v, By: w.user, Cells: cells})
		}
		if err != nil {
			t.Fatal(err)
		}
		// Records change after approval: the frozen 2024 tables do not.
		w.app(t, disclosure.Person, workday.NewDate(2024, 6, 3), workday.NewDate(2024, 6, 10), disclosure.BasisDisclosed)
		again, err := annualreport.Build(ctx, s, opt)
		if err != nil || again.Report.Count(annualreport.TableThree, annualreport.ThreeReceived, annualreport.ColTotal) != 2 {
			t.Fatalf("frozen tables recomputed: %v", err)
		}

		opt.Year = 2025
		b25, err := annualreport.Build(ctx, s, opt)
		if err != nil {
			t.Fatal(err)
		}
		if b25.Previous == nil || len(b25.Findings) != 0 {
			t.Fatalf("2025 against frozen 2024: prev %v findings %+v", b25.Previous != nil, b25.Findings)
		}
		if !strings.Contains(b25.Report.Sections[5], "2024年度报告提出的问题：政策解读形式较为单一。") {
			t.Fatalf("last year's problems not carried into 五:\n%s", b25.Report.Sections[5])
		}

		// An imported 2024 baseline: 3 carried out, 10 normative documents in force.
		imp := annualreport.New(2024, annualreport.UnitDepartment, annualreport.Format2021)
		_ = imp.SetCount(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColPerson, 3)
		_ = imp.SetCount(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColTotal, 3)
		_ = imp.SetCount(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce, 10)
		impCells, _ := annualreport.MarshalCells(imp)
		site2, _ := s.CreateSite(ctx, catalog.Site{Code: "sub", Name: "区经信局", USCC: "11420200MB7654321X"})
		if _, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: site2, Year: 2024, UnitKind: "department",
			State: store.ReportPublished, Source: store.ReportImported, Cells: impCells}); err != nil {
			t.Fatal(err)
		}
		b, err := annualreport.Build(ctx, s, annualreport.BuildOptions{SiteID: site2, Year: 2025, Unit: annualreport.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		if got := b.Report.Count(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce); got != 10 {
			t.Errorf("现行有效 from the imported baseline: %d, want 10", got)
		}
		// The same once this year's draft is stored (tables still live).
		if _, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: site2, Year: 2025, UnitKind: "department",
			Sections: [6]string{5: "本机关本年度未收取信息处理费。"}}); err != nil {
			t.Fatal(err)
		}
		b, err = annualreport.Build(ctx, s, annualreport.BuildOptions{SiteID: site2, Year: 2025})
		if err != nil || b.Record == nil || b.Report.Count(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce) != 10 ||
			b.Report.Sections[6] != "本机关本年度未收取信息处理费。" || b.Drafted[6] == b.Report.Sections[6] || b.Report.Unit != annualreport.UnitDepartment {
			t.Fatalf("stored draft: %v %+v", err, b.Report.Sections)
		}
		var g7 []string
		for _, f := range b.Findings {
			if f.Code == annualreport.CodeCarryOver {
				g7 = append(g7, f.Col)
			}
		}
		if strings.Join(g7, ",") != "自然人,总计" {
			t.Fatalf("G7 warnings: %+v", b.Findings)
		}
	})
}
