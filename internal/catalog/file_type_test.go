package catalog

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// Real first bytes of each format.
var (
	pdfHead  = []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
	oleHead  = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00\x00\x00\x00\x00")
	zipHead  = []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")
	rar4Head = []byte("Rar!\x1a\x07\x00\xcf\x90s\x00")
	rar5Head = []byte("Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5")
	jpgHead  = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	pngHead  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	gifHead  = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00")
	exeHead  = []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff")
	htmlHead = []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
	textHead = []byte("关于开展2026年度技术改造项目申报的通知\r\n各区县经信局：\t请于3月底前报送。\n")
	csvHead  = []byte("\xef\xbb\xbf序号,项目名称,金额（万元）\n1,智能制造改造,120\n")
	gbkHead  = []byte("\xb9\xd8\xd3\xda\xbf\xaa\xd5\xb9") // 关于开展 in GBK
)

// cutText is UTF-8 text of more than HeadSize bytes whose HeadSize-th byte
// falls inside a three-byte character.
func cutText(t *testing.T) []byte {
	b := append([]byte("x"), bytes.Repeat([]byte("政务公开"), 60)...)
	if utf8.Valid(b[:HeadSize]) {
		t.Fatal("the fixture should cut a character at HeadSize")
	}
	return b
}

func TestFileTypeMatches(t *testing.T) {
	cases := []struct {
		name string
		head []byte
		want bool
	}{
		{"通知.pdf", pdfHead, true},
		{"版式.OFD", zipHead, true},
		{"旧版.doc", oleHead, true},
		{"通知.DOCX", zipHead, true},
		{"表格.xls", oleHead, true},
		{"表格.xlsx", zipHead, true},
		{"文字.wps", oleHead, true},
		{"表格.et", oleHead, true},
		{"材料.zip", zipHead, true},
		{"空包.zip", []byte("PK\x05\x06\x00\x00\x00\x00"), true},
		{"材料.rar", rar4Head, true},
		{"材料5.rar", rar5Head, true},
		{"照片.jpg", jpgHead, true},
		{"照片.JPEG", jpgHead, true},
		{"图.png", pngHead, true},
		{"动图.gif", gifHead, true},
		{"说明.txt", textHead, true},
		{"名单.csv", csvHead, true},
		{"长文.txt", cutText(t), true},
		// Renamed or mislabelled files.
		{"setup.pdf", exeHead, false},
		{"setup.doc", exeHead, false},
		{"宏.docx", pdfHead, false},
		{"空包.docx", []byte("PK\x05\x06\x00\x00"), false},
		{"假图.png", jpgHead, false},
		{"假图.gif", []byte("GIF8"), false},
		{"网页.txt", htmlHead, false},
		{"网页.csv", []byte("  <p>段落</p>"), false},
		{"二进制.txt", []byte{'a', 0x00, 'b'}, false},
		{"控制符.txt", []byte("a\x01b"), false},
		{"GBK.txt", gbkHead, false},
		{"空.txt", nil, false},
		{"空.pdf", nil, false},
		{"半截.txt", []byte("正文\xe6\x94"), false}, // short file: not cut by the head, so invalid
	}
	for _, c := range cases {
		ft, ok := FileTypeOf(c.name)
		if !ok {
			t.Errorf("%s: type not known", c.name)
			continue
		}
		if got := ft.Matches(c.head); got != c.want {
			t.Errorf("%s: Matches = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestFileTypeOf(t *testing.T) {
	for _, name := range []string{"setup.exe", "page.html", "page.htm", "image.svg", "noext", "pdf", ".", "a.pdf.js", `dir.pdf\file`, ""} {
		if ft, ok := FileTypeOf(name); ok {
			t.Errorf("%q: accepted as %s", name, ft.Ext)
		}
	}
	ft, ok := FileTypeOf("C:/公文/通知.PDF")
	if !ok || ft.Ext != "pdf" || ft.MIME != "application/pdf" || ft.Name != "PDF" || ft.Text() {
		t.Fatalf("pdf: %+v %v", ft, ok)
	}
	if ft, _ := FileTypeOf("a.csv"); !ft.Text() || !strings.Contains(ft.Hint(), "UTF-8") {
		t.Fatalf("csv is text: %+v", ft)
	}
	if (FileType{}).Matches(pdfHead) {
		t.Fatal("the zero FileType matches")
	}
}

func TestFileTypeLists(t *testing.T) {
	want := "doc docx et gif jpeg jpg ofd pdf png rar txt wps xls xlsx zip csv"
	exts := FileTypeExts()
	if len(exts) != len(strings.Fields(want)) {
		t.Fatalf("exts: %v", exts)
	}
	for _, e := range strings.Fields(want) {
		if _, ok := FileTypeOf("x." + e); !ok {
			t.Errorf("%s not accepted", e)
		}
	}
	for i := 1; i < len(exts); i++ {
		if exts[i-1] >= exts[i] {
			t.Fatalf("not sorted: %v", exts)
		}
	}
	if got := FileTypeNames(); got != "PDF、OFD、Word、Excel、WPS、ZIP、RAR、JPG、PNG、GIF、TXT、CSV" {
		t.Fatalf("names: %s", got)
	}
}

func TestCleanFileName(t *testing.T) {
	long := strings.Repeat("长", 200)
	cases := map[string]string{
		"  通知.pdf ":           "通知.pdf",
		"a/b\\c.doc":          "a_b_c.doc",
		"bad\x00\x1f\x7fname": "badname",
		long + ".docx":        strings.Repeat("长", 115) + ".docx",
		long:                  strings.Repeat("长", 120),
		"..":                  "",
		" . ":                 "",
		"...txt":              "...txt",
	}
	for in, want := range cases {
		if got := CleanFileName(in); got != want {
			t.Errorf("CleanFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
