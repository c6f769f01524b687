package demo

import (
	"fmt"
	"time"
)

// noticesPerYear is the number of 通知公告 a year.
const noticesPerYear = 20

// noticeTemplate is a 通知公告 title pattern (%d is the year), the 文号 kind
// it carries ("" for 公示 and 公告 without one), its subject and its months.
type noticeTemplate struct {
	title    string
	docKind  string
	subject  string
	from, to time.Month
	org      string
}

var noticeTemplates = []noticeTemplate{
	{"关于开展%d年度工业企业技术改造项目申报工作的通知", "发", "fund", 2, 4, "投资与规划科"},
	{"关于组织申报%d年度省级专精特新中小企业的通知", "发", "industry", 3, 5, "中小企业科"},
	{"关于做好%d年春节期间工业企业安全生产工作的通知", "发", "safety", 1, 1, "运行监测协调科"},
	{"关于%d年度市级企业技术中心拟认定名单的公示", "", "tech", 6, 8, "产业发展科"},
	{"关于征集%d年度中小企业公共服务示范平台的通知", "函", "industry", 4, 6, "中小企业科"},
	{"关于开展%d年度重点用能企业能效对标工作的通知", "函", "green", 5, 7, "投资与规划科"},
	{"关于举办%d年全市中小企业经营管理人员培训班的通知", "函", "people", 6, 9, "中小企业科"},
	{"关于报送%d年上半年工业投资项目进展情况的通知", "函", "plan", 6, 7, "投资与规划科"},
	{"关于开展%d年工业领域节能监察工作的通知", "发", "green", 4, 5, "投资与规划科"},
	{"关于征集%d年度制造业数字化转型典型案例的通知", "函", "tech", 7, 9, "信息化推进科"},
	{"关于%d年度市级绿色工厂拟认定名单的公示", "", "green", 10, 11, "产业发展科"},
	{"关于拨付%d年度中小企业发展专项资金的公告", "", "fund", 9, 11, "中小企业科"},
	{"关于做好%d年国庆节期间工业企业安全生产工作的通知", "发", "safety", 9, 9, "运行监测协调科"},
	{"关于开展%d年度工业企业“亩均效益”评价工作的通知", "发", "industry", 3, 4, "运行监测协调科"},
}

func (g *generator) notices(year int) {
	used := map[int]int{}
	for i := 0; i < noticesPerYear; i++ {
		k := i % len(noticeTemplates)
		if i >= len(noticeTemplates) {
			k = g.rng.IntN(len(noticeTemplates))
		}
		t := noticeTemplates[k]
		used[k]++
		title := fmt.Sprintf(t.title, year)
		if used[k] > 1 {
			title = fmt.Sprintf("%s（第%s批）", title[:len(title)-len("的通知")], cnNumber(used[k])) + "的通知"
			if t.docKind == "" {
				title = fmt.Sprintf(t.title, year) + fmt.Sprintf("（第%s批）", cnNumber(used[k]))
			}
		}
		d := g.dayIn(year, t.from, t.to)
		docNo := ""
		if t.docKind != "" {
			docNo = g.docNo(t.docKind, year)
		}
		body := []string{
			"各县（市、区）经信部门，各有关企业：",
			fmt.Sprintf("为贯彻落实省、市关于推动制造业高质量发展的部署要求，现就%s有关事项通知如下。", noticeSubject(title)),
			"一、工作内容。请各地按照有关要求，认真组织辖区内企业做好相关工作，确保材料真实、完整、规范。",
			fmt.Sprintf("二、时间安排。请于%d月%d日前将有关材料报送至%s%s。", d.Month()%12+1, 1+g.rng.IntN(28), shortName, t.org),
			fmt.Sprintf("联系电话：%s。", g.orgPhone(t.org)),
		}
		g.add(item{col: "tzgg", org: t.org, title: title, body: body, docNo: docNo, topic: topicFor(t.subject),
			day: d, lag: 1 + g.rng.IntN(5), channels: g.channels(d, 30, 5, 0, 0)})
	}
}

// noticeSubject turns 关于X的通知 into X.
func noticeSubject(title string) string {
	s := title
	if len(s) > len("关于") && s[:len("关于")] == "关于" {
		s = s[len("关于"):]
	}
	for _, suffix := range []string{"的通知", "的公示", "的公告"} {
		if n := len(s) - len(suffix); n > 0 && s[n:] == suffix {
			return s[:n]
		}
	}
	return s
}

func (g *generator) orgPhone(name string) string {
	for _, o := range orgs {
		if o.Name == name {
			return o.Phone
		}
	}
	return Agency.Phone
}

// cnNumber writes 1–10 as Chinese numerals (第二批).
func cnNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return fmt.Sprint(n)
}
