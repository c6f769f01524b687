package demo

import (
	"fmt"
	"strings"
	"time"

	"gongkai/internal/catalog"
)

// normativeDoc is one 行政规范性文件 of the demo register (条例第二十条第(一)项;
// the annual report's table 二 counts them).
type normativeDoc struct {
	name     string // the measure's name, inside 《》
	decision bool   // a 修改决定 instead of a 印发 notice
	subject  string
	org      string
	month    time.Month
	until    string // a fixed term instead of the usual five years
}

// normativeByYear holds five a year. What supersedes what is set in
// normative(): 2023's 技改资金办法 is repealed by its 2025 revision, 2023's
// 中小企业资金办法 amended by the 2024 decision, 2023's 稳增长细则 expires at
// the end of 2023, and 2024's 技术中心办法 is repealed by its 2025 revision.
var normativeByYear = map[int][]normativeDoc{
	2023: {
		{"示例市工业企业技术改造专项资金管理办法", false, "fund", "投资与规划科", 3, ""},
		{"示例市中小企业发展专项资金管理办法", false, "fund", "中小企业科", 4, ""},
		{"示例市2023年度工业稳增长奖励政策实施细则", false, "industry", "运行监测协调科", 2, "2023年12月31日"},
		{"示例市专精特新中小企业培育管理办法", false, "industry", "中小企业科", 6, ""},
		{"示例市工业项目节能审查实施细则", false, "green", "投资与规划科", 9, ""},
	},
	2024: {
		{"示例市数字化转型促进中心认定管理办法", false, "tech", "信息化推进科", 3, ""},
		{"示例市中小企业发展专项资金管理办法", true, "fund", "中小企业科", 5, ""},
		{"示例市企业技术中心认定管理办法", false, "tech", "产业发展科", 6, ""},
		{"示例市工业互联网标识解析应用推广实施细则", false, "tech", "信息化推进科", 8, ""},
		{"示例市绿色工厂评价管理办法", false, "green", "产业发展科", 10, ""},
	},
	2025: {
		{"示例市工业企业技术改造专项资金管理办法（2025年修订）", false, "fund", "投资与规划科", 3, ""},
		{"示例市制造业单项冠军企业培育管理办法", false, "industry", "产业发展科", 4, ""},
		{"示例市企业技术中心认定管理办法（2025年修订）", false, "tech", "产业发展科", 5, ""},
		{"示例市工业园区循环化改造实施细则", false, "green", "投资与规划科", 7, ""},
		{"示例市软件和信息技术服务业发展扶持办法", false, "tech", "信息化推进科", 9, ""},
	},
}

// register keeps the normative drafts by year and position, to link them.
type register map[int][]*draft

func (g *generator) normative(year int) {
	if g.normReg == nil {
		g.normReg = register{}
	}
	for _, n := range normativeByYear[year] {
		d := g.dayIn(year, n.month, n.month)
		title := fmt.Sprintf("%s关于印发《%s》的通知", g.site.Name, n.name)
		if n.decision {
			title = fmt.Sprintf("%s关于修改《%s》的决定", g.site.Name, n.name)
		}
		docNo := g.docNo("规", year)
		body := []string{
			"各县（市、区）经信部门，局机关各科室、局属各单位：",
			fmt.Sprintf("《%s》已经局党组会议审议通过，现印发给你们，请认真贯彻执行。", n.name),
			"本办法（细则）由示例市经济和信息化局负责解释，自印发之日起施行，有效期五年。",
			fmt.Sprintf("附件：%s", n.name),
		}
		if n.until != "" {
			body[2] = fmt.Sprintf("本细则由示例市经济和信息化局负责解释，自印发之日起施行，有效期至%s。", n.until)
		}
		if n.decision {
			body[1] = fmt.Sprintf("经局党组会议研究，决定对《%s》第五条、第九条作如下修改：将“申报材料”修改为“申报材料及信用承诺书”；将“三十个工作日”修改为“二十个工作日”。", n.name)
			body[2] = "本决定自印发之日起施行。"
			body = body[:3]
		}
		dr := g.add(item{col: "zcwj", org: n.org, title: title, body: body, docNo: docNo,
			genre: catalog.GenreNormative, topic: topicFor(n.subject), day: d, lag: 3 + g.rng.IntN(6),
			channels: g.channels(d, 70, 50, 0, 0)})
		g.normReg[year] = append(g.normReg[year], dr)
		if dr != nil {
			g.interpretation(n, dr)
		}
	}
	reg := g.normReg
	switch year {
	case 2024:
		supersede(reg[2023][1], reg[2024][1], catalog.Amended, "")
		supersede(reg[2023][2], nil, catalog.Expired, "2023-12-31")
	case 2025:
		supersede(reg[2023][0], reg[2025][0], catalog.Repealed, "")
		supersede(reg[2024][2], reg[2025][2], catalog.Repealed, "")
	}
}

// interpretation adds the 政策解读 of a normative document (政策文件与解读
// 同步起草、同步审签、同步发布: published the same day or soon after).
func (g *generator) interpretation(n normativeDoc, policy *draft) {
	pd := policy.doc.PublishedAt.In(china)
	day := g.workdayFrom(dateOf(pd).AddDays(g.rng.IntN(3)))
	title := fmt.Sprintf("《%s》政策解读", n.name)
	if n.decision {
		title = fmt.Sprintf("关于修改《%s》的决定的解读", n.name)
	}
	body := []string{
		"一、起草背景。为深入贯彻落实省、市关于推动制造业高质量发展的决策部署，进一步规范和完善相关工作，结合我市实际，起草了本文件。",
		"二、主要内容。文件共分为总则、支持范围、申报程序、监督管理和附则五个部分，明确了适用对象、支持方式和工作流程。",
		"三、主要变化。与原有政策相比，进一步精简了申报材料，压缩了办理时限，强化了事中事后监管。",
		fmt.Sprintf("四、解读机关及联系方式。解读机关：%s；联系电话：%s。", g.site.Name, Agency.Phone),
	}
	g.add(item{col: "zcjd", org: "政策法规科", title: title, body: body, topic: policy.doc.Topic, day: day,
		lag: int(day.Time().Sub(dateOf(pd).Time()).Hours()/24) + 3, channels: g.channels(day, 50, 0, 0, 0)})
}

// otherPolicies adds 政策文件 that are not normative (其他文件): working
// measures and implementation plans.
func (g *generator) otherPolicies(year int) {
	titles := []string{
		"关于印发%d年全市工业经济稳增长若干措施的通知",
		"关于印发示例市%d年制造业数字化转型行动方案的通知",
		"关于印发%d年全市中小企业服务月活动方案的通知",
	}
	for i, t := range titles {
		d := g.dayIn(year, time.Month(2+i*3), time.Month(3+i*3))
		title := fmt.Sprintf(t, year)
		body := []string{
			"各县（市、区）经信部门，局机关各科室：",
			fmt.Sprintf("现将《%s》印发给你们，请结合实际认真抓好落实。", strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf(t, year), "关于印发"), "的通知")),
			"各地各单位在执行过程中遇到的问题，请及时向市经济和信息化局反馈。",
		}
		g.add(item{col: "zcwj", org: "政策法规科", title: title, body: body, docNo: g.docNo("发", year),
			topic: topicFor("industry"), day: d, lag: 2 + g.rng.IntN(5), channels: g.channels(d, 40, 20, 0, 0)})
	}
}
