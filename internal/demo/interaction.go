package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
)

// InteractionSummary counts what CreateInteraction made.
type InteractionSummary struct {
	Proposals, PublishedReplies, Hotline, Interpretations, Concerns int
}

// The demo's 2023 matches the seed report's categories (issue 8):
// "代表建议15件(主办件6件,会办件9件),其中市领导重点督办件1件;市政协十四届二次
// 会议提案35件(主办件19,会办件16件),闭会期间政协委员提案1件,其中市领导重点督办
// 件1件", "来电投诉15次", "回应解读29次", "回应公众关注热点或重大舆情3次".
const (
	demoNPCSession   = "市十五届人大二次会议"
	demoCPPCCSession = "市政协十四届二次会议"
)

var demoLeadUnits = []string{"市发展和改革委员会", "市财政局", "市科学技术局", "市自然资源和规划局", "市生态环境局", "市商务局"}

var demoProposalTopics = []string{"支持中小企业数字化转型", "加快专精特新企业培育", "优化工业用地供给", "推进绿色工厂建设",
	"加强产业链供应链协同", "完善企业技术中心认定", "促进工业互联网平台应用", "降低企业用能成本", "引进高层次技能人才",
	"扩大技术改造专项资金覆盖面", "推动老工业区更新改造", "培育本地软件企业", "提升工业设计水平", "加强企业融资服务"}

// CreateInteraction stores the demo's 2023 interaction records: 建议提案
// with replies published in a new 建议提案办理 column, the hotline log,
// interpretation links and responses to public concerns. It needs the
// demo documents (Create) and the demo reviewer account.
func CreateInteraction(ctx context.Context, st *store.Store, sum Summary) (InteractionSummary, error) {
	var is InteractionSummary
	reviewer, err := st.UserByName(ctx, "shenhe")
	if err != nil {
		return is, fmt.Errorf("演示审核人账号: %w", err)
	}
	col := catalog.Column{SiteID: sum.SiteID, Slug: "jytabl", Name: "建议提案办理", Kind: catalog.KindInteraction,
		OrgID: sum.OrgIDs["办公室"], Description: "人大代表建议和政协提案的办理复文（国办发〔2014〕46号）", Sort: 95}
	if col.ID, err = st.CreateColumn(ctx, col); err != nil {
		return is, fmt.Errorf("创建栏目 建议提案办理: %w", err)
	}
	if err := demoProposals(ctx, st, sum, col.ID, reviewer.ID, &is); err != nil {
		return is, err
	}
	if err := demoHotline(ctx, st, sum, &is); err != nil {
		return is, err
	}
	if err := demoInterpretations(ctx, st, sum, reviewer.ID, &is); err != nil {
		return is, err
	}
	for i, c := range []interact.ConcernResponse{
		{Kind: interact.ConcernHot, Topic: "工业企业用电价格调整", Channel: "门户网站", RespondedOn: "2023-04-18", Summary: "说明电价调整的依据、适用范围和对中小企业的支持措施。"},
		{Kind: interact.ConcernHot, Topic: "专精特新企业认定条件", Channel: "政务微信", RespondedOn: "2023-07-06", Summary: "以问答形式说明认定条件、申报时间和奖励标准。"},
		{Kind: interact.ConcernOpinion, Topic: "网传工业园区企业限产", Channel: "新闻发布会", RespondedOn: "2023-10-25", Summary: "澄清不实信息，说明园区企业正常生产情况。"},
	} {
		c.SiteID = sum.SiteID
		if _, err := st.SaveConcern(ctx, c); err != nil {
			return is, fmt.Errorf("创建演示回应 %d: %w", i+1, err)
		}
		is.Concerns++
	}
	return is, nil
}

// demoProposals registers the 2023 建议提案; the ones the agency leads are
// replied to and published, the ones it co-handles have their opinion sent.
func demoProposals(ctx context.Context, st *store.Store, sum Summary, colID, reviewerID int64, is *InteractionSummary) error {
	type batch struct {
		kind       interact.ProposalKind
		session    string
		recess     bool
		lead, co   int
		assignedOn string
	}
	batches := []batch{
		{interact.KindNPC, demoNPCSession, false, 6, 9, "2023-03-20"},
		{interact.KindCPPCC, demoCPPCCSession, false, 19, 16, "2023-03-22"},
		{interact.KindCPPCC, "", true, 1, 0, "2023-08-15"},
	}
	orgNames := []string{"产业发展科", "中小企业科", "投资与规划科", "信息化推进科", "运行监测协调科"}
	n := 0
	for _, b := range batches {
		for i := range b.lead + b.co {
			n++
			topic := demoProposalTopics[n%len(demoProposalTopics)]
			p := interact.Proposal{SiteID: sum.SiteID, Kind: b.kind, Session: b.session, Recess: b.recess,
				Number: fmt.Sprintf("%d", 100+n*7), Title: "关于" + topic + "的" + map[bool]string{true: "建议", false: "提案"}[b.kind == interact.KindNPC],
				Proposer:   fmt.Sprintf("示例%s%d", map[bool]string{true: "代表", false: "委员"}[b.kind == interact.KindNPC], n),
				AssignedOn: b.assignedOn, AssignedBy: map[bool]string{true: "市人民政府办公室", false: "市政协提案委员会"}[b.kind == interact.KindNPC],
				Role: interact.RoleLead, OrgID: sum.OrgIDs[orgNames[n%len(orgNames)]]}
			if b.recess {
				p.Session = "闭会期间"
			}
			if i == 0 && !b.recess { // one 市领导重点督办件 per kind, led by the agency
				p.Supervised, p.SupervisedBy = true, "市领导重点督办"
			}
			if i >= b.lead {
				p.Role, p.LeadUnit = interact.RoleCo, demoLeadUnits[n%len(demoLeadUnits)]
			} else if i%3 == 0 {
				p.CoHandlers = []interact.CoHandler{{Unit: demoLeadUnits[n%len(demoLeadUnits)], OpinionOn: addDays(b.assignedOn, 20), Opinion: "同意主办单位意见。"}}
			}
			id, err := st.SaveProposal(ctx, p)
			if err != nil {
				return fmt.Errorf("创建演示建议提案 %s: %w", p.Number, err)
			}
			p.ID = id
			is.Proposals++
			p.RepliedOn, p.Result, p.Satisfaction = addDays(b.assignedOn, 60), "A", interact.Satisfied
			if p.Role == interact.RoleCo {
				p.RepliedOn, p.ReplyText = addDays(b.assignedOn, 25), "本单位会办意见已书面反馈主办单位。"
			} else {
				p.ReplyNo, p.Disclosure = fmt.Sprintf("示经信函〔2023〕%d号", n), interact.DiscloseFull
				p.ReplyText = fmt.Sprintf("%s：\n您提出的《%s》收悉。我局高度重视，经认真研究，现答复如下：\n一、%s是推动全市制造业高质量发展的重要举措，我局已会同有关部门制定工作方案。\n二、下一步，我局将加大政策支持力度，定期跟踪落实情况，并及时向您反馈。\n感谢您对经济和信息化工作的关心和支持！",
					p.Proposer, p.Title, topic)
			}
			if err := st.ReplyProposal(ctx, p); err != nil {
				return err
			}
			if p.Role != interact.RoleLead {
				continue
			}
			doc := catalog.Document{SiteID: sum.SiteID, ColumnID: colID, OrgID: p.OrgID, Title: interact.ReplyTitle(p),
				Summary: p.Title, BodyHTML: interact.ReplyHTML(interact.RedactReply(p.ReplyText, p)), DocNo: p.ReplyNo,
				Topic: "综合政务", Issuer: Agency.Name, WrittenOn: p.RepliedOn}
			at := time.Date(2023, 5, 25, 10, 0, 0, 0, china).AddDate(0, 0, n%20)
			if p.Recess {
				at = time.Date(2023, 10, 20, 10, 0, 0, 0, china)
			}
			if _, err := st.PublishProposalReply(ctx, id, doc, at, reviewerID, auth.AuditEntry{}); err != nil {
				return fmt.Errorf("公开演示答复 %s: %w", p.Number, err)
			}
			is.PublishedReplies++
		}
	}
	return nil
}

func addDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// demoHotline logs 2023's calls and letters: the seed's 15 phone
// complaints, and 12345 tickets, letters and phone consultations beside.
func demoHotline(ctx context.Context, st *store.Store, sum Summary, is *InteractionSummary) error {
	subjects := []string{"企业反映用电报装进度慢", "反映技改补贴迟迟未到账", "反映园区道路货车拥堵", "反映企业噪声扰民",
		"咨询专精特新申报条件", "反映供气价格上涨", "反映招工难问题"}
	orgs := []string{"运行监测协调科", "投资与规划科", "中小企业科", "产业发展科"}
	add := func(i int, ch interact.HotlineChannel, kind interact.HotlineKind) error {
		at := time.Date(2023, time.Month(1+i%12), 3+(i*5)%24, 9+i%7, 15, 0, 0, china)
		c := interact.HotlineCase{SiteID: sum.SiteID, Channel: ch, Kind: kind, CallerKind: interact.CallerPerson,
			CallerName: fmt.Sprintf("示例来电人%d", i+1), CallerPhone: fmt.Sprintf("1390000%04d", 5000+i),
			Subject: subjects[i%len(subjects)], OrgID: sum.OrgIDs[orgs[i%len(orgs)]], Handling: "已联系来电人，会同有关单位协调处理，并电话回复。",
			Result: interact.ResultResolved, ReceivedAt: at, ClosedAt: at.Add(time.Duration(4+i%3*20) * time.Hour)}
		if i%4 == 1 {
			c.CallerKind = interact.CallerBusiness
		}
		if ch == interact.Channel12345 {
			c.TicketNo = fmt.Sprintf("SL2023%06d", 1000+i)
		}
		if _, err := st.CreateHotlineCase(ctx, c); err != nil {
			return fmt.Errorf("创建演示来电来信 %d: %w", i+1, err)
		}
		is.Hotline++
		return nil
	}
	for i := range 15 {
		if err := add(i, interact.ChannelPhone, interact.HotlineComplaint); err != nil {
			return err
		}
	}
	for i := range 6 {
		if err := add(20+i, interact.Channel12345, []interact.HotlineKind{interact.HotlineComplaint, interact.HotlineConsult, interact.HotlineHelp}[i%3]); err != nil {
			return err
		}
	}
	for i := range 3 {
		if err := add(30+i, interact.ChannelLetter, interact.HotlineSuggest); err != nil {
			return err
		}
	}
	return nil
}

// policyName is the name inside 《》 of a policy's title.
func policyName(title string) string {
	_, rest, ok := strings.Cut(title, "《")
	name, _, ok2 := strings.Cut(rest, "》")
	if !ok || !ok2 {
		return strings.TrimSuffix(strings.TrimPrefix(title, "关于印发"), "的通知")
	}
	return name
}
