package annualreport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// reportMeta is what the text says about the report itself.
type reportMeta struct {
	year      int    // report year; 0 when none is written
	yearFrom  string // where the year was read, for messages
	period    int    // year of the stated 统计期限, 0 when none
	unit      UnitKind
	unitName  string
	published string // 发文日期 of a page's metadata table
}

var (
	// "会仪镇人民政府2021年信息公开年度报告", "2022年政府信息公开工作年度报告",
	// "2023年度市经信局政府信息公开工作年度报告".
	titleYearRE = regexp.MustCompile(`(\d{4})\s*年度?[^。\n]{0,30}?(?:信息公开|政务公开)[^。\n]{0,8}?(?:年度报告|年报)`)
	// "统计期限为2024年1月1日至2024年12月31日", "统计期限自2024年1月1日起至…".
	periodRE  = regexp.MustCompile(`统计(?:期限|时限|时间|区间)[^。\d]{0,6}(\d{4})年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-|~)\s*(\d{4})年\s*12\s*月\s*31\s*日`)
	asOfRE    = regexp.MustCompile(`截[止至]\s*(\d{4})年\s*12\s*月\s*31\s*日`)
	workRE    = regexp.MustCompile(`(\d{4})年度?(?:的)?(?:政府信息公开|政务公开)工作`)
	anyYearRE = regexp.MustCompile(`(?:^|[。\n])\s*(\d{4})年`)
	issuerRE  = regexp.MustCompile(`发布机构\s*\|?\s*([^|\s]+)`)
	dateRE    = regexp.MustCompile(`发文日期\s*\|?\s*(\d{4})-\d{2}-\d{2}`)
	// A unit named in a title: "桃江县松木塘镇人民政府", "官洲街道办事处",
	// "重庆市万州区规划和自然资源局".
	townNameRE = regexp.MustCompile(`[\p{Han}]{1,10}?(?:镇|乡|街道)(?:人民政府|办事处|政府)`)
	deptNameRE = regexp.MustCompile(`[\p{Han}]{2,24}?(?:局|委员会|办公室|中心|厅|委)`)
	govNameRE  = regexp.MustCompile(`[\p{Han}]{1,12}?(?:省|市|县|区|自治州|州|盟|旗)人民政府`)
	// How a unit names itself in its text; plain words, matched with
	// strings.Contains (a regexp alternation of literals was a tenth of
	// the linter's time).
	townSelfWords = []string{"我镇", "本镇", "我乡", "本乡", "我街道", "本街道", "镇党委", "镇政府", "乡政府", "镇党政办", "街道党工委", "街道办事处"}
	deptSelfWords = []string{"我局", "本局", "我委", "本委", "我办", "本办", "我厅", "本厅"}
)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// readMeta finds the report year, the unit and its kind in the title,
// the page's metadata table and the introduction.
func readMeta(items []item, nar narrative) reportMeta {
	var m reportMeta
	head := nar.preamble + nar.sections[1]
	var cells strings.Builder
	for _, it := range items {
		if !it.para {
			cells.WriteString(it.text + "|")
		}
	}
	meta := cells.String()
	if v := issuerRE.FindStringSubmatch(meta); v != nil {
		m.unitName = v[1]
	}
	if v := dateRE.FindStringSubmatch(meta); v != nil {
		m.published = v[1]
	}
	if v := periodRE.FindStringSubmatch(head); v != nil {
		m.period = atoi(v[1])
	}
	switch {
	case titleYearRE.MatchString(nar.preamble):
		m.year, m.yearFrom = atoi(titleYearRE.FindStringSubmatch(nar.preamble)[1]), "标题"
	case m.period != 0:
		m.year, m.yearFrom = m.period, "统计期限"
	case titleYearRE.MatchString(head):
		m.year, m.yearFrom = atoi(titleYearRE.FindStringSubmatch(head)[1]), "正文"
	case workRE.MatchString(head):
		m.year, m.yearFrom = atoi(workRE.FindStringSubmatch(head)[1]), "正文"
	case asOfRE.MatchString(head):
		m.year, m.yearFrom = atoi(asOfRE.FindStringSubmatch(head)[1]), "正文"
	case anyYearRE.MatchString(head):
		m.year, m.yearFrom = atoi(anyYearRE.FindStringSubmatch(head)[1]), "正文"
	}
	if m.year < 2000 || m.year > 2100 {
		m.year = 0
	}
	m.unit, m.unitName = unitOf(m.unitName, titleLines(nar.preamble), head)
	return m
}

// unitOf decides the kind of unit from its name, the title, or the way
// the text refers to itself ("我镇", "我局").
func unitOf(name, titles, head string) (UnitKind, string) {
	if name == "" {
		name = titleName(titles)
	}
	if name != "" {
		if k := kindOfName(name); k != "" {
			return k, name
		}
	}
	for _, re := range []*regexp.Regexp{townNameRE, deptNameRE, govNameRE} {
		if v := re.FindString(titles); v != "" {
			v = strings.TrimLeft(v, "年度的")
			return kindOfName(v), v
		}
	}
	switch {
	// townNameRE needs 镇/乡/街道 and 政府/办事处: the plain test first
	// spares the regexp on most reports (the head is the whole section 一).
	case containsAny(head, "镇", "乡", "街道") && containsAny(head, "政府", "办事处") && townNameRE.MatchString(head):
		if v := townNameRE.FindString(head); utf8.RuneCountInString(v) <= 10 && !strings.HasSuffix(v, "镇政府") && !strings.HasSuffix(v, "乡政府") {
			return UnitTownship, v
		}
		return UnitTownship, name
	case containsAny(head, townSelfWords...):
		return UnitTownship, name
	case containsAny(head, deptSelfWords...):
		return UnitDepartment, name
	}
	return "", name
}

// kindOfName classifies a unit by its name. A 乡镇 or 街道 is checked
// before a government ("桃江县松木塘镇人民政府" is a town), an office of a
// government before the government ("某市人民政府办公室" is a department).
func kindOfName(name string) UnitKind {
	switch {
	// 国务院部门 may make 规章 (立法法第九十一条): not a local department.
	case strings.HasPrefix(name, "国家") || strings.HasPrefix(name, "国务院") || strings.HasPrefix(name, "中华人民共和国"):
		return ""
	case townSuffixRE.MatchString(name):
		return UnitTownship
	case deptSuffixRE.MatchString(name):
		return UnitDepartment
	case strings.HasSuffix(name, "人民政府") || strings.HasSuffix(name, "管委会") || strings.HasSuffix(name, "管理委员会"):
		return UnitGovernment
	}
	return ""
}

var (
	townSuffixRE = regexp.MustCompile(`(?:镇|乡|街道)(?:人民政府|政府|办事处)?$`)
	deptSuffixRE = regexp.MustCompile(`(?:局|委员会|委|办公室|办公厅|厅|中心|办|署|院|馆|站|所)$`)
)

// titleName is the unit named at the start of a title line, before its
// year: "示例县和平镇人民政府2023年政府信息公开工作年度报告".
var titleNameRE = regexp.MustCompile(`(?m)^\s*([\p{Han}（）()]{2,30}?)\s*(?:关于)?\d{4}\s*年`)

func titleName(titles string) string {
	for _, m := range titleNameRE.FindAllStringSubmatch(titles, -1) {
		if kindOfName(m[1]) != "" {
			return m[1]
		}
	}
	for _, l := range strings.Split(titles, "\n") { // the name on a line of its own
		if l = strings.TrimSpace(l); utf8.RuneCountInString(l) <= 30 && kindOfName(l) != "" {
			return l
		}
	}
	return ""
}

// titleLines keeps the preamble's lines that can name the unit: short
// ones (a title, the unit's name on its own line) and those announcing
// the 年度报告.
func titleLines(preamble string) string {
	var b strings.Builder
	for _, l := range strings.Split(preamble, "\n") {
		if utf8.RuneCountInString(l) <= 40 || strings.Contains(l, "年度报告") || strings.Contains(l, "年报") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
