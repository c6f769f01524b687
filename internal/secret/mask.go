package secret

import "strings"

// Lists show personal data masked; the full value is shown only on an
// explicit, audited action (issue 3 §5).

// MaskID keeps the first 3 and last 4 characters of an ID number:
// 110***********1234.
func MaskID(id string) string { return maskMiddle(Normalize(FieldIDNumber, id), 3, 4) }

// MaskPhone keeps the first 3 and last 4 digits: 138****5678.
func MaskPhone(phone string) string { return maskMiddle(Normalize(FieldPhone, phone), 3, 4) }

// MaskAddress keeps the first 6 characters (province and city, usually)
// and hides the rest: 北京市海淀区****.
func MaskAddress(addr string) string {
	r := []rune(strings.TrimSpace(addr))
	if len(r) == 0 {
		return ""
	}
	if len(r) <= 6 {
		return string(r[:len(r)/2]) + "****"
	}
	return string(r[:6]) + "****"
}

// MaskEmail keeps the first character of the local part and the domain:
// z***@example.com.
func MaskEmail(email string) string {
	local, domain, ok := strings.Cut(strings.TrimSpace(email), "@")
	if !ok || local == "" {
		return maskMiddle(email, 1, 0)
	}
	return string([]rune(local)[:1]) + "***@" + domain
}

// maskMiddle replaces all but the first head and last tail characters with
// *, one per character; values too short to keep both ends are masked
// except for their first character.
func maskMiddle(s string, head, tail int) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	if len(r) <= head+tail {
		return string(r[:1]) + strings.Repeat("*", len(r)-1)
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
