package demo

import (
	"fmt"
	"strings"
	"time"

	"gongkai/internal/workday"
)

// newsPerYear is the number of 动态要闻 a year; the seed agency posted far
// more (1,959 政务动态 in 2023), but a few dozen show every page type.
const newsPerYear = 50

var (
	industries = []string{"新材料", "高端装备制造", "电子信息", "生物医药", "节能环保", "绿色食品", "纺织服装", "汽车零部件"}
	counties   = []string{"城东区", "城西区", "经济技术开发区", "北山县", "南湖县", "临江市"}
	trainings  = []string{"工业企业数字化转型", "中小企业惠企政策", "工业企业安全生产", "规上工业统计业务", "工业节能监察", "政务公开业务"}
	expos      = []string{"中国国际中小企业博览会", "世界智能产业博览会", "中国国际工业博览会", "数字中国建设峰会"}
	campaigns  = []string{"惠企政策进园区", "送法进企业", "局长接待日", "万名干部进万企"}
	leads      = []string{
		"会议通报了前期工作进展情况，分析了当前面临的形势和存在的问题，安排部署了下一阶段重点工作。",
		"与会人员围绕稳增长、促投资、强产业等议题进行了交流发言，提出了意见建议。",
		"活动现场气氛热烈，企业代表纷纷表示将用好用足各项政策，加快转型升级步伐。",
	}
	// followUps close news that is not about a meeting.
	followUps = []string{
		"下一步，市经信局将持续跟踪服务，推动项目早建成、早投产、早见效。",
		"市经信局将进一步加大政策支持力度，助力企业做大做强、提质增效。",
		"今年以来，全市工业经济保持稳中有进、稳中向好的发展态势。",
	}
	demands = []string{
		"要坚持问题导向，强化要素保障，帮助企业解决生产经营中的实际困难。",
		"要压实工作责任，细化目标任务，确保各项工作落地见效。",
		"要加强运行监测，对重点企业实行“一企一策”精准服务，推动工业经济持续向好。",
		"要树牢安全发展理念，严格落实企业安全生产主体责任，坚决防范遏制各类事故发生。",
	}
)

// newsTemplate makes a title and an opening sentence for a day.
type newsTemplate func(g *generator, d workday.Date) (title, lead string)

var newsTemplates = []newsTemplate{
	func(g *generator, d workday.Date) (string, string) {
		return fmt.Sprintf("%s召开%d月份全市工业经济运行调度会", shortName, d.Month()),
			fmt.Sprintf("%s，%s召开全市工业经济运行调度会，通报全市工业经济运行情况，分析研判当前形势，部署下一阶段重点工作。", cnDay(d), shortName)
	},
	func(g *generator, d workday.Date) (string, string) {
		m := d.Month() - 1
		if m == 0 {
			m = 12
		}
		x := float64(40+g.rng.IntN(60)) / 10
		ind := pick(g, industries)
		return fmt.Sprintf("%d月份全市规模以上工业增加值同比增长%.1f%%", m, x),
			fmt.Sprintf("据统计，%d月份全市规模以上工业增加值同比增长%.1f%%，%s等重点产业保持较快增长，工业经济运行总体平稳、稳中有进。", m, x, ind)
	},
	func(g *generator, d workday.Date) (string, string) {
		c, ind := pick(g, counties), pick(g, industries)
		return fmt.Sprintf("%s赴%s调研%s产业发展情况", shortName, c, ind),
			fmt.Sprintf("%s，%s主要负责同志带队赴%s，深入%s企业生产车间，实地了解企业生产经营和项目建设情况。", cnDay(d), shortName, c, ind)
	},
	func(g *generator, d workday.Date) (string, string) {
		ind := pick(g, industries)
		return fmt.Sprintf("全市%s产业链推进会召开", ind),
			fmt.Sprintf("%s，全市%s产业链推进会召开，链主企业、配套企业和金融机构代表参加会议。", cnDay(d), ind)
	},
	func(g *generator, d workday.Date) (string, string) {
		t := pick(g, trainings)
		return fmt.Sprintf("%s举办%s专题培训", shortName, t),
			fmt.Sprintf("%s，%s举办%s专题培训，各县（市、区）经信部门和重点企业相关负责人参加培训。", cnDay(d), shortName, t)
	},
	func(g *generator, d workday.Date) (string, string) {
		e := pick(g, expos)
		n := 10 + g.rng.IntN(30)
		return fmt.Sprintf("%s组织%d家企业参加%s", shortName, n, e),
			fmt.Sprintf("%s，%s组织全市%d家优势企业参加%s，集中展示我市工业发展成果。", cnDay(d), shortName, n, e)
	},
	func(g *generator, d workday.Date) (string, string) {
		c, n := pick(g, counties), 5+g.rng.IntN(20)
		return fmt.Sprintf("%s%d个工业项目集中开工", c, n),
			fmt.Sprintf("%s，%s举行工业项目集中开工活动，%d个项目集中开工，总投资%d亿元。", cnDay(d), c, n, 10+g.rng.IntN(90))
	},
	func(g *generator, d workday.Date) (string, string) {
		return fmt.Sprintf("%s党组理论学习中心组开展%d月份集中学习", shortName, d.Month()),
			fmt.Sprintf("%s，%s党组理论学习中心组开展集中学习，传达学习上级有关会议和文件精神。", cnDay(d), shortName)
	},
	func(g *generator, d workday.Date) (string, string) {
		c := pick(g, campaigns)
		return fmt.Sprintf("%s开展“%s”活动", shortName, c),
			fmt.Sprintf("%s，%s开展“%s”活动，面对面宣讲惠企政策，现场收集企业诉求。", cnDay(d), shortName, c)
	},
	func(g *generator, d workday.Date) (string, string) {
		n := 3 + g.rng.IntN(12)
		return fmt.Sprintf("我市%d家企业入选省级专精特新中小企业名单", n),
			fmt.Sprintf("近日，省经济和信息化厅公布了%d年度省级专精特新中小企业名单，我市%d家企业入选。", d.Year(), n)
	},
	func(g *generator, d workday.Date) (string, string) {
		c, ind := pick(g, counties), pick(g, industries)
		return fmt.Sprintf("全市%s企业数字化转型现场会在%s召开", ind, c),
			fmt.Sprintf("%s，全市%s企业数字化转型现场会在%s召开，与会人员现场观摩了智能工厂和数字化车间。", cnDay(d), ind, c)
	},
	func(g *generator, d workday.Date) (string, string) {
		return fmt.Sprintf("%s召开政务公开工作推进会", shortName),
			fmt.Sprintf("%s，%s召开政务公开工作推进会，通报网站栏目更新和信息报送情况，部署政务公开重点工作。", cnDay(d), shortName)
	},
}

func (g *generator) news(year int) {
	used := map[time.Month]map[int]bool{} // a template once a month: one 月度数据 item per month
	for i := 0; i < newsPerYear; i++ {
		from := time.Month(1 + i*12/newsPerYear)
		d := g.dayIn(year, from, from)
		if used[from] == nil {
			used[from] = map[int]bool{}
		}
		k := g.rng.IntN(len(newsTemplates))
		for used[from][k] {
			k = (k + 1) % len(newsTemplates)
		}
		used[from][k] = true
		title, lead := newsTemplates[k](g, d)
		body := []string{lead, pick(g, followUps)}
		if strings.Contains(title, "会") || strings.Contains(title, "学习") || strings.Contains(title, "培训") {
			body = []string{lead, pick(g, leads), "会议要求，" + pick(g, demands)}
			if g.rng.IntN(2) == 0 {
				body = append(body, "局机关各科室、局属各单位负责同志参加。")
			}
		}
		g.add(item{col: "dtyw", title: title, body: body, topic: "工业、交通", day: d,
			channels: g.channels(d, 60, 15, 6, 3)})
	}
}

// cnDay writes a date the way news copy does: 3月15日.
func cnDay(d workday.Date) string { return fmt.Sprintf("%d月%d日", d.Month(), d.Day()) }

// topicFor maps a subject to a gov.cn 主题分类.
func topicFor(subject string) string {
	switch subject {
	case "fund":
		return "财政、金融、审计"
	case "tech":
		return "科技、教育"
	case "green":
		return "城乡建设、环境保护"
	case "safety":
		return "市场监管、安全生产监管"
	case "people":
		return "劳动、人事、监察"
	case "plan":
		return "国民经济管理、国有资产监管"
	case "general":
		return "综合政务"
	}
	return "工业、交通"
}
