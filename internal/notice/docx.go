package notice

import (
	"io"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Sizes in points, after 党政机关公文格式 (GB/T 9704): the title in 二号
// (22pt), the text in 三号 (16pt).
const (
	titleSize = 22
	textSize  = 16
)

// WriteDOCX writes the notice as a Word document: the title centred and
// bold, the 受理编号 right-aligned, the address line flush left, every
// other paragraph indented by two characters, the organ and the date
// right-aligned under the text.
func (n Notice) WriteDOCX(w io.Writer) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	title := doc.AddEmptyParagraph()
	title.Justification(stypes.JustificationCenter)
	title.AddText(n.Title).Bold(true).Size(titleSize)

	code := doc.AddEmptyParagraph()
	code.Justification(stypes.JustificationRight)
	code.AddText(n.Code).Size(textSize)

	two := 200 // firstLineChars is in hundredths of a character
	for i, p := range n.Paragraphs {
		para := doc.AddEmptyParagraph()
		if i > 0 || !isAddress(p) {
			para.Indent(&ctypes.Indent{FirstLineChars: &two})
		}
		para.Justification(stypes.JustificationBoth)
		para.AddText(p).Size(textSize)
	}
	doc.AddEmptyParagraph()
	for _, s := range []string{n.Organ, n.Date} {
		para := doc.AddEmptyParagraph()
		para.Justification(stypes.JustificationRight)
		para.AddText(s).Size(textSize)
	}
	return doc.Write(w)
}

func isAddress(p string) bool {
	r := []rune(p)
	return len(r) > 0 && (r[len(r)-1] == '：' || r[len(r)-1] == ':')
}
