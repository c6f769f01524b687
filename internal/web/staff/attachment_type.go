package staff

import (
	"bytes"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
)

// fileKind is an attachment type staff may upload: the extension decides
// the type, and the first bytes of the file must agree, so a renamed
// executable or script is refused.
type fileKind struct {
	mime  string
	magic func(head []byte) bool
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // Word 97-2003, Excel, WPS, ET
	zipMagic = []byte("PK\x03\x04")                                   // docx, xlsx, ofd, zip
)

func prefix(p []byte) func([]byte) bool { return func(h []byte) bool { return bytes.HasPrefix(h, p) } }

func isZip(h []byte) bool {
	return bytes.HasPrefix(h, zipMagic) || bytes.HasPrefix(h, []byte("PK\x05\x06"))
}

// isText accepts what http.DetectContentType takes for text (UTF-8 or GBK
// text has no control bytes), but not HTML, which a browser could run.
func isText(h []byte) bool {
	ct := http.DetectContentType(h)
	return strings.HasPrefix(ct, "text/plain")
}

// fileKinds are the attachment types of government documents: PDF, Word,
// Excel, WPS and its spreadsheet ET, OFD (the national layout format),
// images, ZIP archives and plain text.
var fileKinds = map[string]fileKind{
	"pdf":  {"application/pdf", prefix([]byte("%PDF-"))},
	"doc":  {"application/msword", prefix(oleMagic)},
	"xls":  {"application/vnd.ms-excel", prefix(oleMagic)},
	"wps":  {"application/wps-office.wps", prefix(oleMagic)},
	"et":   {"application/wps-office.et", prefix(oleMagic)},
	"docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", isZip},
	"xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", isZip},
	"ofd":  {"application/ofd", isZip},
	"zip":  {"application/zip", isZip},
	"jpg":  {"image/jpeg", prefix([]byte{0xFF, 0xD8, 0xFF})},
	"jpeg": {"image/jpeg", prefix([]byte{0xFF, 0xD8, 0xFF})},
	"png":  {"image/png", prefix([]byte("\x89PNG\r\n\x1a\n"))},
	"txt":  {"text/plain; charset=utf-8", isText},
}

// fileExt is the lower-case extension of name without the dot.
func fileExt(name string) string {
	return strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
}

// acceptList is the file input's accept attribute.
func acceptList() string {
	exts := make([]string, 0, len(fileKinds))
	for e := range fileKinds {
		exts = append(exts, "."+e)
	}
	sort.Strings(exts)
	return strings.Join(exts, ",")
}

// cleanFileName keeps the last path element of an uploaded file's name
// (browsers on Windows may send a full path) without control characters.
func cleanFileName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	return clip(strings.TrimSpace(name), 120)
}
