package staff

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/store"
)

// serviceColumns maps the headers agencies use in their 办事指南 tables to
// the item's fields. Headers are compared after normalising (spaces, "*",
// "（必填）" and brackets dropped), so "事项名称*" and "项目 名称" both match.
var serviceColumns = map[string][]string{
	"code":       {"事项编码", "编码", "事项代码", "项目编码", "编号", "事项编号"},
	"name":       {"项目名称", "事项名称", "名称", "服务事项", "服务项目"},
	"agency":     {"实施主体", "实施机关", "办理机构", "实施机构"},
	"org":        {"承办科室", "责任科室", "科室", "承办处室"},
	"category":   {"事项类型", "类型", "类别", "事项类别"},
	"conditions": {"申请条件", "受理条件", "办理条件"},
	"steps":      {"办事程序", "办理流程", "办理程序", "流程", "办事流程"},
	"materials":  {"申报材料", "申请材料", "办理材料", "所需材料", "材料"},
	"promised":   {"承诺时限", "承诺办结时限", "承诺期限"},
	"legal":      {"法定时限", "法定办结时限", "法定期限"},
	"basis":      {"依据", "设定依据", "法律依据", "办理依据", "实施依据"},
	"fee":        {"收费", "收费标准", "是否收费", "收费依据及标准"},
	"phone":      {"咨询电话", "联系电话", "电话", "咨询方式"},
	"place":      {"办理地点", "地点", "受理地点"},
	"hours":      {"办理时间", "受理时间", "工作时间"},
	"online":     {"网上办理", "网办地址", "在线办理", "网上办理地址"},
}

func normalizeHeader(s string) string {
	s = strings.NewReplacer("（必填）", "", "(必填)", "", "*", "", "＊", "", " ", "", "　", "", "\n", "", "\r", "",
		"：", "", ":", "").Replace(s)
	return strings.TrimSpace(s)
}

// rowError is a problem of one row (0: the file), in Chinese.
type rowError struct {
	Row int
	Msg string
}

func (e rowError) String() string {
	if e.Row == 0 {
		return e.Msg
	}
	return fmt.Sprintf("第%d行：%s", e.Row, e.Msg)
}

// parseServiceXLSX reads the first sheet of a 办事指南 table: the header row
// is the first of the first five rows naming at least the item's name and
// code; every further non-empty row is an item. orgs maps 科室 names to IDs.
// Any row error means nothing is imported: the caller shows them all.
func parseServiceXLSX(r io.Reader, orgs map[string]int64) ([]store.ServiceItem, []rowError) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, []rowError{{0, "无法读取文件，请上传 Excel 2007 及以上版本的 .xlsx 文件"}}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, []rowError{{0, "文件中没有工作表"}}
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, []rowError{{0, "无法读取第一个工作表"}}
	}
	head, cols := -1, map[string]int{}
	for i := 0; i < len(rows) && i < 5 && head < 0; i++ {
		found := map[string]int{}
		for j, cell := range rows[i] {
			h := normalizeHeader(cell)
			for field, names := range serviceColumns {
				for _, n := range names {
					if _, dup := found[field]; h == n && !dup {
						found[field] = j
					}
				}
			}
		}
		if _, ok := found["name"]; ok {
			if _, ok := found["code"]; ok {
				head, cols = i, found
			}
		}
	}
	if head < 0 {
		return nil, []rowError{{0, "前5行中找不到表头：表头须包含“事项编码”和“项目名称”（或“事项名称”）两列"}}
	}
	var items []store.ServiceItem
	var errs []rowError
	seen := map[string]int{}
	for i := head + 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		get := func(field string) string {
			j, ok := cols[field]
			if !ok || j >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[j])
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		it := store.ServiceItem{Code: get("code"), Name: get("name"), Agency: get("agency"), Category: get("category"),
			Conditions: get("conditions"), Steps: multiline(get("steps")), Materials: multiline(get("materials")),
			PromisedLimit: get("promised"), LegalLimit: get("legal"), Basis: get("basis"), Fee: get("fee"), Phone: get("phone"),
			Place: get("place"), Hours: get("hours"), OnlineURL: get("online"), Published: true}
		for _, msg := range checkServiceItem(it) {
			errs = append(errs, rowError{n, msg})
		}
		if prev, dup := seen[it.Code]; dup && it.Code != "" {
			errs = append(errs, rowError{n, fmt.Sprintf("事项编码“%s”与第%d行重复", it.Code, prev)})
		}
		seen[it.Code] = n
		if org := get("org"); org != "" {
			if it.OrgID = orgs[org]; it.OrgID == 0 {
				errs = append(errs, rowError{n, fmt.Sprintf("承办科室“%s”不存在，请先在“科室”中添加或改为已有科室的名称", org)})
			}
		}
		items = append(items, it)
	}
	if len(items) == 0 && len(errs) == 0 {
		errs = append(errs, rowError{0, "表头下面没有任何事项"})
	}
	return items, errs
}

// multiline puts each step or material on its own line: cells list them
// separated by line breaks or "；".
func multiline(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "；", "\n", ";", "\n").Replace(s)
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// checkServiceItem is the validation shared by the form and the import.
func checkServiceItem(it store.ServiceItem) []string {
	var msgs []string
	if it.Code == "" {
		msgs = append(msgs, "缺少事项编码")
	} else if utf8.RuneCountInString(it.Code) > 64 || strings.ContainsAny(it.Code, "/\\?#% <>\"'") {
		msgs = append(msgs, "事项编码不超过64个字符，且不能含有空格和 / \\ ? # % < > 引号")
	}
	if n := utf8.RuneCountInString(it.Name); n == 0 || n > 200 {
		msgs = append(msgs, "缺少项目名称（不超过200个字）")
	}
	for _, f := range []struct{ label, v string }{{"办事程序", it.Steps}, {"申报材料", it.Materials}, {"申请条件", it.Conditions},
		{"设定依据", it.Basis}} {
		if utf8.RuneCountInString(f.v) > 5000 {
			msgs = append(msgs, f.label+"不超过5000个字")
		}
	}
	for _, f := range []struct{ label, v string }{{"实施主体", it.Agency}, {"事项类型", it.Category}, {"承诺时限", it.PromisedLimit},
		{"法定时限", it.LegalLimit}, {"收费标准", it.Fee}, {"咨询电话", it.Phone}, {"办理地点", it.Place}, {"办理时间", it.Hours}} {
		if utf8.RuneCountInString(f.v) > 500 {
			msgs = append(msgs, f.label+"不超过500个字")
		}
	}
	if it.OnlineURL != "" {
		if u, err := url.Parse(it.OnlineURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			msgs = append(msgs, "网上办理地址须为以 http:// 或 https:// 开头的完整网址")
		}
	}
	return msgs
}
