package annualreport

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// item is one piece of a published report after reading it: a paragraph
// of narrative, or one table cell. Cells of a physical row that the source
// makes known (a pipe-separated line, an HTML or DOCX table row) share a
// row number; a cell read alone (one cell per line, spec §2.8) has row 0.
type item struct {
	text string
	key  string // labelKey(text) of a cell, set by readTables
	line int    // 1-based line of a text input; the row or paragraph ordinal of HTML and DOCX
	row  int
	para bool
}

// source is a report as read: its items, and whether its own header says
// the capture is partial (data/reports' "excerpt-complete: partial").
type source struct {
	items   []item
	partial bool
}

var (
	lineCleaner = strings.NewReplacer("\u00a0", " ", "｜", "|", "\t", "|")
	mdSeparator = regexp.MustCompile(`^[\s|:\-—]+$`)
	blockTitle  = regexp.MustCompile(`^第二十条\s*第?\s*[（(]`)
)

// readText splits text copied from a web page into items. Tables come in
// three shapes: one row per line with pipes ("规章 | 0 | 0 | 0 |"), one
// cell per line ending in a pipe ("规章 |"), and one cell per line with
// separator lines holding only "|" (spec §2.8). Lines without a pipe are
// cells while a table is open and look like cells; otherwise narrative.
func readText(text string) source {
	var src source
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	inTable, rowID := false, 0
	for i, raw := range lines {
		n := i + 1
		// A table copied from a browser arrives with tabs between cells;
		// some pages print full-width bars.
		line := raw
		// Most lines need no cleaning (strings.Contains per character is much
		// faster than ContainsAny with non-ASCII characters).
		if strings.IndexByte(raw, '\t') >= 0 || strings.Contains(raw, "\u00a0") || strings.Contains(raw, "｜") {
			line = lineCleaner.Replace(raw)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n <= 3 { // capture metadata of data/reports
			if v, ok := strings.CutPrefix(line, "excerpt-complete:"); ok {
				src.partial = strings.TrimSpace(v) != "complete"
				continue
			}
			if strings.HasPrefix(line, "source:") {
				continue
			}
		}
		if strings.Contains(line, "|") {
			if mdSeparator.MatchString(line) {
				inTable = true
				continue
			}
			cells := splitPipes(line)
			inTable = true
			switch len(cells) {
			case 0:
			case 1:
				src.items = append(src.items, item{text: cells[0], line: n})
			default:
				rowID++
				for _, c := range cells {
					src.items = append(src.items, item{text: c, line: n, row: rowID})
				}
			}
			continue
		}
		if looksLikeCell(line, inTable) {
			inTable = true
			src.items = append(src.items, item{text: line, line: n})
			continue
		}
		inTable = false
		src.items = append(src.items, item{text: line, line: n, para: true})
	}
	return src
}

// splitPipes splits a pipe-separated line into cells, dropping the empty
// cells before the first and after the last filled one (rowspan spacers
// and colspan padding) but keeping empty cells between them: those are
// blank data cells.
func splitPipes(line string) []string {
	parts := strings.Split(line, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	for len(parts) > 0 && parts[0] == "" {
		parts = parts[1:]
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// looksLikeCell decides whether a line without pipes is a table cell: a
// table's own first cells always are; inside a table, short lines that do
// not read as a sentence or a section heading are.
func looksLikeCell(line string, inTable bool) bool {
	k := labelKey(line)
	if blockTitle.MatchString(line) || strings.Contains(k, "勾稽关系") || k == canonKey(LabelInfoContent) || k == FourReconsideration {
		return true
	}
	if !inTable {
		return false
	}
	if isTableLabel(k) {
		return true
	}
	if _, ok := headingAt(line); ok {
		return false
	}
	if utf8.RuneCountInString(line) > 60 {
		return false
	}
	return !strings.HasSuffix(line, "。") && !strings.HasSuffix(line, ":") && !strings.HasSuffix(line, "：")
}

// isTableLabel reports whether a key is one of the table labels that
// start like a section heading ("一、本年新收…", "四、结转下年度继续办理").
func isTableLabel(k string) bool {
	for _, l := range []string{ThreeReceived, ThreeCarriedIn, ThreeResults, ThreeCarriedOut} {
		if near(k, canonKey(l)) {
			return true
		}
	}
	return false
}
