package demo

import (
	"fmt"

	"gongkai/internal/catalog"
	"gongkai/internal/workday"
)

// guide adds the 政府信息公开指南 (条例第十二条: classification and
// arrangement, how to obtain information, and the disclosure office's name,
// address, office hours, phone and fax).
func (g *generator) guide() {
	d := g.workdayFrom(workday.NewDate(2023, 2, 6))
	body := []string{
		"为便于公民、法人和其他组织获取本机关政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。",
		"一、主动公开。（一）公开内容：机构职能、政策文件、规划计划、人事信息、工业经济运行情况等，详见政府信息公开目录。（二）公开方式：本机关门户网站为政府信息公开第一平台，同时通过政务新媒体、报刊、广播、电视等方式公开。（三）公开时限：属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开。",
		"二、依申请公开。（一）受理机构：" + g.site.Name + "办公室。（二）申请方式：申请人可通过当面提交、邮寄、互联网在线等方式提出申请，并填写《政府信息公开申请表》。（三）办理时限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。（四）收费：行政机关依申请提供政府信息，不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按照有关规定收取信息处理费。",
		fmt.Sprintf("三、政府信息公开工作机构。名称：%s办公室；办公地址：%s；办公时间：%s；联系电话：%s；传真：%s。",
			g.site.Name, Agency.Address, Agency.OfficeHours, Agency.Phone, "0000-5550199"),
		"四、监督和救济。公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
	}
	g.add(item{col: "xxgkzn", title: g.site.Name + "政府信息公开指南", body: body, topic: topicFor("general"), day: d, lag: 3})
}

// reports adds the annual reports (条例第四十九条: departments publish theirs
// by 31 January). The 2023 and 2024 figures are counted from the demo's own
// documents, so the report and the portal agree.
func (g *generator) reports() {
	for _, y := range []int{2022, 2023, 2024} {
		d := g.dayIn(y+1, 1, 1)
		if d.Day() > 29 {
			d = workday.NewDate(y+1, 1, 29)
		}
		site, channels, newNorm, repealed, valid := g.yearFigures(y)
		if y == 2022 {
			site, channels, newNorm, valid = 96, 118, 3, 9 // before the demo's first year
		}
		body := []string{
			fmt.Sprintf("根据《中华人民共和国政府信息公开条例》和市政务公开领导小组办公室有关要求，现向社会公布%d年度%s政府信息公开工作年度报告。", y, g.site.Name),
			fmt.Sprintf("一、总体情况。%d年，%s深入贯彻落实《中华人民共和国政府信息公开条例》，成立了政务公开工作领导小组，办公室为政务公开主管科室，各科室信息员按照职责报送信息。", y, shortName),
			fmt.Sprintf("二、主动公开政府信息情况。本单位通过门户网站主动公开政府信息%d条，通过政务新媒体、报纸、电视、广播等渠道发布信息%d条。本年新制作行政规范性文件%d件，废止%d件，现行有效%d件。", site, channels, newNorm, repealed, valid),
			fmt.Sprintf("三、收到和处理政府信息公开申请情况。%d年，本单位收到政府信息公开申请%d件，均已按时办结。", y, g.rng.IntN(4)),
			fmt.Sprintf("四、政府信息公开行政复议、行政诉讼情况。%d年，本单位无因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", y),
			"五、存在的主要问题及改进情况。存在问题：部分业务科室主动公开意识有待增强，政策解读形式较为单一。改进措施：加强业务培训，丰富图解、问答等解读形式，强化与市政府政务新媒体的联动。",
			"六、其他需要报告的事项。本年度未收取信息处理费。",
		}
		g.add(item{col: "xxgknb", title: fmt.Sprintf("%s%d年政府信息公开工作年度报告", g.site.Name, y), body: body,
			topic: topicFor("general"), day: d, lag: 2})
	}
}

// yearFigures counts, among the drafts made so far, what a year's report
// states: documents on the site, channel records, normative documents made,
// repealed (or expired) in the year, and in force at its end.
func (g *generator) yearFigures(y int) (site, channels, made, repealed, valid int) {
	end := fmt.Sprintf("%d-12-31", y)
	for _, d := range g.drafts {
		pub := dateOf(d.doc.PublishedAt)
		if pub.Year() == y {
			site++
			channels += len(d.doc.Channels)
		}
		if d.doc.Genre != catalog.GenreNormative || d.doc.WrittenOn > end {
			continue
		}
		if d.doc.WrittenOn[:4] == fmt.Sprint(y) {
			made++
		}
		gone := d.doc.Validity != catalog.Valid && d.doc.ValidityOn != "" && d.doc.ValidityOn <= end
		if gone && d.doc.ValidityOn[:4] == fmt.Sprint(y) && d.doc.Validity != catalog.Amended {
			repealed++
		}
		if !gone || d.doc.Validity == catalog.Amended {
			valid++
		}
	}
	return
}
