package annualreport

import (
	"io"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Point sizes after 党政机关公文格式 (GB/T 9704): title 二号 (22pt), text
// 三号 (16pt); tables in 五号 (10.5pt, written as 10: godocx takes whole
// points) so table 三's ten columns fit the A4 text width.
const (
	docxTitleSize = 22
	docxTextSize  = 16
	docxTableSize = 10
)

// docxColumnWidths are each table's grid column widths in twentieths of a
// point. They are multiples of 72 (1.27 mm), which LibreOffice converts to
// its 1/100 mm units exactly: other widths round and it splits a grid
// column into a visible one and a 1-twip sliver, which breaks the spans.
func docxColumnWidths(g Grid) []uint64 {
	w := make([]uint64, g.Cols)
	switch g.Table {
	case TableTwo:
		w[0] = 34 * 72
		for i := 1; i < g.Cols; i++ {
			w[i] = 30 * 72
		}
	case TableThree:
		w[0], w[1], w[2] = 12*72, 14*72, 33*72
		for i := 3; i < g.Cols; i++ {
			w[i] = 9 * 72
		}
	default:
		for i := range w {
			w[i] = 8 * 72
		}
	}
	return w
}

// WriteDOCX writes the report as a Word document that Word, WPS and
// LibreOffice open: the title, the six sections, and the three tables with
// their merged cells written as WordprocessingML expects them — a
// horizontal span is one w:tc with w:gridSpan, a vertical span is a
// w:vMerge="restart" cell followed by a w:vMerge (continue) cell in each
// row below. godocx's own RowSpan writes w:cellMerge, a revision-tracking
// element Word does not render as a merge, so the vMerge is set on the
// cell properties directly.
func WriteDOCX(w io.Writer, r *Report) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	title := doc.AddEmptyParagraph()
	title.Justification(stypes.JustificationCenter)
	docxText(title, r.Title(), "SimHei", docxTitleSize).Bold(true)
	grids := map[Table]Grid{}
	for _, g := range Grids(r) {
		grids[g.Table] = g
	}
	two := 200 // first-line indent of two characters (hundredths)
	for _, s := range Sections {
		h := doc.AddEmptyParagraph()
		docxText(h, s.Title(), "SimHei", docxTextSize)
		for _, p := range paragraphs(r.Sections[s]) {
			para := doc.AddEmptyParagraph()
			para.Indent(&ctypes.Indent{FirstLineChars: &two})
			para.Justification(stypes.JustificationBoth)
			docxText(para, p, "FangSong", docxTextSize)
		}
		if t, ok := tableOf(s); ok {
			docxTable(doc, grids[t])
		}
	}
	return doc.Write(w)
}

// docxText adds a run of text in a font for Latin and East Asian text
// alike (Run.Font sets only the Latin slots; Chinese text uses eastAsia).
func docxText(p *docx.Paragraph, text, font string, size uint64) *docx.Run {
	run := p.AddText(text).Size(size).Font(font)
	children := p.GetCT().Children
	children[len(children)-1].Run.Property.Fonts.EastAsia = font
	return run
}

func docxTable(doc *docx.RootDoc, g Grid) {
	tbl := doc.AddTable()
	tbl.Style("TableGrid")
	widths := docxColumnWidths(g)
	var total uint64
	for _, x := range widths {
		total += x
	}
	tbl.Width(int(total), stypes.TableWidthDxa) // within A4's text width less 2.5 cm margins (9000)
	tbl.Layout(stypes.TableLayoutFixed)
	tbl.Grid(widths...)
	m := g.Matrix()
	for i, gr := range g.Rows {
		row := tbl.AddRow()
		rowCT := tbl.GetCT().RowContents[len(tbl.GetCT().RowContents)-1].Row
		if gr.Head {
			rowCT.Property.Header = ctypes.OnOffFromBool(true) // repeated on each page
		}
		rowCT.Property.CantSplit = ctypes.OnOffFromBool(true)
		for c := 0; c < g.Cols; c++ {
			slot := m[i][c]
			if slot.Cell == nil || !slot.Left {
				continue // covered by a gridSpan to the left
			}
			cell := row.AddCell()
			cellCT := rowCT.Contents[len(rowCT.Contents)-1].Cell
			var width uint64
			for k := 0; k < slot.Cell.ColSpan && c+k < g.Cols; k++ {
				width += widths[c+k]
			}
			cell.Width(int(width), stypes.TableWidthDxa)
			if slot.Cell.ColSpan > 1 {
				cellCT.Property.GridSpan = &ctypes.DecimalNum{Val: slot.Cell.ColSpan}
			}
			if slot.Cell.RowSpan > 1 {
				merge := stypes.MergeCellContinue
				if slot.Top {
					merge = stypes.MergeCellRestart
				}
				cellCT.Property.VMerge = ctypes.NewGenOptStrVal(merge)
			}
			cell.VerticalAlign("center")
			para := cell.AddEmptyPara()
			if !slot.Top {
				continue // a continuation cell holds an empty paragraph
			}
			if slot.Cell.Key != nil || slot.Cell.Head {
				para.Justification(stypes.JustificationCenter)
			}
			run := docxText(para, slot.Cell.Text, "SimSun", docxTableSize)
			if slot.Cell.Head {
				run.Bold(true)
			}
		}
	}
	doc.AddEmptyParagraph()
}
