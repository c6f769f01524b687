package catalog

import (
	"bytes"
	"net/http"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// HeadSize is how many first bytes of a file Matches looks at: as many as
// http.DetectContentType reads.
const HeadSize = 512

// FileType is an attachment type a government document may carry. The
// extension decides the type, and the first bytes of the file must agree,
// so a renamed executable or web page cannot pass as a PDF or a text file.
type FileType struct {
	Ext   string                 // lower case, without the dot
	MIME  string                 // sent with downloads
	Name  string                 // what staff call it, for messages: "Word" for doc and docx
	magic func(head []byte) bool // nil for text, which isText checks
	text  bool
}

func prefix(p string) func([]byte) bool {
	return func(h []byte) bool { return bytes.HasPrefix(h, []byte(p)) }
}

var (
	ole  = prefix("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") // Word 97-2003, Excel, WPS and its spreadsheet ET
	zipc = prefix("PK\x03\x04")                       // docx, xlsx and OFD are ZIP containers
	// A .zip may also be an empty archive, which has only the end record.
	zipa = func(h []byte) bool { return zipc(h) || bytes.HasPrefix(h, []byte("PK\x05\x06")) }
	jpeg = prefix("\xff\xd8\xff")
	gif  = func(h []byte) bool {
		return bytes.HasPrefix(h, []byte("GIF87a")) || bytes.HasPrefix(h, []byte("GIF89a"))
	}
)

// fileTypes are what government sites publish as attachments: PDF and OFD
// (the national layout format, GB/T 33190), Microsoft and WPS office files,
// archives, images and text. The order is that of FileTypeNames.
var fileTypes = []FileType{
	{Ext: "pdf", MIME: "application/pdf", Name: "PDF", magic: prefix("%PDF-")},
	{Ext: "ofd", MIME: "application/ofd", Name: "OFD", magic: zipc},
	{Ext: "doc", MIME: "application/msword", Name: "Word", magic: ole},
	{Ext: "docx", MIME: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Name: "Word", magic: zipc},
	{Ext: "xls", MIME: "application/vnd.ms-excel", Name: "Excel", magic: ole},
	{Ext: "xlsx", MIME: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Name: "Excel", magic: zipc},
	{Ext: "wps", MIME: "application/wps-office.wps", Name: "WPS", magic: ole},
	{Ext: "et", MIME: "application/wps-office.et", Name: "WPS", magic: ole},
	{Ext: "zip", MIME: "application/zip", Name: "ZIP", magic: zipa},
	{Ext: "rar", MIME: "application/vnd.rar", Name: "RAR", magic: prefix("Rar!\x1a\x07")}, // RAR 4 and 5
	{Ext: "jpg", MIME: "image/jpeg", Name: "JPG", magic: jpeg},
	{Ext: "jpeg", MIME: "image/jpeg", Name: "JPG", magic: jpeg},
	{Ext: "png", MIME: "image/png", Name: "PNG", magic: prefix("\x89PNG\r\n\x1a\n")},
	{Ext: "gif", MIME: "image/gif", Name: "GIF", magic: gif},
	{Ext: "txt", MIME: "text/plain; charset=utf-8", Name: "TXT", text: true},
	{Ext: "csv", MIME: "text/csv; charset=utf-8", Name: "CSV", text: true},
}

// FileTypeOf is the type of a file by its extension, in any case.
func FileTypeOf(name string) (FileType, bool) {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(strings.ReplaceAll(name, `\`, "/")), "."))
	for _, t := range fileTypes {
		if t.Ext == ext && ext != "" {
			return t, true
		}
	}
	return FileType{}, false
}

// Matches reports whether the first bytes of a file (up to HeadSize; more
// are ignored) agree with the type.
func (t FileType) Matches(head []byte) bool {
	cut := len(head) >= HeadSize
	if cut {
		head = head[:HeadSize]
	}
	switch {
	case len(head) == 0:
		return false
	case t.text:
		return isText(head, cut)
	case t.magic == nil: // the zero FileType
		return false
	}
	return t.magic(head)
}

// Text reports whether the type is plain text, which must be UTF-8.
func (t FileType) Text() bool { return t.text }

// Hint tells the user what to check when the content does not match.
func (t FileType) Hint() string {
	if t.text {
		return "文本文件须为 UTF-8 编码的纯文本（不能是网页）：可用记事本“另存为”UTF-8 编码，或在 Excel 中另存为“CSV UTF-8”"
	}
	return "请确认文件未损坏或被改名"
}

// FileTypeExts are the accepted extensions without the dot, sorted.
func FileTypeExts() []string {
	exts := make([]string, 0, len(fileTypes))
	for _, t := range fileTypes {
		exts = append(exts, t.Ext)
	}
	slices.Sort(exts)
	return exts
}

// FileTypeNames is the list of accepted types for messages, e.g.
// "PDF、OFD、Word、Excel、WPS、ZIP、RAR、JPG、PNG、GIF、TXT、CSV".
func FileTypeNames() string {
	var names []string
	for _, t := range fileTypes {
		if !slices.Contains(names, t.Name) {
			names = append(names, t.Name)
		}
	}
	return strings.Join(names, "、")
}

// isText accepts UTF-8 text without NUL or other control bytes. The MIME
// type says charset=utf-8, so GBK text would show garbled. HTML is refused:
// a browser could run it. cut says the head ends where the reading stopped,
// possibly inside a multi-byte character.
func isText(h []byte, cut bool) bool {
	if cut {
		h = trimPartialRune(h)
	}
	if bytes.IndexByte(h, 0) >= 0 || !utf8.Valid(h) {
		return false
	}
	return strings.HasPrefix(http.DetectContentType(h), "text/plain")
}

// trimPartialRune drops the start of a multi-byte character at the end of h
// whose remaining bytes were not read. Invalid bytes are kept, to fail.
func trimPartialRune(h []byte) []byte {
	for i := len(h) - 1; i >= 0 && i >= len(h)-utf8.UTFMax; i-- {
		if utf8.RuneStart(h[i]) {
			if !utf8.FullRune(h[i:]) {
				return h[:i]
			}
			break
		}
	}
	return h
}

// CleanFileName makes an attachment's name safe to show, to store and to
// put in a download address: path separators become "_" (the name is one
// element of /files/{id}/{name}), control characters go, and it keeps at
// most 120 characters, extension included. A name of dots only is no
// name: "" is returned.
func CleanFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\':
			return '_'
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if strings.Trim(name, ".") == "" {
		return "" // "." and ".." are no names, and would change the address
	}
	const limit = 120
	r := []rune(name)
	if len(r) <= limit {
		return name
	}
	ext := []rune(path.Ext(name))
	if len(ext) >= limit/2 {
		ext = nil
	}
	return strings.TrimSpace(string(r[:limit-len(ext)])) + string(ext)
}
