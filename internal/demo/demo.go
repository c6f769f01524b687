// Package demo creates the demonstration agency a fresh installation starts
// with: a 市经信局 modelled on the seed annual report (黄石市经济和信息化局),
// its 科室, the standard columns and three years of published documents,
// normative documents with their repeal history, and channel records; and,
// once its staff accounts exist, three years of 依申请公开 cases with their
// notices and the 复议/诉讼 register (CreateApplications). It is marked as
// demo data, and the same on every run (seeded generators).
package demo

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Agency is the demo site. The USCC has a valid GB 32100 check character;
// the codes, address and phone number are fictitious.
var Agency = catalog.Site{
	Code:        "jxj",
	Name:        "示例市经济和信息化局",
	USCC:        "11429900MB1C378452",
	SiteIDCode:  "4299000001",
	ICP:         "示ICP备00000001号",
	Address:     "示例市示例区经信路1号政务服务中心3楼",
	Phone:       "0000-5550100",
	OfficeHours: "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
	IsDemo:      true,
}

// Short names used in titles and 文号 (示经信发〔2024〕12号).
const (
	shortName  = "市经信局"
	docNoStem  = "示经信"
	cityName   = "示例市"
	wechatName = "“示例工业”微信公众号"
)

// orgs are the 科室 of a 市经信局 (the seed's 政务公开领导小组 is run by the 办公室).
var orgs = []catalog.Org{
	{Name: "办公室", Duties: "负责机关日常运转、政务公开、信息宣传和文电会务工作", Phone: "0000-5550101"},
	{Name: "政策法规科", Duties: "负责行政规范性文件的起草、合法性审核和清理工作", Phone: "0000-5550102"},
	{Name: "运行监测协调科", Duties: "负责工业经济运行监测、分析和协调工作", Phone: "0000-5550103"},
	{Name: "投资与规划科", Duties: "负责工业投资、技术改造和产业规划工作", Phone: "0000-5550104"},
	{Name: "产业发展科", Duties: "负责重点产业链培育和产业集群发展工作", Phone: "0000-5550105"},
	{Name: "中小企业科", Duties: "负责中小企业发展、专精特新企业培育和服务体系建设", Phone: "0000-5550106"},
	{Name: "信息化推进科", Duties: "负责数字经济、工业互联网和两化融合工作", Phone: "0000-5550107"},
	{Name: "人事科", Duties: "负责机关和直属单位的人事、机构编制和干部教育工作", Phone: "0000-5550108"},
}

// columnDef is a standard column: one per catalog.ColumnKind.
type columnDef struct {
	slug, name string
	kind       catalog.ColumnKind
	org        string
	desc       string
}

var columns = []columnDef{
	{"dtyw", "动态要闻", catalog.KindNews, "办公室", "本局工作动态和工业经济运行情况"},
	{"tzgg", "通知公告", catalog.KindNotice, "办公室", "项目申报、评选认定、公示公告等通知"},
	{"zcwj", "政策文件", catalog.KindPolicy, "政策法规科", "本局制发的行政规范性文件和其他政策文件"},
	{"zcjd", "政策解读", catalog.KindInterpretation, "政策法规科", "政策文件的解读材料"},
	{"rsxx", "人事信息", catalog.KindPersonnel, "人事科", "公务员遴选、事业单位招聘和任前公示"},
	{"ghjh", "规划计划", catalog.KindPlan, "投资与规划科", "发展规划、年度工作要点和工作计划"},
	{"xxgkzn", "信息公开指南", catalog.KindGuide, "办公室", "政府信息公开指南（条例第十二条）"},
	{"xxgkml", "信息公开目录", catalog.KindCatalogue, "办公室", "机构职能、领导信息等法定主动公开内容"},
	{"xxgknb", "信息公开年报", catalog.KindAnnualReport, "办公室", "政府信息公开工作年度报告（条例第四十九条）"},
	{"bsfw", "办事服务", catalog.KindService, "中小企业科", "办事指南和申报服务"},
	{"hdjl", "互动交流", catalog.KindInteraction, "办公室", "征求意见、局长信箱和在线访谈"},
	{"ztzl", "专题专栏", catalog.KindSpecial, "信息化推进科", "专题工作和活动"},
}

// StaffAccount is a demo back-office account; the caller sets its password.
type StaffAccount struct {
	Username, DisplayName string
	Role                  auth.Role
	Org                   string // 科室 name, "" for none
}

// Staff lists the demo staff: one per working role, two 科室信息员 of
// different 科室 so the org restriction can be tried, and the 公开办负责人
// who approves extensions (条例第三十三条第二款).
var Staff = []StaffAccount{
	{"gkb", "公开办工作人员", auth.RoleOffice, "办公室"},
	{"gkbfzr", "公开办负责人", auth.RoleOfficeHead, "办公室"},
	{"zhengce", "政策法规科信息员", auth.RoleOfficer, "政策法规科"},
	{"chanye", "产业发展科信息员", auth.RoleOfficer, "产业发展科"},
	{"shenhe", "审核人", auth.RoleReviewer, "办公室"},
	{"fenguan", "分管领导", auth.RoleLeader, ""},
}

// Summary counts what Create made.
type Summary struct {
	SiteID     int64
	OrgIDs     map[string]int64 // by 科室 name
	Orgs       int
	Columns    int
	Documents  int
	Normative  int // 行政规范性文件
	Superseded int // normative documents amended, repealed or expired
	Channels   int // channel records
	Late       int // published later than 条例第二十六条 allows
	Decisions  int // cells of the administrative-decisions register
}

// Create stores the demo agency and its documents dated up to now. The
// documents go in through one transaction.
func Create(ctx context.Context, st *store.Store, now time.Time) (Summary, error) {
	sum := Summary{OrgIDs: map[string]int64{}}
	site := Agency
	id, err := st.CreateSite(ctx, site)
	if err != nil {
		return sum, fmt.Errorf("创建演示站点: %w", err)
	}
	site.ID, sum.SiteID = id, id
	for _, o := range orgs {
		o.SiteID = site.ID
		if sum.OrgIDs[o.Name], err = st.CreateOrg(ctx, o); err != nil {
			return sum, fmt.Errorf("创建科室 %s: %w", o.Name, err)
		}
	}
	sum.Orgs = len(orgs)
	cols := map[string]catalog.Column{}
	for i, c := range columns {
		col := catalog.Column{SiteID: site.ID, Slug: c.slug, Name: c.name, Kind: c.kind,
			OrgID: sum.OrgIDs[c.org], Description: c.desc, Sort: (i + 1) * 10}
		if col.ID, err = st.CreateColumn(ctx, col); err != nil {
			return sum, fmt.Errorf("创建栏目 %s: %w", c.name, err)
		}
		cols[c.slug] = col
	}
	sum.Columns = len(columns)
	cal, err := st.Calendar(ctx)
	if err != nil {
		return sum, err
	}
	if len(cal.Years()) == 0 {
		cal = workday.OfficialCalendar() // a store whose calendar was never seeded
	}
	g := newGenerator(site, cols, sum.OrgIDs, cal, now)
	g.generate()
	if err := g.save(ctx, st); err != nil {
		return sum, err
	}
	g.count(&sum)
	if sum.Decisions, err = CreateDecisions(ctx, st, sum, now); err != nil {
		return sum, err
	}
	return sum, nil
}
