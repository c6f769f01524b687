package annualreport

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
)

// Draft writes the sections from the data, for staff to edit: every
// number comes from the report's cells or the records, so the draft
// passes CheckNarrative by construction. Nothing is invented; what only a
// person can say (improvements, assessments) is left for staff to add.
func Draft(ctx context.Context, src Source, r *Report, prev *Report, o BuildOptions) (map[Section]string, error) {
	pub, err := src.PublicationCountsFor(ctx, o.SiteID, r.Year)
	if err != nil {
		return nil, err
	}
	fee, err := src.FeeTallyFor(ctx, o.SiteID, r.Year)
	if err != nil {
		return nil, err
	}
	unit := r.UnitName
	if unit == "" {
		unit = "本机关"
	}
	n := func(t Table, row, col string) int64 { return r.Count(t, row, col) }
	out := map[Section]string{}

	var one strings.Builder
	fmt.Fprintf(&one, "%d年，%s认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。\n", r.Year, unit)
	one.WriteString("（一）主动公开。" + publicationSentence(pub) + "\n")
	one.WriteString("（二）依申请公开。" + applicationSentence(r) + "\n")
	one.WriteString("（三）政府信息管理。")
	if pub.Late > 0 {
		fmt.Fprintf(&one, "本年度有%d件政府信息未在形成或者变更之日起20个工作日内公开。\n", pub.Late)
	} else {
		one.WriteString("本年度主动公开的政府信息均在形成或者变更之日起20个工作日内公开。\n")
	}
	one.WriteString("（四）政府信息公开平台建设。" + platformSentence(pub) + "\n")
	one.WriteString("（五）监督保障。" + reviewSentence(r))
	out[1] = one.String()

	var two strings.Builder
	if r.Unit.MayIssueRules() || n(TableTwo, RowRules, ColIssued)+n(TableTwo, RowRules, ColInForce) > 0 {
		fmt.Fprintf(&two, "本年度制发规章%d件，废止%d件，现行有效%d件；", n(TableTwo, RowRules, ColIssued),
			n(TableTwo, RowRules, ColRepealed), n(TableTwo, RowRules, ColInForce))
	}
	fmt.Fprintf(&two, "本年度制发行政规范性文件%d件，废止%d件，现行有效%d件；作出行政许可决定%d件、行政处罚决定%d件、行政强制决定%d件，收取行政事业性收费%s万元。",
		n(TableTwo, RowNormative, ColIssued), n(TableTwo, RowNormative, ColRepealed), n(TableTwo, RowNormative, ColInForce),
		n(TableTwo, RowLicensing, ColDecisions), n(TableTwo, RowPenalty, ColDecisions), n(TableTwo, RowCoercion, ColDecisions),
		r.Value(TableTwo, RowAdminFees, ColFeeAmount))
	out[2] = two.String()
	out[3] = applicationSentence(r)
	out[4] = reviewSentence(r)

	var five strings.Builder
	if prev != nil {
		if p := lastProblems(prev.Sections[5]); p != "" {
			fmt.Fprintf(&five, "（一）%d年度报告所提问题的改进情况\n%d年度报告提出的问题：%s\n", prev.Year, prev.Year, p)
		}
	}
	fmt.Fprintf(&five, "（%s）%d年度存在的主要问题\n", map[bool]string{true: "二", false: "一"}[five.Len() > 0], r.Year)
	if pub.Late > 0 {
		fmt.Fprintf(&five, "部分政府信息公开不及时，本年度有%d件政府信息超过20个工作日公开。", pub.Late)
	}
	out[5] = strings.TrimRight(five.String(), "\n")

	unpaid := n(TableThree, disclosure.RowFeeUnpaid.Label(), ColTotal)
	// spec legal-rules §2.7: notices issued, amount billed, amount collected,
	// zeros written out.
	out[6] = fmt.Sprintf("本机关本年度共发出收费通知%d件，总金额%d元，实际收取信息处理费%d元；因申请人逾期未缴纳费用不再处理的申请%d件。",
		fee.NoticesIssued, fee.AmountBilled, fee.Collected, unpaid)
	return out, nil
}

// publicationSentence: "本年度主动公开政府信息N条，其中政府网站W条、政务微信X条。"
// N is the website and every channel publication, so the parts add up.
func publicationSentence(pc store.PublicationCounts) string {
	parts := []string{fmt.Sprintf("政府网站%d条", pc.Website)}
	for _, c := range catalog.Channels {
		if pc.Channels[c] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d条", channelName(c), pc.Channels[c]))
		}
	}
	return fmt.Sprintf("本年度主动公开政府信息%d条，其中%s。", pc.Total(), strings.Join(parts, "、"))
}

func platformSentence(pc store.PublicationCounts) string {
	names := []string{"政府网站"}
	for _, c := range catalog.Channels {
		if pc.Channels[c] > 0 {
			names = append(names, channelName(c))
		}
	}
	return "本年度通过" + strings.Join(names, "、") + "发布政府信息。"
}

func channelName(c catalog.Channel) string {
	if c == catalog.ChannelOther {
		return "其他渠道"
	}
	return string(c)
}

// applicationSentence summarises table 三 with the words CheckNarrative
// maps to its rows.
func applicationSentence(r *Report) string {
	v := func(row string) int64 { return r.Count(TableThree, row, ColTotal) }
	if v(ThreeReceived) == 0 && v(ThreeCarriedIn) == 0 {
		return "本年度未收到政府信息公开申请，无上年结转的申请。"
	}
	s := fmt.Sprintf("本年度新收政府信息公开申请%d件，上年结转申请%d件，办结申请%d件", v(ThreeReceived), v(ThreeCarriedIn), v(ThreeTotal))
	var parts []string
	for _, g := range ThreeGroups(r.Format) {
		var sum int64
		rows := g.Rows
		if len(rows) == 0 {
			rows = []string{g.Label}
		}
		for _, row := range rows {
			sum += v(row)
		}
		if sum > 0 {
			name := strings.TrimLeft(g.Label, "（一二三四五六）")
			name, _, _ = strings.Cut(name, "（")
			parts = append(parts, fmt.Sprintf("%s%d件", name, sum))
		}
	}
	if len(parts) > 0 {
		s += "，其中" + strings.Join(parts, "、")
	}
	return s + fmt.Sprintf("；结转下年度继续办理的申请%d件。", v(ThreeCarriedOut))
}

// reviewSentence summarises table 四.
func reviewSentence(r *Report) string {
	rec := r.Count(TableFour, FourReconsideration, ColTotal)
	lit := r.Count(TableFour, FourDirect, ColTotal) + r.Count(TableFour, FourAfter, ColTotal)
	if rec == 0 && lit == 0 {
		return "本年度未因政府信息公开工作被申请行政复议、提起行政诉讼。"
	}
	return fmt.Sprintf("本年度因政府信息公开工作被申请行政复议%d件，被提起行政诉讼%d件。", rec, lit)
}

// lastProblems takes the problems of last year's section 五: the part
// after "（二）" when it is split into last year's follow-up and its own
// problems, else all of it.
func lastProblems(s string) string {
	s = strings.TrimSpace(s)
	for _, mark := range []string{"（二）", "(二)"} {
		if _, after, ok := strings.Cut(s, mark); ok {
			s = strings.TrimSpace(after)
			break
		}
	}
	// Drop the heading line of the part if it is one.
	if head, rest, ok := strings.Cut(s, "\n"); ok && len([]rune(head)) <= 30 && !strings.ContainsAny(head, "。；") {
		s = strings.TrimSpace(rest)
	}
	return s
}
