package annualreport

import (
	"fmt"
	"io"
	"strings"
)

// ExportFormat is a file format the report is exported in.
type ExportFormat string

const (
	ExportJSON ExportFormat = "json" // every cell with its canonical labels, and the check results
	ExportHTML ExportFormat = "html" // printable page with the official table layout
	ExportMD   ExportFormat = "md"   // Markdown: the tables with canonical label cells
	ExportDOCX ExportFormat = "docx" // Word (opens in Word, WPS and LibreOffice)
	ExportXLSX ExportFormat = "xlsx" // one sheet per table, merged header cells
)

// ExportFormats lists the formats in the order offered to staff.
var ExportFormats = []ExportFormat{ExportHTML, ExportDOCX, ExportXLSX, ExportMD, ExportJSON}

// ParseExportFormat reads a format name ("json", "html", "md", "docx",
// "xlsx"; case-insensitive, "markdown" for md).
func ParseExportFormat(s string) (ExportFormat, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "markdown" {
		s = "md"
	}
	for _, f := range ExportFormats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("不支持的导出格式“%s”，可选 json、html、md、docx、xlsx", s)
}

// ContentType is the MIME type of the format.
func (f ExportFormat) ContentType() string {
	switch f {
	case ExportJSON:
		return "application/json; charset=utf-8"
	case ExportHTML:
		return "text/html; charset=utf-8"
	case ExportMD:
		return "text/markdown; charset=utf-8"
	case ExportDOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ExportXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "application/octet-stream"
}

// Label is the name shown on download links.
func (f ExportFormat) Label() string {
	switch f {
	case ExportJSON:
		return "JSON数据"
	case ExportHTML:
		return "网页（可打印）"
	case ExportMD:
		return "Markdown"
	case ExportDOCX:
		return "Word文档"
	case ExportXLSX:
		return "Excel表格"
	}
	return string(f)
}

// Title is the report's title: "示例市经济和信息化局2024年政府信息公开工作年度报告".
func (r *Report) Title() string {
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.UnitName, r.Year)
}

// FileName is a download name for the format.
func (r *Report) FileName(f ExportFormat) string {
	return fmt.Sprintf("%s.%s", r.Title(), f)
}

// Export writes the report in a format. findings are the check results
// (JSON carries them; the other formats are the report as published).
func Export(w io.Writer, f ExportFormat, r *Report, findings []Finding) error {
	switch f {
	case ExportJSON:
		return WriteJSON(w, r, findings)
	case ExportHTML:
		return WriteHTML(w, r)
	case ExportMD:
		return WriteMarkdown(w, r)
	case ExportDOCX:
		return WriteDOCX(w, r)
	case ExportXLSX:
		return WriteXLSX(w, r)
	}
	_, err := ParseExportFormat(string(f))
	return err
}

// paragraphs splits a section's text into its non-empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// tableOf is the table shown after a section's text, if any.
func tableOf(s Section) (Table, bool) {
	switch s {
	case 2:
		return TableTwo, true
	case 3:
		return TableThree, true
	case 4:
		return TableFour, true
	}
	return "", false
}
