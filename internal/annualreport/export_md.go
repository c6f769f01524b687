package annualreport

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown: the title, the six sections
// and the three tables as Markdown tables. Every row's label cell is the
// canonical label of its row (spec legal-rules §2.2–2.4); Markdown has no
// spans, so the spanning header rows are flattened into one header row and
// a group label (三、本年度办理结果, （三）不予公开 …) is a row of its own
// with empty value cells, followed by its sub-rows.
func WriteMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", mdEscape(r.Title()))
	for _, s := range Sections {
		fmt.Fprintf(bw, "\n## %s\n\n", s.Title())
		for _, p := range paragraphs(r.Sections[s]) {
			fmt.Fprintf(bw, "%s\n\n", mdEscape(p))
		}
		switch s {
		case 2:
			mdTwo(bw, r)
		case 3:
			mdThree(bw, r)
		case 4:
			mdFour(bw, r)
		}
	}
	return bw.Flush()
}

// mdEscape keeps text from being read as Markdown syntax: pipes (which
// would split a table cell) and a leading #, >, - or digit-dot.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	for _, p := range []string{"#", ">", "-", "+", "*", "=", "`"} {
		if strings.HasPrefix(s, p) {
			return `\` + s
		}
	}
	return s
}

func mdRow(w io.Writer, cells []string) {
	for i := range cells {
		cells[i] = mdEscape(cells[i])
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
}

func mdHeader(w io.Writer, cells []string, labelCols int) {
	mdRow(w, cells)
	sep := make([]string, len(cells))
	for i := range sep {
		sep[i] = "---:"
		if i < labelCols {
			sep[i] = "---"
		}
	}
	fmt.Fprintf(w, "|%s|\n", strings.Join(sep, "|"))
}

// mdTwo: one Markdown table per block of table 二, each under its block
// title, as the format gives each block its own header row.
func mdTwo(w io.Writer, r *Report) {
	for _, b := range TwoBlocks(r.Format) {
		fmt.Fprintf(w, "%s\n\n", b.Title)
		mdHeader(w, append([]string{LabelInfoContent}, b.Cols...), 1)
		for _, row := range b.Rows {
			cells := []string{row}
			for _, c := range b.Cols {
				cells = append(cells, CellText(r, Key{TableTwo, row, c}))
			}
			mdRow(w, cells)
		}
		fmt.Fprintln(w)
	}
}

// mdThree: the header note, then the seven columns (申请人情况 and
// 法人或其他组织 are spanning headers only, spec §2.3).
func mdThree(w io.Writer, r *Report) {
	mdHeader(w, append([]string{ThreeNote}, ThreeCols...), 1)
	empty := make([]string, len(ThreeCols))
	values := func(row string) []string {
		cells := []string{row}
		for _, c := range ThreeCols {
			cells = append(cells, CellText(r, Key{TableThree, row, c}))
		}
		return cells
	}
	mdRow(w, values(ThreeReceived))
	mdRow(w, values(ThreeCarriedIn))
	mdRow(w, append([]string{ThreeResults}, empty...))
	for _, g := range ThreeGroups(r.Format) {
		if len(g.Rows) == 0 {
			mdRow(w, values(g.Label))
			continue
		}
		mdRow(w, append([]string{g.Label}, empty...))
		for _, sub := range g.Rows {
			mdRow(w, values(sub))
		}
	}
	mdRow(w, values(ThreeTotal))
	mdRow(w, values(ThreeCarriedOut))
	fmt.Fprintln(w)
}

// mdFour: the two-level header flattened to "block：result" column names,
// and the row of 15 values.
func mdFour(w io.Writer, r *Report) {
	var hdr, vals []string
	for _, b := range FourBlocks {
		name := b
		if b != FourReconsideration {
			name = FourLitigation + "（" + b + "）"
		}
		for _, c := range FourCols {
			hdr = append(hdr, name+"："+c)
			vals = append(vals, CellText(r, Key{TableFour, b, c}))
		}
	}
	mdHeader(w, hdr, 0)
	mdRow(w, vals)
	fmt.Fprintln(w)
}
