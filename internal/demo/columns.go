package demo

import (
	"fmt"
	"time"

	"gongkai/internal/workday"
)

// personnel adds 人事信息: 遴选 and 招聘 notices and 任前公示 (条例第二十条
// 第(十五)项, 公务员招考的职位、名额、报考条件等事项以及录用结果).
func (g *generator) personnel(year int) {
	list := []struct {
		title    string
		from, to time.Month
	}{
		{fmt.Sprintf("%s%d年公开遴选公务员公告", g.site.Name, year), 3, 4},
		{fmt.Sprintf("%s%d年度所属事业单位公开招聘工作人员拟聘用人员公示", g.site.Name, year), 7, 8},
		{fmt.Sprintf("关于拟任职人选的公示（%d年第1号）", year), 5, 6},
		{fmt.Sprintf("关于%d年度公务员考核结果的公示", year-1), 1, 2},
	}
	for _, p := range list {
		d := g.dayIn(year, p.from, p.to)
		body := []string{
			"根据《公务员法》和有关规定，现将有关事项公示如下。",
			fmt.Sprintf("公示期为%d个工作日。公示期间，对有关情况有异议的，可通过来信、来电、来访等方式向%s人事科反映。", 5, g.site.Name),
			fmt.Sprintf("联系电话：%s。", g.orgPhone("人事科")),
		}
		g.add(item{col: "rsxx", title: p.title, body: body, topic: topicFor("people"), day: d, lag: 1 + g.rng.IntN(4)})
	}
}

// plans adds 规划计划 (条例第二十条第(三)项).
func (g *generator) plans(year int) {
	list := []string{
		fmt.Sprintf("%s%d年工业和信息化工作要点", cityName, year),
		fmt.Sprintf("%s%d年工作总结和%d年工作计划", g.site.Name, year-1, year),
		fmt.Sprintf("%s%d年中小企业发展工作计划", cityName, year),
	}
	if year == 2023 {
		list = append(list, cityName+"制造业高质量发展“十四五”规划中期评估报告")
	}
	for i, t := range list {
		m := time.Month(1 + i*2)
		d := g.dayIn(year, m, m+1)
		body := []string{
			fmt.Sprintf("%d年，全市工业和信息化工作以推动制造业高质量发展为主线，坚持稳中求进工作总基调。", year),
			"一、主要目标。规模以上工业增加值增长7%左右，工业投资增长10%以上，新增专精特新中小企业20家以上。",
			"二、重点任务。（一）推动产业链延链补链强链；（二）加快技术改造和数字化转型；（三）大力培育优质中小企业；（四）推进绿色低碳发展。",
			"三、保障措施。加强组织领导，强化要素保障，健全考核评价，营造良好氛围。",
		}
		g.add(item{col: "ghjh", title: t, body: body, topic: topicFor("plan"), day: d, lag: 5 + g.rng.IntN(8),
			channels: g.channels(d, 40, 10, 0, 0)})
	}
}

// services adds 办事服务 guides, one edition a year.
func (g *generator) services(year int) {
	list := []string{"工业企业技术改造项目备案", "专精特新中小企业认定", "市级企业技术中心认定申报", "中小企业发展专项资金申报"}
	for i, s := range list {
		d := g.dayIn(year, time.Month(2+i), time.Month(3+i))
		body := []string{
			fmt.Sprintf("一、事项名称：%s。", s),
			"二、办理依据：国家和省、市有关政策文件。",
			"三、申请条件：在本市行政区域内依法登记注册、具有独立法人资格的企业。",
			"四、申请材料：申请表、营业执照复印件、信用承诺书及其他相关证明材料。",
			fmt.Sprintf("五、办理地点：%s；办理时间：%s。", Agency.Address, Agency.OfficeHours),
			"六、办理时限：自受理之日起20个工作日内办结。不收费。",
		}
		g.add(item{col: "bsfw", title: fmt.Sprintf("%s办事指南（%d年版）", s, year), body: body,
			topic: topicFor("industry"), day: d, lag: 2 + g.rng.IntN(4)})
	}
}

// specials adds 专题专栏 items.
func (g *generator) specials(year int) {
	list := []struct {
		title string
		month time.Month
	}{
		{fmt.Sprintf("%d年“安全生产月”活动方案", year), 5},
		{fmt.Sprintf("%d年全国节能宣传周和全国低碳日活动安排", year), 6},
		{fmt.Sprintf("%d年中小企业服务月活动方案", year), 6},
		{fmt.Sprintf("优化营商环境工作简报（%d年第%d期）", year, 1+g.rng.IntN(6)), 8},
		{fmt.Sprintf("数字经济专题：%s企业数字化转型案例（%d年）", pick(g, industries), year), 11},
	}
	for _, s := range list {
		d := g.dayIn(year, s.month, s.month)
		body := []string{
			"为深入推进专题工作，现将有关情况发布如下。",
			"各县（市、区）经信部门和有关企业要高度重视，精心组织，确保活动取得实效。",
		}
		g.add(item{col: "ztzl", title: s.title, body: body, topic: topicFor("general"), day: d, lag: 1 + g.rng.IntN(3),
			channels: g.channels(d, 50, 10, 10, 5)})
	}
}

// catalogue adds the 机构信息 of 条例第二十条第(二)项 to 信息公开目录.
func (g *generator) catalogue() {
	d := g.workdayFrom(workday.NewDate(2023, 1, 9))
	var orgList string
	for i, o := range orgs {
		if i > 0 {
			orgList += "；"
		}
		orgList += o.Name + "：" + o.Duties
	}
	items := []struct{ title, body string }{
		{"机构职能", "贯彻执行国家和省、市关于工业和信息化发展的方针政策；拟订并组织实施全市工业和信息化发展规划；监测分析工业经济运行态势；指导工业企业技术改造和中小企业发展。"},
		{"领导信息", "局长：主持局全面工作。副局长：协助局长分管政策法规、运行监测、中小企业等方面工作。"},
		{"内设机构", orgList + "。"},
		{"联系方式", fmt.Sprintf("办公地址：%s；办公时间：%s；联系电话：%s。", Agency.Address, Agency.OfficeHours, Agency.Phone)},
		{"权责清单", "本局行政权力事项共计12项，其中行政检查8项、其他行政权力4项，详见权责清单目录。"},
	}
	for i, it := range items {
		g.add(item{col: "xxgkml", title: it.title, body: []string{it.body}, topic: topicFor("general"),
			day: d.AddDays(i), lag: 2})
	}
}

// interaction adds 互动交流 items: a call for comments and mailbox reports.
func (g *generator) interaction() {
	d := g.dayIn(2024, 11, 11)
	g.add(item{col: "hdjl", title: "关于《示例市工业企业技术改造专项资金管理办法（修订征求意见稿）》公开征求意见的公告",
		body: []string{"为提高政策制定的科学性和透明度，现将征求意见稿向社会公开征求意见。",
			"征求意见时间为30日。公众可通过电子邮件、信函等方式提出意见建议。"},
		topic: topicFor("fund"), day: d, lag: 2})
	for _, y := range []int{2023, 2024} {
		d := g.dayIn(y+1, 1, 1)
		g.add(item{col: "hdjl", title: fmt.Sprintf("%d年度局长信箱来信办理情况", y),
			body:  []string{fmt.Sprintf("%d年，局长信箱共收到来信%d件，均已按时办结并答复。", y, 20+g.rng.IntN(30))},
			topic: topicFor("general"), day: d, lag: 3})
	}
}
