package annualreport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/store"
)

// The import file of the administrative-decisions register: one row per
// 科室 and month, one column per kind, as staff keep it in Excel:
//
//	科室 | 月份 | 行政许可 | 行政处罚 | 行政强制 | 行政事业性收费（元）
//
// Columns are found by their header, in any order; a kind whose column is
// absent is not touched. The fee column is in 元 unless its header says
// 万元. Blank cells are 0.

// ImportError is one problem of an import file, by spreadsheet line.
type ImportError struct {
	Line    int // 1-based line in the file; 0 = the file as a whole
	Column  string
	Message string
}

func (e ImportError) String() string {
	switch {
	case e.Line == 0:
		return e.Message
	case e.Column == "":
		return fmt.Sprintf("第%d行：%s", e.Line, e.Message)
	}
	return fmt.Sprintf("第%d行“%s”：%s", e.Line, e.Column, e.Message)
}

// DecisionTemplateHeader is the header row of the template offered for download.
var DecisionTemplateHeader = []string{"科室", "月份", "行政许可", "行政处罚", "行政强制", "行政事业性收费（元）"}

// maxImportRows bounds a file (12 months × a few dozen 科室 is the real size).
const maxImportRows = 5000

// ParseDecisions reads an XLSX or CSV file (by name) into register cells
// of siteID and year. orgs maps 科室 names to ids. Every problem is
// reported with its line; cells are returned only when there is none, so
// a file is imported entirely or not at all.
func ParseDecisions(name string, data []byte, siteID int64, year int, orgs map[string]int64) ([]store.AdminDecision, []ImportError) {
	rows, err := readRows(name, data)
	if err != nil {
		return nil, []ImportError{{Message: err.Error()}}
	}
	if len(rows) == 0 {
		return nil, []ImportError{{Message: "文件是空的"}}
	}
	if len(rows) > maxImportRows {
		return nil, []ImportError{{Message: fmt.Sprintf("文件超过%d行，请分批导入", maxImportRows)}}
	}
	cols, feeWan, errs := readHeader(rows[0])
	if len(errs) > 0 {
		return nil, errs
	}
	var out []store.AdminDecision
	seen := map[[2]int64]int{}
	for i, row := range rows[1:] {
		line := i + 2
		cell := func(c int) string {
			if c < 0 || c >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[c])
		}
		if blankRow(row) {
			continue
		}
		orgName := cell(cols["org"])
		org, ok := orgs[orgName]
		if !ok {
			msg := "科室“" + orgName + "”不存在，请先在“科室”中添加或改为已有名称"
			if orgName == "" {
				msg = "缺少科室"
			}
			errs = append(errs, ImportError{Line: line, Column: "科室", Message: msg})
		}
		month, ok := parseMonth(cell(cols["month"]))
		if !ok {
			errs = append(errs, ImportError{Line: line, Column: "月份", Message: "“" + cell(cols["month"]) + "”不是1至12的月份"})
		}
		if prev, dup := seen[[2]int64{org, int64(month)}]; dup && org != 0 && month != 0 {
			errs = append(errs, ImportError{Line: line, Message: fmt.Sprintf("与第%d行的科室和月份重复", prev)})
		}
		seen[[2]int64{org, int64(month)}] = line
		for _, k := range store.DecisionKinds {
			c, ok := cols[string(k)]
			if !ok {
				continue
			}
			v, msg := parseDecisionValue(cell(c), k, feeWan)
			if msg != "" {
				errs = append(errs, ImportError{Line: line, Column: rows[0][c], Message: msg})
				continue
			}
			out = append(out, store.AdminDecision{SiteID: siteID, OrgID: org, Year: year, Month: month, Kind: k, Value: v})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(out) == 0 {
		return nil, []ImportError{{Message: "文件中没有数据行"}}
	}
	return out, nil
}

func readRows(name string, data []byte) ([][]string, error) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".xlsx"):
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("无法读取该 .xlsx 文件，请确认它是 Excel 工作簿")
		}
		defer f.Close()
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, fmt.Errorf("工作簿中没有工作表")
		}
		rows, err := f.GetRows(sheets[0])
		if err != nil {
			return nil, fmt.Errorf("无法读取第一个工作表")
		}
		return rows, nil
	case strings.HasSuffix(lower, ".csv"):
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) { // Excel in China saves CSV as GBK
			dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
			if err != nil {
				return nil, fmt.Errorf("无法识别文件编码，请另存为 UTF-8 的 CSV")
			}
			data = dec
		}
		rd := csv.NewReader(bytes.NewReader(data))
		rd.FieldsPerRecord = -1
		var rows [][]string
		for {
			rec, err := rd.Read()
			if err == io.EOF {
				return rows, nil
			}
			if err != nil {
				return nil, fmt.Errorf("CSV 格式有误：%s", csvLine(err))
			}
			rows = append(rows, rec)
		}
	}
	return nil, fmt.Errorf("只能导入 .xlsx 或 .csv 文件")
}

func csvLine(err error) string {
	if pe, ok := err.(*csv.ParseError); ok {
		return fmt.Sprintf("第%d行引号不匹配或字段有误", pe.Line)
	}
	return "无法解析"
}

// readHeader finds the columns. Header text is matched loosely (spaces,
// line breaks and the unit in brackets do not matter).
func readHeader(h []string) (map[string]int, bool, []ImportError) {
	cols := map[string]int{}
	feeWan := false
	for i, raw := range h {
		t := strings.Join(strings.Fields(raw), "")
		switch {
		case t == "科室" || t == "部门" || t == "科室名称":
			cols["org"] = i
		case t == "月份" || t == "月":
			cols["month"] = i
		case strings.HasPrefix(t, "行政事业性收费"):
			cols[string(store.DecisionFee)] = i
			feeWan = strings.Contains(t, "万元")
		default:
			for _, k := range store.DecisionKinds {
				if strings.HasPrefix(t, k.Label()) {
					cols[string(k)] = i
				}
			}
		}
	}
	var errs []ImportError
	if _, ok := cols["org"]; !ok {
		errs = append(errs, ImportError{Line: 1, Message: "表头缺少“科室”列"})
	}
	if _, ok := cols["month"]; !ok {
		errs = append(errs, ImportError{Line: 1, Message: "表头缺少“月份”列"})
	}
	if len(cols) < 3 && len(errs) == 0 {
		errs = append(errs, ImportError{Line: 1, Message: "表头缺少行政许可、行政处罚、行政强制或行政事业性收费列"})
	}
	return cols, feeWan, errs
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseMonth reads "3", "03", "3月", "三月", "2025-03", "2025年3月".
func parseMonth(s string) (int, bool) {
	s = strings.TrimSpace(toHalfWidth(s))
	if _, after, ok := strings.Cut(s, "年"); ok {
		s = after
	} else if _, after, ok := strings.Cut(s, "-"); ok {
		s = after
	}
	s = strings.TrimSuffix(s, "月份")
	s = strings.TrimSuffix(s, "月")
	n, err := strconv.Atoi(s)
	if err != nil {
		v, ok := ParseChinese(s)
		n, err = int(v), map[bool]error{true: nil, false: ErrAmount}[ok]
	}
	return n, err == nil && n >= 1 && n <= 12
}

// parseDecisionValue reads a count, or a fee in 元 (or 万元) as 分.
func parseDecisionValue(s string, k store.DecisionKind, feeWan bool) (int64, string) {
	if s == "" || s == "-" || s == "—" {
		return 0, ""
	}
	a, err := ParseAmount(s)
	if err != nil {
		return 0, "“" + s + "”不是数字"
	}
	if a < 0 {
		return 0, "不能为负数"
	}
	if !k.IsAmount() {
		if !a.IsInt() {
			return 0, "决定数量应为整数"
		}
		return a.Int64(), ""
	}
	if feeWan {
		return a.Fen(), "" // six decimals of 万元 are 分
	}
	if a%10_000 != 0 {
		return 0, "金额最多保留两位小数（精确到分）"
	}
	return int64(a / 10_000), ""
}
