package web

import (
	"strings"
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
