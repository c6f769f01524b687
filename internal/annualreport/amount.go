package annualreport

import (
	"errors"
	"strconv"
	"strings"
)

// Amount is an exact decimal with six fractional digits. Counts are whole
// Amounts; 行政事业性收费 is in 万元, and six digits of 万元 are exactly
// 分 (1 Amount unit = 0.01 元), so fees add up without float rounding.
type Amount int64

// One is the Amount 1.
const One Amount = 1_000_000

// Int is the Amount of a count.
func Int(n int64) Amount { return Amount(n) * One }

// FromFen converts an amount in 分 (0.01 元) to 万元: the scales coincide.
func FromFen(fen int64) Amount { return Amount(fen) }

// Fen is the amount read as 分 when it holds 万元.
func (a Amount) Fen() int64 { return int64(a) }

// IsInt reports whether a has no fractional part.
func (a Amount) IsInt() bool { return a%One == 0 }

// Int64 is the integer part (truncated towards zero).
func (a Amount) Int64() int64 { return int64(a / One) }

// String renders a without trailing fractional zeros: "4173", "0.5", "-3".
func (a Amount) String() string {
	neg := a < 0
	u := uint64(a)
	if neg {
		u = uint64(-a)
	}
	s := strconv.FormatUint(u/uint64(One), 10)
	if frac := u % uint64(One); frac != 0 {
		f := strings.TrimRight(strconv.FormatUint(frac+uint64(One), 10)[1:], "0")
		s += "." + f
	}
	if neg {
		s = "-" + s
	}
	return s
}

// ErrAmount is returned for text that is not a plain decimal number.
var ErrAmount = errors.New("not a number")

// ParseAmount reads "4173", "4,173", "0.5", "-2", "１２" (full-width digits
// as copied from web pages). More than six fractional digits is an error
// rather than a silent rounding.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(toHalfWidth(s))
	neg := false
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "−"):
		neg, s = true, strings.TrimLeft(strings.TrimPrefix(s, "-"), "−")
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	intPart = strings.ReplaceAll(intPart, ",", "")
	if intPart == "" || len(intPart) > 12 || len(frac) > 6 || (hasDot && frac == "") {
		return 0, ErrAmount
	}
	var v int64
	for _, c := range intPart + frac + strings.Repeat("0", 6-len(frac)) {
		if c < '0' || c > '9' {
			return 0, ErrAmount
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return Amount(v), nil
}

// toHalfWidth maps full-width digits and punctuation used in numbers
// (０-９ ． ， －) to ASCII.
func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '－':
			return '-'
		}
		return r
	}, s)
}
