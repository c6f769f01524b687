package annualreport

import (
	"strings"
	"unicode/utf8"
)

// Chinese numerals as written in report narratives: "四", "十五",
// "一千二百三十四", "两万零五", and digit-by-digit "二〇二三".
var cnDigits = map[rune]int64{'零': 0, '〇': 0, '○': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9}

var cnUnits = map[rune]int64{'十': 10, '百': 100, '千': 1000, '万': 10_000, '亿': 100_000_000}

func isCNNumeral(r rune) bool {
	switch r {
	case '零', '〇', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// ParseChinese reads a Chinese numeral. ok is false for anything that is
// not wholly a well-formed numeral ("十十", "百", an empty string).
func ParseChinese(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	hasUnit := false
	for _, r := range s {
		if !isCNNumeral(r) {
			return 0, false
		}
		if _, u := cnUnits[r]; u {
			hasUnit = true
		}
	}
	if !hasUnit { // "二〇二三", "四"
		var v int64
		for _, r := range s {
			v = v*10 + cnDigits[r]
		}
		return v, utf8.RuneCountInString(s) <= 12
	}
	var total, section, digit int64
	haveDigit := false
	lastSmall := int64(10_000) // small units (十百千) must decrease within a section
	for _, r := range []rune(s) {
		if d, ok := cnDigits[r]; ok {
			if haveDigit && digit != 0 {
				return 0, false // "三四" inside a unit numeral
			}
			digit, haveDigit = d, true
			continue
		}
		switch u := cnUnits[r]; u {
		case 10_000, 100_000_000:
			if section+digit == 0 {
				return 0, false // "万" without a multiplier
			}
			if u == 10_000 {
				total += (section + digit) * u
			} else {
				total = (total + section + digit) * u
			}
			section, digit, haveDigit, lastSmall = 0, 0, false, 10_000
		default:
			if u >= lastSmall {
				return 0, false // "十百", "百百"
			}
			if !haveDigit || digit == 0 {
				if u != 10 {
					return 0, false // only 十 may stand without a digit: "十五", "一百十"
				}
				digit = 1
			}
			section += digit * u
			digit, haveDigit, lastSmall = 0, false, u
		}
	}
	return total + section + digit, true
}

// parseNumberToken reads a number token as found in a narrative: Arabic
// ("4173", "4,173", "0.5", full-width digits) or Chinese, optionally
// followed by 万 ("1.2万"), in which case it is multiplied.
func parseNumberToken(s string) (Amount, bool) {
	mult := Amount(1)
	if strings.HasSuffix(s, "万") && !strings.ContainsAny(strings.TrimSuffix(s, "万"), "十百千万亿一二三四五六七八九两零〇") {
		s, mult = strings.TrimSuffix(s, "万"), 10_000
	}
	if a, err := ParseAmount(s); err == nil {
		return a * mult, a >= 0
	}
	if n, ok := ParseChinese(s); ok {
		return Int(n), true
	}
	return 0, false
}

// isArabic reports whether r can be part of an Arabic number token.
func isArabic(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}
