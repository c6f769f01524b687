package annualreport

import "strings"

// narrCtx is what the earlier clauses of a sentence established: in
// "制发行政规范性文件4件，废止1件" the second number keeps the row.
type narrCtx struct {
	twoRow   string // table 二 row last named
	twoCol   string // table 二 column last named (rows 规章/行政规范性文件)
	numbers  bool   // the sentence has had a quantity already
	threeRow string // table 三 row last named
	negated  bool   // a clause of the sentence said there were no 复议/诉讼
}

type kw struct {
	words []string
	val   string
}

func firstMatch(s string, list []kw) string {
	for _, k := range list {
		for _, w := range k.words {
			if strings.Contains(s, w) {
				return k.val
			}
		}
	}
	return ""
}

var twoRowWords = []kw{
	{[]string{"行政规范性文件", "规范性文件"}, RowNormative},
	{[]string{"规章"}, RowRules},
	{[]string{"行政许可"}, RowLicensing},
	{[]string{"行政处罚"}, RowPenalty},
	{[]string{"行政强制"}, RowCoercion},
	{[]string{"行政事业性收费"}, RowAdminFees},
}

// "先行有效" is a real typo (the seed report) for 现行有效.
var twoColWords = []kw{
	{[]string{"废止"}, ColRepealed},
	{[]string{"现行有效", "先行有效", "有效"}, ColInForce},
	{[]string{"制发", "新制作", "制作", "新制定", "制定", "印发", "出台", "发布"}, ColIssued},
}

// Words that make a number about documents something else than table 二's
// counts: 解读 of a document, 清理 reviews, 备案, 合法性审查…
var twoNotWords = []string{"解读", "清理", "备案", "审查", "审核", "征求意见", "宣传", "培训", "图解", "评估"}

var fourRowWords = []kw{
	{[]string{"复议后起诉", "复议后提起"}, FourAfter},
	{[]string{"直接起诉", "未经复议"}, FourDirect},
	{[]string{"行政复议"}, FourReconsideration},
	{[]string{"行政诉讼", "起诉"}, FourLitigation},
}

var fourColWords = []kw{
	{[]string{"尚未审结", "未审结", "未结"}, ColPending},
	{[]string{"维持"}, ColUpheld},
	{[]string{"纠正", "撤销", "确认违法"}, ColCorrected},
}

var threeRowWords = []kw{
	{[]string{"上年结转", "上年度结转", "上一年度结转", "上一年结转"}, ThreeCarriedIn},
	{[]string{"结转下", "结转至下", "结转到下", "转入下", "下年度继续办理"}, ThreeCarriedOut},
	{[]string{"部分公开"}, ThreePartial},
	{[]string{"不予公开"}, ThreeWithheld},
	{[]string{"无法提供"}, ThreeUnavail},
	{[]string{"不予处理"}, ThreeNotHandled},
	{[]string{"其他处理"}, ThreeOther},
	{[]string{"予以公开", "同意公开", "全部公开"}, ThreeGranted},
	{[]string{"办结", "办理完毕", "答复完毕"}, ThreeTotal},
	{[]string{"收到", "新收", "受理", "接收", "接到"}, ThreeReceived},
}

var threeColWords = []kw{
	{[]string{"法人或其他组织", "法人或者其他组织", "法人"}, ThreeOrgs},
	{[]string{"自然人", "公民"}, ColPerson},
	{[]string{"商业企业"}, ColBusiness},
	{[]string{"科研机构"}, ColResearch},
	{[]string{"社会公益组织"}, ColNonProfit},
	{[]string{"法律服务机构"}, ColLegalService},
}

var countUnits = map[string]bool{"个": true, "件": true, "条": true, "项": true, "次": true, "宗": true,
	"起": true, "份": true, "篇": true}

// resolve sets m.Keys and m.Label from the clause and the sentence.
func resolve(m *Mention, sentence string, ctx *narrCtx) {
	clause := m.Clause
	// Table 四 first: its clauses also say "申请行政复议".
	if row := firstMatch(clause, fourRowWords); row != "" && !m.Money && countUnits[m.Unit] {
		col := firstMatch(clause, fourColWords)
		if col == "" {
			col = ColTotal
		}
		blocks := []string{row}
		if row == FourLitigation {
			blocks = []string{FourDirect, FourAfter}
		}
		for _, b := range blocks {
			m.Keys = append(m.Keys, Key{TableFour, b, col})
		}
		m.Label, m.Row, m.Col = row+col, row, col
		return
	}
	if resolveTwo(m, ctx) {
		return
	}
	if !strings.Contains(sentence+m.Text, "申请") || m.Money || !countUnits[m.Unit] || m.Unit == "项" ||
		containsAny(clause, "许可", "审批", "政务服务", "办件", "信访") { // other kinds of 申请
		return
	}
	row, col := firstMatch(clause, threeRowWords), firstMatch(clause, threeColWords)
	if row == "" && col != "" {
		row = ctx.threeRow // "收到申请4件，其中自然人申请3件"
	}
	if row == "" {
		return
	}
	ctx.threeRow = row
	cols := []string{col}
	switch col {
	case "":
		cols = []string{ColTotal}
	case ThreeOrgs:
		cols = ThreeCols[1:6]
	}
	rows := []string{row}
	for _, g := range ThreeGroups(Format2021) {
		if g.Label == row && len(g.Rows) > 0 {
			rows = g.Rows
		}
	}
	for _, r := range rows {
		for _, c := range cols {
			m.Keys = append(m.Keys, Key{TableThree, r, c})
		}
	}
	m.Label, m.Row, m.Col = "“"+row+"”", row, col
	if col != "" {
		m.Label += "“" + col + "”"
	} else {
		m.Col = ColTotal
	}
}

// resolveTwo maps a number to table 二; the row and the column may come
// from earlier clauses of the same sentence.
func resolveTwo(m *Mention, ctx *narrCtx) bool {
	clause := m.Clause
	for _, w := range twoNotWords {
		if strings.Contains(clause, w) {
			return false
		}
	}
	row, col := firstMatch(clause, twoRowWords), ""
	if row == RowRules || row == RowNormative || (row == "" && (ctx.twoRow == RowRules || ctx.twoRow == RowNormative)) {
		col = firstMatch(clause, twoColWords)
	}
	if row == "" && col == "" {
		return false
	}
	if row == "" {
		row = ctx.twoRow
	}
	if row == "" {
		return false
	}
	switch row {
	case RowRules, RowNormative:
		if col == "" {
			col = ctx.twoCol
		}
		if col == "" || m.Money {
			return false
		}
	case RowAdminFees:
		if !m.Money {
			return false
		}
		col = ColFeeAmount
	default:
		// "受理行政许可申请1200件" counts applications, not decisions;
		// "行政许可事项清单32项" the list.
		if m.Money || !countUnits[m.Unit] || m.Unit == "项" || containsAny(clause, "申请", "受理", "清单", "目录", "公示", "办件") {
			return false
		}
		col = ColDecisions
	}
	ctx.twoRow, ctx.twoCol = row, col
	m.Keys = []Key{{TableTwo, row, col}}
	m.Label, m.Row, m.Col = row+"“"+col+"”", row, col
	return true
}

// zeroClaims reads statements of none in a clause without numbers:
// "未收到政府信息公开申请" (一 总计 = 0), "无…行政复议、行政诉讼" (四 总计 = 0).
func zeroClaims(sec Section, clause string, at int, ctx *narrCtx) []Mention {
	// Fast path: a statement of none says 未, 无 or 没有.
	if clause == "" || !(ctx.negated || containsAny(clause, "未", "无", "没有")) || containsNumber(clause) {
		return nil
	}
	mk := func(row, label string, keys ...Key) Mention {
		return Mention{Section: sec, Start: at, End: at + len(clause), Text: strings.TrimSpace(clause),
			Clause: clause, Keys: keys, Row: row, Col: ColTotal, Label: label, Zero: true}
	}
	var out []Mention
	none := strings.Contains(clause, "未收到") || strings.Contains(clause, "没有收到") || strings.Contains(clause, "未接到")
	if none && (strings.Contains(clause, "申请") || strings.Contains(clause, "政府信息公开")) &&
		!strings.Contains(clause, "复议") && !strings.Contains(clause, "诉讼") {
		out = append(out, mk(ThreeReceived, "“"+ThreeReceived+"”“总计”", Key{TableThree, ThreeReceived, ColTotal}))
	}
	neg := ctx.negated || strings.HasPrefix(strings.TrimLeft(clause, "我局本机关单位年度"), "无") || strings.Contains(clause, "未发生") ||
		strings.Contains(clause, "未被") || strings.Contains(clause, "没有") || strings.Contains(clause, "无因") ||
		strings.Contains(clause, "局无") || strings.Contains(clause, "未收到") || strings.Contains(clause, "未因")
	if neg && !containsAny(clause, "维持", "纠正", "撤销", "审结") {
		// "无因…被申请行政复议、提起行政诉讼案件": the negation covers the
		// clauses after it in the sentence.
		ctx.negated = strings.Contains(clause, "行政复议") || strings.Contains(clause, "行政诉讼") || ctx.negated
		if strings.Contains(clause, "行政复议") {
			out = append(out, mk(FourReconsideration, FourReconsideration+ColTotal, Key{TableFour, FourReconsideration, ColTotal}))
		}
		if strings.Contains(clause, "行政诉讼") {
			out = append(out, mk(FourLitigation, FourLitigation+ColTotal, Key{TableFour, FourDirect, ColTotal}, Key{TableFour, FourAfter, ColTotal}))
		}
	}
	return out
}

func containsNumber(s string) bool {
	for i, r := range s {
		if isArabic(r) || isCNNumeral(r) {
			if _, _, ok := readMention(s, i); ok {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
