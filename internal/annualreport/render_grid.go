package annualreport

// The three tables as grids of cells with their row and column spans,
// exactly as the 2021 format draws them (spec legal-rules §2.2–2.4). Every
// export (HTML, DOCX, XLSX, Markdown) renders these grids, so the layout
// is written down once.

// GridCell is one drawn cell: a header, a row label or a data cell.
type GridCell struct {
	Text    string
	Key     *Key   // the data cell it shows; nil for headers and labels
	Head    bool   // a column heading (th in a header row)
	Label   bool   // a row label (th scope=row)
	Scope   string // HTML scope of a th: col, colgroup, row, rowgroup
	RowSpan int    // ≥ 1
	ColSpan int    // ≥ 1
}

// GridRow is one drawn row; Head marks header rows (each block of table
// 二 has its own).
type GridRow struct {
	Cells []GridCell
	Head  bool
}

// Grid is one table as drawn.
type Grid struct {
	Table   Table
	Caption string
	Cols    int // grid columns
	Rows    []GridRow
}

// Grids lays out the report's three tables.
func Grids(r *Report) []Grid {
	return []Grid{gridTwo(r), gridThree(r), gridFour(r)}
}

func gridHead(text string, scope string, rows, cols int) GridCell {
	return GridCell{Text: text, Head: true, Scope: scope, RowSpan: rows, ColSpan: cols}
}

func gridLabel(text string, scope string, rows, cols int) GridCell {
	return GridCell{Text: text, Label: true, Scope: scope, RowSpan: rows, ColSpan: cols}
}

func gridData(r *Report, t Table, row, col string, cols int) GridCell {
	k := Key{t, row, col}
	return GridCell{Text: CellText(r, k), Key: &k, RowSpan: 1, ColSpan: cols}
}

// CellText is a cell as printed: counts as integers, amounts in 万元 with
// at least two decimals (more only when the amount needs them, so a
// printed table never rounds what the narrative states).
func CellText(r *Report, k Key) string {
	c := r.cells[k]
	if c.Invalid {
		return c.Raw
	}
	if kind, _ := KindOf(r.Format, k); kind == KindAmount {
		return AmountText(c.Value)
	}
	return c.Value.String()
}

// AmountText prints an amount with at least two decimals: "0.00", "12.50",
// "0.012345".
func AmountText(a Amount) string {
	s := a.String()
	dot := -1
	for i := range s {
		if s[i] == '.' {
			dot = i
		}
	}
	switch {
	case dot < 0:
		return s + ".00"
	case len(s)-dot == 2:
		return s + "0"
	}
	return s
}

// gridTwo: four columns; every block has a title row spanning the table
// and its own header row (信息内容 | columns). Blocks with one value column
// let it span the three value columns.
func gridTwo(r *Report) Grid {
	g := Grid{Table: TableTwo, Caption: TableTwo.Caption(), Cols: 4}
	for _, b := range TwoBlocks(r.Format) {
		g.Rows = append(g.Rows, GridRow{Head: true, Cells: []GridCell{gridHead(b.Title, "colgroup", 1, 4)}})
		// The last column takes what is left (the 2019 format has
		// two-column blocks).
		span := func(i int) int {
			if i == len(b.Cols)-1 {
				return 3 - (3/len(b.Cols))*(len(b.Cols)-1)
			}
			return 3 / len(b.Cols)
		}
		hdr := []GridCell{gridHead(LabelInfoContent, "col", 1, 1)}
		for i, c := range b.Cols {
			hdr = append(hdr, gridHead(c, "col", 1, span(i)))
		}
		g.Rows = append(g.Rows, GridRow{Head: true, Cells: hdr})
		for _, row := range b.Rows {
			cells := []GridCell{gridLabel(row, "row", 1, 1)}
			for i, c := range b.Cols {
				cells = append(cells, gridData(r, TableTwo, row, c, span(i)))
			}
			g.Rows = append(g.Rows, GridRow{Cells: cells})
		}
	}
	return g
}

// gridThree: three label columns and seven data columns under three header
// rows (申请人情况 over 自然人 | 法人或其他组织 | 总计, and the five kinds of
// 法人或其他组织 under it). 三、本年度办理结果 and the groups with sub-rows
// are label cells spanning their rows.
func gridThree(r *Report) Grid {
	g := Grid{Table: TableThree, Caption: TableThree.Caption(), Cols: 10}
	note := GridCell{Text: ThreeNote, RowSpan: 3, ColSpan: 3}
	g.Rows = append(g.Rows,
		GridRow{Head: true, Cells: []GridCell{note, gridHead(ThreeApplicants, "colgroup", 1, 7)}},
		GridRow{Head: true, Cells: []GridCell{gridHead(ColPerson, "col", 2, 1), gridHead(ThreeOrgs, "colgroup", 1, 5), gridHead(ColTotal, "col", 2, 1)}},
	)
	var orgs []GridCell
	for _, c := range ThreeCols[1:6] {
		orgs = append(orgs, gridHead(c, "col", 1, 1))
	}
	g.Rows = append(g.Rows, GridRow{Head: true, Cells: orgs})
	dataRow := func(labels []GridCell, row string) GridRow {
		cells := append([]GridCell(nil), labels...)
		for _, c := range ThreeCols {
			cells = append(cells, gridData(r, TableThree, row, c, 1))
		}
		return GridRow{Cells: cells}
	}
	g.Rows = append(g.Rows, dataRow([]GridCell{gridLabel(ThreeReceived, "row", 1, 3)}, ThreeReceived))
	g.Rows = append(g.Rows, dataRow([]GridCell{gridLabel(ThreeCarriedIn, "row", 1, 3)}, ThreeCarriedIn))
	results := len(ThreeResultRows(r.Format)) + 1 // with （七）总计
	first := true
	lead := func() []GridCell {
		if !first {
			return nil
		}
		first = false
		return []GridCell{gridLabel(ThreeResults, "rowgroup", results, 1)}
	}
	for _, grp := range ThreeGroups(r.Format) {
		if len(grp.Rows) == 0 {
			g.Rows = append(g.Rows, dataRow(append(lead(), gridLabel(grp.Label, "row", 1, 2)), grp.Label))
			continue
		}
		for i, sub := range grp.Rows {
			labels := lead()
			if i == 0 {
				labels = append(labels, gridLabel(grp.Label, "rowgroup", len(grp.Rows), 1))
			}
			g.Rows = append(g.Rows, dataRow(append(labels, gridLabel(sub, "row", 1, 1)), sub))
		}
	}
	g.Rows = append(g.Rows, dataRow([]GridCell{gridLabel(ThreeTotal, "row", 1, 2)}, ThreeTotal))
	g.Rows = append(g.Rows, dataRow([]GridCell{gridLabel(ThreeCarriedOut, "row", 1, 3)}, ThreeCarriedOut))
	return g
}

// gridFour: 15 data columns under a two-level header: 行政复议's five
// results span two header rows; 行政诉讼 spans its two blocks, each with
// its five results.
func gridFour(r *Report) Grid {
	g := Grid{Table: TableFour, Caption: TableFour.Caption(), Cols: 15}
	g.Rows = append(g.Rows, GridRow{Head: true, Cells: []GridCell{
		gridHead(FourReconsideration, "colgroup", 1, 5), gridHead(FourLitigation, "colgroup", 1, 10)}})
	var second, third []GridCell
	for _, c := range FourCols {
		second = append(second, gridHead(c, "col", 2, 1))
	}
	second = append(second, gridHead(FourDirect, "colgroup", 1, 5), gridHead(FourAfter, "colgroup", 1, 5))
	for range 2 {
		for _, c := range FourCols {
			third = append(third, gridHead(c, "col", 1, 1))
		}
	}
	g.Rows = append(g.Rows, GridRow{Head: true, Cells: second}, GridRow{Head: true, Cells: third})
	var row []GridCell
	for _, b := range FourBlocks {
		for _, c := range FourCols {
			row = append(row, gridData(r, TableFour, b, c, 1))
		}
	}
	g.Rows = append(g.Rows, GridRow{Cells: row})
	return g
}

// Slot is one position of the expanded grid: the cell covering it and
// whether the position is the cell's top row and left column.
type Slot struct {
	Cell     *GridCell
	Top      bool // first row of the cell's span
	Left     bool // first column of the cell's span
	Row, Col int  // the cell's origin
}

// Matrix expands the grid to one Slot per row and column, resolving the
// spans the way HTML does (a cell takes the next free column of its row).
func (g Grid) Matrix() [][]Slot {
	m := make([][]Slot, len(g.Rows))
	for i := range m {
		m[i] = make([]Slot, g.Cols)
	}
	for i := range g.Rows {
		col := 0
		for j := range g.Rows[i].Cells {
			c := &g.Rows[i].Cells[j]
			for col < g.Cols && m[i][col].Cell != nil {
				col++
			}
			for dr := 0; dr < c.RowSpan && i+dr < len(m); dr++ {
				for dc := 0; dc < c.ColSpan && col+dc < g.Cols; dc++ {
					m[i+dr][col+dc] = Slot{Cell: c, Top: dr == 0, Left: dc == 0, Row: i, Col: col}
				}
			}
			col += c.ColSpan
		}
	}
	return m
}
