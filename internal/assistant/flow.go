package assistant

import (
	"slices"
	"strings"
)

// flow is a guided answer for a common task: steps and the pages to go to.
type flow struct {
	name  string
	any   []string // the question holds one of these…
	also  []string // …and, when set, one of these
	title string
	steps []string
	links []flowLink
	// withDocuments adds the documents found (e.g. the annual reports).
	withDocuments bool
}

type flowLink struct {
	label string
	paths []string // the first one the site answers
}

// flows are the common tasks of a disclosure portal.
var flows = []flow{
	{name: "apply", any: []string{"依申请公开", "申请公开", "申请政府信息", "申请信息公开"}, also: []string{"怎么", "如何", "流程", "步骤", "怎样", "哪里", "在哪", "途径", "方式", "在线"},
		title: "申请政府信息公开可以这样办理：",
		steps: []string{"确认所需信息不在主动公开范围内：先在本站搜索或查阅政府信息公开目录。",
			"填写政府信息公开申请：写明申请人信息、所需政府信息的名称或文号等特征描述，以及获取信息的方式。",
			"提交申请：可在线提交，也可当面提交或邮寄书面申请。",
			"保存查询码：在线提交后会得到查询码，凭它查看办理进度和答复。",
			"等待答复：能当场答复的当场答复，否则自收到申请之日起20个工作日内答复，延期最长不超过20个工作日（条例第三十三条）。"},
		links: []flowLink{{"在线申请", []string{"/apply"}}, {"政府信息公开指南", []string{"/guide"}}, {"政府信息公开目录", []string{"/xxgk/"}}}},
	{name: "status", any: []string{"进度", "办理状态", "办到哪", "查询申请", "申请结果", "答复结果", "查询码"},
		title: "查询依申请公开的办理进度：",
		steps: []string{"打开申请查询页面。", "输入提交申请时获得的查询码和密码。", "查看当前状态、答复期限和已发出的告知书。"},
		links: []flowLink{{"查询申请进度", []string{"/apply/status", "/apply/lookup", "/apply"}}}},
	{name: "message", any: []string{"留言", "局长信箱", "写信", "反映问题", "提建议", "投诉建议"}, also: []string{"怎么", "如何", "想", "要", "在哪", "哪里", "给", "写", "提交"},
		title: "给我们留言：",
		steps: []string{"打开在线留言页面。", "选择留言类别，写明事项；不要在正文中填写身份证号等个人信息。", "提交后保存查询码，可凭查询码查看答复。"},
		links: []flowLink{{"在线留言", []string{"/messages/", "/messages", "/liuyan/"}}}},
	{name: "report", any: []string{"年报", "年度报告"}, also: []string{"哪里", "在哪", "查看", "找", "看", "下载", "哪儿", "怎么", "什么时候"},
		title: "政府信息公开工作年度报告在“信息公开年报”栏目中公布，每年1月31日前发布上一年度的报告（条例第五十条）。",
		steps: []string{"打开“信息公开年报”栏目，或在站内搜索“年度报告”。", "按年份选择报告。"},
		links: []flowLink{{"信息公开年报", []string{"/col/xxgknb/", "/search?q=年度报告"}}}, withDocuments: true},
}

// matchFlow finds the flow a question asks for.
func matchFlow(q string) (flow, bool) {
	has := func(ws []string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(q, w) })
	}
	for _, f := range flows {
		if has(f.any) && (len(f.also) == 0 || has(f.also)) {
			return f, true
		}
	}
	return flow{}, false
}

func (f flow) answer(site Site) Answer {
	ans := Answer{Kind: KindFlow, Confident: true, Confidence: 1, Text: f.title, Steps: f.steps}
	for _, l := range f.links {
		ans.Links = append(ans.Links, firstRouted(site, l.label, l.paths...)...)
	}
	return ans
}
