package annualreport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// errNotDOCX is returned for a file that is not a Word document.
var errNotDOCX = errors.New("不是有效的DOCX文件（缺少word/document.xml）")

// readDOCX reads word/document.xml of a Word document: paragraphs as
// narrative, tables as rows of cells (a cell's paragraphs joined by a
// space, which labelKey ignores in labels).
func readDOCX(data []byte) (source, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return source{}, errNotDOCX
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return source{}, errNotDOCX
	}
	rc, err := doc.Open()
	if err != nil {
		return source{}, err
	}
	defer rc.Close()
	return parseDocumentXML(io.LimitReader(rc, maxLintInput))
}

// parseDocumentXML walks the WordprocessingML body. Only the outermost
// table's rows become rows; a nested table's text joins its cell.
func parseDocumentXML(r io.Reader) (source, error) {
	h := &htmlReader{} // the same row and paragraph bookkeeping as HTML
	dec := xml.NewDecoder(r)
	var para, cell strings.Builder
	var cells []string
	depth := 0 // table nesting
	inCell, inT := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return source{}, errors.New("DOCX文件内容损坏: " + err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
			case "tr":
				if depth == 1 {
					cells = cells[:0]
				}
			case "tc":
				if depth == 1 {
					inCell = true
					cell.Reset()
				}
			case "t":
				inT = true
			case "tab":
				para.WriteString(" ")
			case "br", "cr":
				para.WriteString("\n")
			}
		case xml.CharData:
			if inT {
				para.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "p":
				if inCell {
					cell.WriteString(" " + para.String())
				} else {
					h.buf.WriteString(para.String() + "\n")
					h.flush()
				}
				para.Reset()
			case "tc":
				if depth == 1 {
					cells = append(cells, strings.Join(strings.Fields(cell.String()), " "))
					inCell = false
				}
			case "tr":
				if depth == 1 {
					h.addRow(append([]string(nil), cells...))
				}
			case "tbl":
				depth--
			}
		}
	}
	return source{items: h.items}, nil
}
