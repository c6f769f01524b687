package web

import (
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"gongkai/internal/files"
)

// Attachment is a Content-Disposition that has the browser save the
// response under name (RFC 6266): the UTF-8 name as filename* (RFC 8187),
// which current browsers use, and fallback, reduced to ASCII, as filename
// for old ones (the portal serves old PCs). Downloads are never inline:
// an uploaded HTML or SVG file must not run as a page of this origin.
func Attachment(fallback, name string) string {
	if name == "" {
		name = fallback
	}
	return `attachment; filename="` + asciiName(fallback) + `"; filename*=UTF-8''` + encodeExtValue(name)
}

// asciiName keeps letters, digits and . _ - of s, other bytes becoming _,
// so it can stand in a quoted string of any client.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "download"
	}
	return b.String()
}

// encodeExtValue percent-encodes s as an RFC 8187 value: every byte but
// the attr-chars.
func encodeExtValue(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// StoredFile is a file kept under the files directory, sent as a download.
type StoredFile struct {
	Kind     string // for the log: "attachment", "form"
	ID       int64
	StoredAs string // path relative to the files dir
	MIME     string
	Name     string // the name the user sees
	Fallback string // an ASCII name for old browsers
	Cache    string // Cache-Control
}

// ServeFile sends f as an attachment, with ranges and conditional
// requests. files.Open keeps the stored path inside the files directory
// whatever the database says; a file missing from the disk is logged and
// answered as not found.
func (a *App) ServeFile(w http.ResponseWriter, r *http.Request, f StoredFile) {
	file, err := files.Open(a.Cfg.FilesDir(), f.StoredAs)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, files.ErrOutside) {
		a.Log.Warn(f.Kind+" file missing", f.Kind, f.ID, "request_id", RequestID(r))
		err = ErrNotFound
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	defer file.Close()
	fi, err := file.Stat()
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	ct := f.MIME
	if ct == "" {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", Attachment(f.Fallback, f.Name))
	h.Set("Cache-Control", f.Cache)
	http.ServeContent(w, r, "", fi.ModTime(), file)
}
