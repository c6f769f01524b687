package annualreport

import (
	"slices"
	"strings"
)

// This file is the ONE place holding the canonical labels of the annual
// report format (国办公开办函〔2021〕30号, spec legal-rules §2.2–2.4) and of
// the 2019 trial format it replaced (国办公开办函〔2019〕60号, §2.8). The
// generator, the exports and the linter all address cells by these labels.

// Format is the layout a report follows.
type Format int

const (
	Format2021 Format = 2021 // 国办公开办函〔2021〕30号, from the 2021 report on
	Format2019 Format = 2019 // 国办公开办函〔2019〕60号, the 2019–2020 reports
)

// FirstYear2021 is the first report year the 2021 format applies to
// (spec legal-rules §2.1).
const FirstYear2021 = 2021

// Table is one of the three fixed tables of the report.
type Table string

const (
	TableTwo   Table = "二" // 主动公开政府信息情况
	TableThree Table = "三" // 收到和处理政府信息公开申请情况
	TableFour  Table = "四" // 政府信息公开行政复议、行政诉讼情况
)

// Section is the section a table belongs to (table 二 to section 二, and
// so on); 0 for anything else.
func (t Table) Section() Section {
	switch t {
	case TableTwo:
		return 2
	case TableThree:
		return 3
	case TableFour:
		return 4
	}
	return 0
}

// Caption is the table's heading, its section's title without the
// numeral, e.g. "主动公开政府信息情况".
func (t Table) Caption() string {
	_, c, _ := strings.Cut(t.Section().Title(), "、")
	return c
}

// Section is one of the six sections (一 … 六) of the report.
type Section int

// Sections lists the six sections in order.
var Sections = []Section{1, 2, 3, 4, 5, 6}

// sectionTitles are the headings used by the format (spec §2.1).
var sectionTitles = [...]string{
	1: "一、总体情况",
	2: "二、主动公开政府信息情况",
	3: "三、收到和处理政府信息公开申请情况",
	4: "四、政府信息公开行政复议、行政诉讼情况",
	5: "五、存在的主要问题及改进情况",
	6: "六、其他需要报告的事项",
}

// Title is the canonical heading, e.g. "一、总体情况".
func (s Section) Title() string {
	if s < 1 || s > 6 {
		return ""
	}
	return sectionTitles[s]
}

// Numeral is the section's Chinese ordinal, e.g. "一".
func (s Section) Numeral() string {
	if s < 1 || s > 6 {
		return ""
	}
	return []string{"", "一", "二", "三", "四", "五", "六"}[s]
}

// Label header cell of table 二's blocks.
const LabelInfoContent = "信息内容"

// Table 二 (2021) row labels (spec §2.2).
const (
	RowRules      = "规章"
	RowNormative  = "行政规范性文件"
	RowLicensing  = "行政许可"
	RowPenalty    = "行政处罚"
	RowCoercion   = "行政强制"
	RowAdminFees  = "行政事业性收费"
	RowNormative9 = "规范性文件"         // 2019 format's name of 行政规范性文件
	RowOtherMgmt  = "其他对外管理服务事项"    // 2019 format, block (五)
	RowProcure    = "政府集中采购"        // 2019 format, block (九)
	BlockArt20_1  = "第二十条第（一）项"     // 规章、规范性文件
	BlockArt20_5  = "第二十条第（五）项"     // 行政许可
	BlockArt20_6  = "第二十条第（六）项"     // 行政处罚、行政强制
	BlockArt20_8  = "第二十条第（八）项"     // 行政事业性收费
	BlockArt20_9  = "第二十条第（九）项"     // 2019 format only: 政府集中采购
	ColIssued     = "本年制发件数"        // 2021
	ColRepealed   = "本年废止件数"        // 2021
	ColInForce    = "现行有效件数"        // 2021, counted at 12-31
	ColDecisions  = "本年处理决定数量"      // 2021, blocks (五) and (六)
	ColFeeAmount  = "本年收费金额（单位：万元）" // 2021, block (八)
	ColMade9      = "本年新制作数量"       // 2019
	ColPublished9 = "本年新公开数量"       // 2019
	ColTotal9     = "对外公开总数量"       // 2019
	ColLastYear9  = "上一年项目数量"       // 2019
	ColDelta9     = "本年增/减"         // 2019: may be negative
	ColDecisions9 = "处理决定数量"        // 2019
	ColProcureN9  = "采购项目数量"        // 2019
	ColProcureA9  = "采购总金额"         // 2019
)

// Table 三 labels (spec §2.3). The result rows' own labels are those of
// disclosure.Row (checked equal by a test); they are repeated here so the
// linter can use one list for both formats.
const (
	ThreeNote       = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	ThreeApplicants = "申请人情况"
	ThreeOrgs       = "法人或其他组织" // spanning header only: no subtotal column
	ThreeReceived   = "一、本年新收政府信息公开申请数量"
	ThreeCarriedIn  = "二、上年结转政府信息公开申请数量"
	ThreeResults    = "三、本年度办理结果" // spanning label, no numbers of its own
	ThreeGranted    = "（一）予以公开"
	ThreePartial    = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
	ThreeWithheld   = "（三）不予公开"
	ThreeUnavail    = "（四）无法提供"
	ThreeNotHandled = "（五）不予处理"
	ThreeOther      = "（六）其他处理" // a data row in the 2019 format, a group in 2021
	ThreeTotal      = "（七）总计"
	ThreeCarriedOut = "四、结转下年度继续办理"
	ColPerson       = "自然人"
	ColBusiness     = "商业企业"
	ColResearch     = "科研机构"
	ColNonProfit    = "社会公益组织"
	ColLegalService = "法律服务机构"
	ColOtherOrg     = "其他"
	ColTotal        = "总计" // table 三's last column and table 四's block totals
)

// ThreeCols are table 三's seven data columns in order (总计 last).
var ThreeCols = []string{ColPerson, ColBusiness, ColResearch, ColNonProfit, ColLegalService, ColOtherOrg, ColTotal}

// ThreeGroup is a 办理结果 group of table 三 with its sub-rows; a group
// without sub-rows is itself a data row.
type ThreeGroup struct {
	Label string
	Rows  []string
}

var threeGroups2021 = []ThreeGroup{
	{Label: ThreeGranted},
	{Label: ThreePartial},
	{Label: ThreeWithheld, Rows: []string{"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
		"4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"}},
	{Label: ThreeUnavail, Rows: []string{"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"}},
	{Label: ThreeNotHandled, Rows: []string{"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
		"4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"}},
	{Label: ThreeOther, Rows: []string{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"}},
}

// ThreeGroups lists the 办理结果 groups of a format, in order, without
// （七）总计. In the 2019 format （六）其他处理 has no sub-rows.
func ThreeGroups(f Format) []ThreeGroup {
	if f != Format2019 {
		return threeGroups2021
	}
	out := append([]ThreeGroup(nil), threeGroups2021[:5]...)
	return append(out, ThreeGroup{Label: ThreeOther})
}

// ThreeResultRows are the data rows that add up to （七）总计 (G3): the
// leaf label of each row, in order.
func ThreeResultRows(f Format) []string {
	var out []string
	for _, g := range ThreeGroups(f) {
		if len(g.Rows) == 0 {
			out = append(out, g.Label)
			continue
		}
		out = append(out, g.Rows...)
	}
	return out
}

// ThreeRows are all data rows of table 三 in order (leaf labels):
// 一, 二, the result rows, （七）总计, 四.
func ThreeRows(f Format) []string {
	out := []string{ThreeReceived, ThreeCarriedIn}
	out = append(out, ThreeResultRows(f)...)
	return append(out, ThreeTotal, ThreeCarriedOut)
}

// Table 四 labels (spec §2.4; identical in both formats). Cells are
// addressed by (block, result): the block is the row key.
const (
	FourReconsideration = "行政复议"
	FourLitigation      = "行政诉讼" // spanning header over the two litigation blocks
	FourDirect          = "未经复议直接起诉"
	FourAfter           = "复议后起诉"
	ColUpheld           = "结果维持"
	ColCorrected        = "结果纠正"
	ColOtherResult      = "其他结果"
	ColPending          = "尚未审结"
)

// FourBlocks are table 四's blocks (row keys) in order.
var FourBlocks = []string{FourReconsideration, FourDirect, FourAfter}

// FourCols are each block's columns in order (总计 last).
var FourCols = []string{ColUpheld, ColCorrected, ColOtherResult, ColPending, ColTotal}

// ColumnKind is what a column may hold (G6).
type ColumnKind int

const (
	KindCount  ColumnKind = iota // non-negative integer
	KindAmount                   // non-negative decimal (万元)
	KindDelta                    // integer, may be negative (2019 本年增/减)
)

// TwoBlock is one block of table 二: its title, column headers (after
// 信息内容) and row labels.
type TwoBlock struct {
	Title string
	Cols  []string
	Rows  []string
}

var twoBlocks2021 = []TwoBlock{
	{BlockArt20_1, []string{ColIssued, ColRepealed, ColInForce}, []string{RowRules, RowNormative}},
	{BlockArt20_5, []string{ColDecisions}, []string{RowLicensing}},
	{BlockArt20_6, []string{ColDecisions}, []string{RowPenalty, RowCoercion}},
	{BlockArt20_8, []string{ColFeeAmount}, []string{RowAdminFees}},
}

var twoBlocks2019 = []TwoBlock{
	{BlockArt20_1, []string{ColMade9, ColPublished9, ColTotal9}, []string{RowRules, RowNormative9}},
	{BlockArt20_5, []string{ColLastYear9, ColDelta9, ColDecisions9}, []string{RowLicensing, RowOtherMgmt}},
	{BlockArt20_6, []string{ColLastYear9, ColDelta9, ColDecisions9}, []string{RowPenalty, RowCoercion}},
	{BlockArt20_8, []string{ColLastYear9, ColDelta9}, []string{RowAdminFees}},
	{BlockArt20_9, []string{ColProcureN9, ColProcureA9}, []string{RowProcure}},
}

// TwoBlocks lists table 二's blocks of a format.
func TwoBlocks(f Format) []TwoBlock {
	if f == Format2019 {
		return twoBlocks2019
	}
	return twoBlocks2021
}

// Key addresses one cell by canonical labels: table 二 (row, column),
// table 三 (leaf row label, column), table 四 (block, result column).
type Key struct {
	Table Table
	Row   string
	Col   string
}

// Keys lists every data cell of a format in reading order. The slice is
// shared (computed once: the linter and Check ask for it per report) and
// must not be modified.
func Keys(f Format) []Key {
	if f != Format2019 {
		f = Format2021
	}
	if l, ok := keyLists[f]; ok {
		return l
	}
	return keysOf(f)
}

func keysOf(f Format) []Key {
	var out []Key
	for _, b := range TwoBlocks(f) {
		for _, r := range b.Rows {
			for _, c := range b.Cols {
				out = append(out, Key{TableTwo, r, c})
			}
		}
	}
	for _, r := range ThreeRows(f) {
		for _, c := range ThreeCols {
			out = append(out, Key{TableThree, r, c})
		}
	}
	for _, b := range FourBlocks {
		for _, c := range FourCols {
			out = append(out, Key{TableFour, b, c})
		}
	}
	return out
}

// KindOf is the kind of value a cell holds; ok is false for a key that is
// not part of the format.
func KindOf(f Format, k Key) (ColumnKind, bool) {
	if !validKey(f, k) {
		return 0, false
	}
	switch k.Col {
	case ColFeeAmount, ColProcureA9:
		return KindAmount, true
	case ColDelta9:
		return KindDelta, true
	}
	return KindCount, true
}

var (
	keySets  = map[Format]map[Key]bool{}
	keyLists = map[Format][]Key{}
)

func init() {
	for _, f := range []Format{Format2021, Format2019} {
		l := slices.Clip(keysOf(f))
		m := make(map[Key]bool, len(l))
		for _, k := range l {
			m[k] = true
		}
		keySets[f], keyLists[f] = m, l
	}
}

func validKey(f Format, k Key) bool {
	if f != Format2019 {
		f = Format2021
	}
	return keySets[f][k]
}
