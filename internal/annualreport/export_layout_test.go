package annualreport_test

import (
	"testing"

	"gongkai/internal/annualreport"
)

// The layout checks below are written from the format (spec legal-rules
// §2.2–2.4), not from the exporter's grid: each export is read back into
// cells with their spans, the spans are compared with the format's, and
// every number is located by its row label and column headers and
// compared with the report's cell.

// spanCell is a cell as an export writes it: text and spans.
type spanCell struct {
	text             string
	rowspan, colspan int
}

// ltable is a table read back: every grid position points at the cell
// covering it.
type ltable struct {
	cells []*spanCell
	slots [][]*spanCell
}

// layoutHTML places cells row by row the way HTML does: a cell takes the
// next column not covered by a rowspan from above.
func layoutHTML(rows [][]spanCell) ltable {
	var lt ltable
	grow := func(r int) {
		for len(lt.slots) <= r {
			lt.slots = append(lt.slots, nil)
		}
	}
	for i, row := range rows {
		grow(i)
		col := 0
		for j := range row {
			c := &row[j]
			lt.cells = append(lt.cells, c)
			for col < len(lt.slots[i]) && lt.slots[i][col] != nil {
				col++
			}
			for dr := 0; dr < max(c.rowspan, 1); dr++ {
				grow(i + dr)
				for dc := 0; dc < max(c.colspan, 1); dc++ {
					for len(lt.slots[i+dr]) <= col+dc {
						lt.slots[i+dr] = append(lt.slots[i+dr], nil)
					}
					lt.slots[i+dr][col+dc] = c
				}
			}
			col += max(c.colspan, 1)
		}
	}
	return lt
}

func (lt ltable) at(row, col int) string {
	if row < 0 || row >= len(lt.slots) || col < 0 || col >= len(lt.slots[row]) || lt.slots[row][col] == nil {
		return ""
	}
	return lt.slots[row][col].text
}

// formatSpans are the spanning cells of the 2021 format: text → {rowspan,
// colspan}. Labels that occur more than once (结果维持, 总计) are checked at
// their first occurrence.
var formatSpans = map[annualreport.Table]map[string][2]int{
	annualreport.TableTwo: {
		"第二十条第（一）项": {1, 4}, "第二十条第（五）项": {1, 4}, "第二十条第（六）项": {1, 4}, "第二十条第（八）项": {1, 4},
		"本年处理决定数量": {1, 3}, "本年收费金额（单位：万元）": {1, 3}, "本年制发件数": {1, 1}, "行政规范性文件": {1, 1},
	},
	annualreport.TableThree: {
		"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）": {3, 3},
		"申请人情况": {1, 7}, "自然人": {2, 1}, "法人或其他组织": {1, 5}, "总计": {2, 1}, "商业企业": {1, 1},
		"一、本年新收政府信息公开申请数量": {1, 3}, "二、上年结转政府信息公开申请数量": {1, 3},
		"三、本年度办理结果": {22, 1}, "（一）予以公开": {1, 2}, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": {1, 2},
		"（三）不予公开": {8, 1}, "（四）无法提供": {3, 1}, "（五）不予处理": {5, 1}, "（六）其他处理": {3, 1},
		"1.属于国家秘密": {1, 1}, "（七）总计": {1, 2}, "四、结转下年度继续办理": {1, 3},
	},
	annualreport.TableFour: {
		"行政复议": {1, 5}, "行政诉讼": {1, 10}, "结果维持": {2, 1}, "总计": {2, 1},
		"未经复议直接起诉": {1, 5}, "复议后起诉": {1, 5},
	},
}

var gridCols = map[annualreport.Table]int{annualreport.TableTwo: 4, annualreport.TableThree: 10, annualreport.TableFour: 15}

// checkLayout checks three tables read back from an export against the
// format and the report.
func checkLayout(t *testing.T, what string, tables []ltable, r *annualreport.Report) {
	t.Helper()
	if len(tables) != 3 {
		t.Fatalf("%s: %d tables, want 3", what, len(tables))
	}
	seen := map[annualreport.Key]int{}
	for i, tb := range []annualreport.Table{annualreport.TableTwo, annualreport.TableThree, annualreport.TableFour} {
		lt := tables[i]
		for row, slots := range lt.slots {
			if len(slots) != gridCols[tb] {
				t.Errorf("%s table %s row %d covers %d columns, want %d", what, tb, row, len(slots), gridCols[tb])
			}
			for col, c := range slots {
				if c == nil {
					t.Errorf("%s table %s: position (%d,%d) is not covered by any cell", what, tb, row, col)
				}
			}
		}
		checked := map[string]bool{}
		for _, c := range lt.cells {
			want, ok := formatSpans[tb][c.text]
			if !ok || checked[c.text] {
				continue
			}
			checked[c.text] = true
			if got := [2]int{max(c.rowspan, 1), max(c.colspan, 1)}; got != want {
				t.Errorf("%s table %s %q spans %d×%d, want %d×%d", what, tb, c.text, got[0], got[1], want[0], want[1])
			}
		}
		for text := range formatSpans[tb] {
			if !checked[text] {
				t.Errorf("%s table %s has no cell %q", what, tb, text)
			}
		}
		for row, slots := range lt.slots {
			for col, c := range slots {
				if c == nil || (col > 0 && slots[col-1] == c) || (row > 0 && col < len(lt.slots[row-1]) && lt.slots[row-1][col] == c) {
					continue // not the cell's origin
				}
				v, err := annualreport.ParseAmount(c.text)
				if err != nil {
					continue // a label or header
				}
				k := keyAt(lt, tb, row, col)
				seen[k]++
				if want := r.Value(k.Table, k.Row, k.Col); want != v {
					t.Errorf("%s table %s %q/%q = %s, report has %s", what, tb, k.Row, k.Col, v, want)
				}
			}
		}
	}
	for _, k := range r.Keys() {
		if seen[k] != 1 {
			t.Errorf("%s: cell %s/%s/%s shown %d times, want once", what, k.Table, k.Row, k.Col, seen[k])
		}
	}
}

// keyAt names the data cell at a position by its labels, as a reader of
// the printed table would.
func keyAt(lt ltable, tb annualreport.Table, row, col int) annualreport.Key {
	switch tb {
	case annualreport.TableTwo:
		hdr := row - 1
		for hdr >= 0 && lt.at(hdr, 0) != annualreport.LabelInfoContent {
			hdr--
		}
		return annualreport.Key{Table: tb, Row: lt.at(row, 0), Col: lt.at(hdr, col)}
	case annualreport.TableThree:
		return annualreport.Key{Table: tb, Row: lt.at(row, 2), Col: lt.at(2, col)}
	}
	block := lt.at(1, col)
	if col < 5 {
		block = lt.at(0, col)
	}
	return annualreport.Key{Table: tb, Row: block, Col: lt.at(2, col)}
}
