package demo

import (
	"context"
	"fmt"
	"html"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// demoMessage is one message of the demo board: days ago it was received,
// the 科室 it goes to ("" = not routed yet), the answer ("" = open), and
// whether it is published; invalid and merge mark the other outcomes.
type demoMessage struct {
	daysAgo      int
	kind         interact.MessageKind
	title, body  string
	name, phone  string
	public       bool
	org, answer  string
	answerAfter  int // days after receipt
	publish      bool
	invalid      interact.InvalidReason
	mergeIntoIdx int // 1-based index of the message this duplicates; 0 = none
}

// demoMessages are fictitious citizens' messages on the agency's business;
// names and numbers are invented.
var demoMessages = []demoMessage{
	{daysAgo: 62, kind: interact.KindConsult, title: "技术改造补贴的申报时间和条件", name: "刘先生", phone: "13700000101", public: true,
		body: "我公司今年新上了一条自动化生产线，请问市里的技术改造补贴什么时候申报？需要满足什么条件？",
		org:  "投资与规划科", answerAfter: 5, publish: true,
		answer: "您好！年度工业企业技术改造项目奖补申报通知一般于每年二季度在本网站“通知公告”栏目发布，申报条件以当年通知为准，主要包括项目已竣工投产、设备投资达到规定额度等。欢迎关注。"},
	{daysAgo: 45, kind: interact.KindSuggest, title: "建议增加中小企业政策宣讲场次", name: "陈女士", phone: "13700000102", public: true,
		body: "中小企业对惠企政策了解不多，建议在各工业园区多组织几场政策宣讲会，并提供线上回放。",
		org:  "中小企业科", answerAfter: 8, publish: true,
		answer: "感谢您的建议！我局将联合各园区管委会，于下季度在主要工业园区开展惠企政策宣讲，并在本网站提供视频回放。"},
	{daysAgo: 30, kind: interact.KindConsult, title: "专精特新企业认定需要哪些材料", name: "周先生", phone: "13700000103", public: true,
		body: "请问申报市级专精特新中小企业需要准备哪些材料？在哪里提交？",
		org:  "中小企业科", answerAfter: 4, publish: true,
		answer: "您好！申报材料包括申请书、营业执照、近两年财务报表、知识产权证明等，具体以当年申报通知为准，通过省中小企业公共服务平台在线提交。"},
	{daysAgo: 20, kind: interact.KindComplaint, title: "企业用电报装办理时间过长", name: "吴先生", phone: "13700000104", public: false,
		body: "我公司申请增容报装已经一个多月，至今没有结果，希望有关部门督促加快办理。",
		org:  "运行监测协调科", answerAfter: 6,
		answer: "您好！我局已与供电公司协调，您公司的增容报装已进入施工阶段，预计两周内完成送电。"},
	{daysAgo: 6, kind: interact.KindConsult, title: "工业互联网标识解析项目有无补助", name: "郑女士", phone: "13700000105", public: true,
		body: "请问企业接入工业互联网标识解析二级节点，市里有没有补助政策？",
		org:  "信息化推进科"},
	{daysAgo: 2, kind: interact.KindSuggest, title: "建议公布园区闲置厂房信息", name: "王先生", phone: "13700000106", public: true,
		body: "建议在网站上定期公布各园区闲置标准厂房的信息，方便企业选址。"},
	{daysAgo: 3, kind: interact.KindConsult, title: "低价代办各类资质请加微信", name: "推广", phone: "13700000107",
		body: "专业代办各类资质认证，低价快速，请加微信联系。", invalid: interact.ReasonSpam},
	{daysAgo: 5, kind: interact.KindConsult, title: "再次询问标识解析补助", name: "郑女士", phone: "13700000105", public: true,
		body: "前几天问过工业互联网标识解析补助的事，想再确认一下有没有政策。", mergeIntoIdx: 5},
}

// MessageSummary counts what CreateMessages made.
type MessageSummary struct {
	Messages, Published, Open int
}

// CreateMessages stores the demo board: answered and published messages,
// an answered private one, open ones (routed and not), a spam message
// marked invalid and a duplicate merged into its first message. It needs
// the demo staff (the 公开办 account publishes).
func CreateMessages(ctx context.Context, st *store.Store, sum Summary, now time.Time) (MessageSummary, error) {
	var ms MessageSummary
	site, err := st.Site(ctx, sum.SiteID)
	if err != nil {
		return ms, err
	}
	office, err := st.UserByName(ctx, "gkb")
	if err != nil {
		return ms, fmt.Errorf("演示公开办账号: %w", err)
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return ms, err
	}
	set := interact.DefaultMessageSettings()
	col, err := st.MessageColumn(ctx, site.ID)
	if err != nil {
		return ms, err
	}
	created := make([]store.Message, 0, len(demoMessages))
	for _, d := range demoMessages {
		at := now.AddDate(0, 0, -d.daysAgo)
		due, _ := interact.MessageDue(workday.FromTime(at.In(china)), cal, set) // zero when the calendar lacks the year
		m, err := st.CreateMessage(ctx, store.NewMessageRecord{SiteID: site.ID, ReceivedAt: at, DueOn: due,
			Message: interact.NewMessage{Kind: d.kind, Title: d.title, Body: d.body, Name: d.name, Phone: d.phone, Public: d.public},
			Audit:   auth.AuditEntry{At: at, Action: "message.submit", Detail: "demo"}})
		if err != nil {
			return ms, fmt.Errorf("创建演示留言 %s: %w", d.title, err)
		}
		ms.Messages++
		steps := []interact.MessageStep{}
		switch {
		case d.invalid != "":
			steps = append(steps, interact.MessageStep{Action: interact.ActInvalidate, Reason: d.invalid, Note: "商业推广信息，与本机关职责无关"})
		case d.mergeIntoIdx > 0:
			t := created[d.mergeIntoIdx-1].State()
			steps = append(steps, interact.MessageStep{Action: interact.ActMerge, Target: &t})
		}
		if d.org != "" {
			steps = append(steps, interact.MessageStep{Action: interact.ActRoute, OrgID: sum.OrgIDs[d.org]})
		}
		if d.answer != "" {
			steps = append(steps, interact.MessageStep{Action: interact.ActAnswer, Answer: d.answer})
		}
		for _, s := range steps {
			stepAt := at.Add(2 * time.Hour)
			if s.Action == interact.ActAnswer {
				stepAt = at.AddDate(0, 0, d.answerAfter)
			}
			to, err := interact.NextMessage(m.State(), s)
			if err != nil {
				return ms, fmt.Errorf("演示留言 %s: %w", d.title, err)
			}
			if m, err = st.RecordMessageStep(ctx, store.MessageChange{ID: m.ID, From: m.Status, To: to, Step: s, ActorID: office.ID,
				At: stepAt, Audit: auth.AuditEntry{At: stepAt, UserID: office.ID, Action: "message." + string(s.Action), Detail: "demo"}}); err != nil {
				return ms, err
			}
		}
		if m.Status.Open() {
			ms.Open++
		}
		if d.publish {
			if err := publishDemo(ctx, st, site, col, m, d, office.ID); err != nil {
				return ms, err
			}
			ms.Published++
		}
		created = append(created, m)
	}
	return ms, nil
}

func publishDemo(ctx context.Context, st *store.Store, site catalog.Site, col catalog.Column, m store.Message, d demoMessage, actor int64) error {
	s := interact.MessageStep{Action: interact.ActPublish, PubTitle: "关于“" + d.title + "”的" + d.kind.Label(),
		PubQuestion: d.body, PubAnswer: d.answer, SecrecyChecked: true}
	if _, err := interact.NextMessage(m.State(), s); err != nil {
		return err
	}
	answered := m.AnsweredAt.In(china)
	body := "<h2>留言内容</h2><p>" + html.EscapeString(d.body) + "</p><h2>答复内容</h2><p>" + html.EscapeString(d.answer) +
		"</p><p>留言类型：" + d.kind.Label() + "；受理日期：" + m.ReceivedOn.String() + "；答复日期：" + answered.Format("2006-01-02") +
		"；答复部门：" + d.org + "</p>"
	_, err := st.PublishMessage(ctx, store.MessagePublication{ID: m.ID, Step: s, ActorID: actor, At: answered.Add(time.Hour),
		Doc: catalog.Document{SiteID: site.ID, ColumnID: col.ID, OrgID: m.ReplyOrg(), Title: s.PubTitle, Summary: d.body,
			BodyHTML: body, Issuer: site.Name, WrittenOn: answered.Format("2006-01-02")},
		Audit: auth.AuditEntry{At: answered, UserID: actor, Action: "message.publish", Detail: "demo"}})
	return err
}
