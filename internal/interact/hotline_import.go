package interact

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The 12345 platform's XLSX export: one sheet, a header row, one ticket per
// row. Exports from different versions of the platform name and order the
// columns differently, so columns are found by their header, through the
// synonyms below, never by position.
var hotlineHeaders = map[string][]string{
	"ticket_no":    {"工单编号", "工单号", "受理编号", "编号", "工单流水号"},
	"received_at":  {"受理时间", "来电时间", "登记时间", "派单时间", "创建时间"},
	"kind":         {"诉求类型", "工单类型", "业务类型", "诉求类别"},
	"caller_kind":  {"来电人类别", "诉求人类别", "来电人类型", "诉求人类型"},
	"caller_name":  {"来电人", "来电人姓名", "诉求人", "诉求人姓名", "姓名"},
	"caller_phone": {"联系电话", "来电号码", "联系方式", "诉求人电话", "电话"},
	"subject":      {"诉求标题", "标题", "主题", "工单标题"},
	"content":      {"诉求内容", "内容", "来电内容", "问题描述"},
	"org":          {"承办科室", "承办单位", "办理单位", "处理单位"},
	"handling":     {"办理情况", "处理情况", "答复内容", "办理意见", "回复内容"},
	"result":       {"办理结果", "办结状态", "工单状态", "处理结果"},
	"closed_at":    {"办结时间", "回复时间", "完成时间", "答复时间"},
}

// hotlineLabels names each field in messages, by the platform's usual header.
var hotlineLabels = map[string]string{
	"ticket_no": "工单编号", "received_at": "受理时间", "kind": "诉求类型", "caller_kind": "来电人类别",
	"caller_name": "来电人", "caller_phone": "联系电话", "subject": "诉求标题", "content": "诉求内容",
	"org": "承办科室", "handling": "办理情况", "result": "办理结果", "closed_at": "办结时间", "channel": "来源渠道",
}

// requiredHotlineHeaders must be present for the file to be read at all.
var requiredHotlineHeaders = []string{"ticket_no", "received_at", "subject"}

// ImportProblem is one Chinese message about one row (Line is the
// spreadsheet's row number, as the user sees it in Excel).
type ImportProblem struct {
	Line    int
	Message string
}

func (p ImportProblem) String() string { return fmt.Sprintf("第%d行：%s", p.Line, p.Message) }

// HotlineImport is what a file holds: the valid cases and the problems of
// the invalid rows. The store imports all or nothing, so a caller imports
// only when Problems is empty.
type HotlineImport struct {
	Cases    []HotlineCase
	Problems []ImportProblem
}

// ParseHotlineXLSX reads the 12345 export. orgs maps a 科室's name to its
// ID; rows with no 承办科室 go to defaultOrg. It fails only when the file
// cannot be read as a spreadsheet or lacks a required column.
func ParseHotlineXLSX(r io.Reader, orgs map[string]int64, defaultOrg int64, loc *time.Location) (HotlineImport, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return HotlineImport{}, fmt.Errorf("无法读取文件，请上传12345平台导出的 .xlsx 表格")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return HotlineImport{}, fmt.Errorf("表格中没有工作表")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return HotlineImport{}, fmt.Errorf("无法读取工作表“%s”", sheets[0])
	}
	if len(rows) == 0 {
		return HotlineImport{}, fmt.Errorf("工作表“%s”是空的", sheets[0])
	}
	cols := mapHotlineHeader(rows[0])
	var missing []string
	for _, k := range requiredHotlineHeaders {
		if _, ok := cols[k]; !ok {
			missing = append(missing, hotlineLabels[k])
		}
	}
	if len(missing) > 0 {
		return HotlineImport{}, fmt.Errorf("表头缺少以下列：%s（第1行应为表头）", strings.Join(missing, "、"))
	}
	var out HotlineImport
	seen := map[string]int{}
	for i, row := range rows[1:] {
		line := i + 2
		cell := func(k string) string {
			if j, ok := cols[k]; ok && j < len(row) {
				return strings.TrimSpace(row[j])
			}
			return ""
		}
		if slices.IndexFunc(row, func(s string) bool { return strings.TrimSpace(s) != "" }) < 0 {
			continue // blank rows between blocks are common in exports
		}
		c, probs := hotlineRow(cell, orgs, defaultOrg, loc)
		if prev, dup := seen[c.TicketNo]; dup && c.TicketNo != "" {
			probs = append(probs, fmt.Sprintf("工单编号“%s”与第%d行重复", c.TicketNo, prev))
		}
		if len(probs) > 0 {
			for _, m := range probs {
				out.Problems = append(out.Problems, ImportProblem{Line: line, Message: m})
			}
			continue
		}
		seen[c.TicketNo] = line
		out.Cases = append(out.Cases, c)
	}
	if len(out.Cases) == 0 && len(out.Problems) == 0 {
		return out, fmt.Errorf("表格中没有工单（只有表头）")
	}
	return out, nil
}

func mapHotlineHeader(header []string) map[string]int {
	cols := map[string]int{}
	for j, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		h = strings.TrimSuffix(strings.TrimSuffix(h, "*"), "：")
		for field, names := range hotlineHeaders {
			if _, taken := cols[field]; !taken && slices.Contains(names, h) {
				cols[field] = j
			}
		}
	}
	return cols
}

// hotlineRow turns one row into a case, with the row's problems.
func hotlineRow(cell func(string) string, orgs map[string]int64, defaultOrg int64, loc *time.Location) (HotlineCase, []string) {
	var probs []string
	said := map[string]bool{} // fields with a message already, so Validate does not repeat it
	bad := func(field, msg string) { probs, said[field] = append(probs, msg), true }
	c := HotlineCase{Channel: Channel12345, TicketNo: cell("ticket_no"), CallerName: cell("caller_name"),
		CallerPhone: strings.ReplaceAll(cell("caller_phone"), " ", ""), Subject: cell("subject"),
		Content: cell("content"), Handling: cell("handling")}
	if c.Subject == "" && c.Content != "" {
		c.Subject = truncateRunes(c.Content, 40)
	}
	var ok bool
	if c.Kind, ok = hotlineKindOf(cell("kind")); !ok {
		bad("kind", fmt.Sprintf("诉求类型“%s”无法识别，应为投诉、咨询、求助、建议、举报或表扬", cell("kind")))
	}
	c.CallerKind = callerKindOf(cell("caller_kind"), c.CallerName)
	if c.Result, ok = hotlineResultOf(cell("result")); !ok {
		bad("result", fmt.Sprintf("办理结果“%s”无法识别，应为办理中、已解决、已解释说明、未能解决或退回", cell("result")))
	}
	if v := cell("received_at"); v != "" {
		if c.ReceivedAt, ok = ParseDateTime(v, loc); !ok {
			bad("received_at", fmt.Sprintf("受理时间“%s”无法识别，应为 2023-03-15 09:30", v))
		}
	}
	if v := cell("closed_at"); v != "" {
		if c.ClosedAt, ok = ParseDateTime(v, loc); !ok {
			bad("closed_at", fmt.Sprintf("办结时间“%s”无法识别，应为 2023-03-15 17:00", v))
		}
	}
	switch name := cell("org"); {
	case name == "":
		c.OrgID = defaultOrg
	case orgs[name] != 0:
		c.OrgID = orgs[name]
	default:
		bad("org", fmt.Sprintf("承办科室“%s”不是本单位的科室，请改为科室名称或先在科室管理中添加", name))
	}
	fe := c.Validate()
	for _, k := range sortedKeys(fe) {
		if !said[k] {
			probs = append(probs, hotlineLabels[k]+"："+fe[k])
		}
	}
	return c, probs
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func hotlineKindOf(s string) (HotlineKind, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "类"), "件")
	switch s {
	case "投诉":
		return HotlineComplaint, true
	case "咨询", "查询":
		return HotlineConsult, true
	case "求助", "求决":
		return HotlineHelp, true
	case "建议", "意见建议", "意见":
		return HotlineSuggest, true
	case "举报":
		return HotlineReport, true
	case "表扬", "感谢":
		return HotlinePraise, true
	}
	return "", false
}

func callerKindOf(s, name string) CallerKind {
	switch {
	case strings.Contains(s, "企业") || strings.Contains(s, "公司"):
		return CallerBusiness
	case strings.Contains(s, "组织") || strings.Contains(s, "单位") || s == "其他":
		return CallerOrg
	case strings.Contains(s, "匿名") || (s == "" && name == ""):
		return CallerAnonymous
	}
	return CallerPerson
}

func hotlineResultOf(s string) (HotlineResult, bool) {
	switch s {
	case "", "办理中", "处理中", "待办理", "已签收", "待回复":
		return ResultOpen, true
	case "已解决", "已办结", "办结", "已完成", "解决":
		return ResultResolved, true
	case "已解释说明", "已解释", "解释说明", "已答复":
		return ResultExplained, true
	case "未解决", "未能解决":
		return ResultUnresolved, true
	case "退回", "已退回", "退单", "非本单位职责":
		return ResultReturned, true
	}
	return "", false
}
