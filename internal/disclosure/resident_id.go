package disclosure

import (
	"strings"
	"time"
)

// residentIDWeights are the GB 11643-1999 weights: 2^(17−i) mod 11 for the
// first 17 characters (ISO 7064 MOD 11-2).
var residentIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// residentIDCheck maps the weighted sum mod 11 to the check character.
const residentIDCheck = "10X98765432"

// residentIDProvinces are the first two digits of GB/T 2260 province-level
// codes, plus 81/82/83 used by the 港澳台居民居住证 numbers.
var residentIDProvinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// NormalizeResidentID trims spaces and upper-cases a trailing x.
func NormalizeResidentID(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// ValidResidentID reports whether s is an 18-character mainland 居民身份证号码
// (GB 11643-1999): a known province code, an existing birth date from 1900
// on, and the ISO 7064 MOD 11-2 check character (0–9 or X). A lower-case x
// and surrounding spaces are accepted (see NormalizeResidentID). Whether
// the birth date lies in the future is for the caller, who has the clock.
func ValidResidentID(s string) bool {
	s = NormalizeResidentID(s)
	if len(s) != 18 {
		return false
	}
	if check, ok := ResidentIDCheck(s[:17]); !ok || s[17] != check {
		return false
	}
	if !residentIDProvinces[s[:2]] {
		return false
	}
	birth, err := time.Parse("20060102", s[6:14])
	return err == nil && birth.Year() >= 1900
}

// ResidentIDCheck returns the GB 11643-1999 check character (0–9 or X) of
// the first 17 digits of a 居民身份证号码; ok is false unless first17 is 17
// ASCII digits. Forms use ValidResidentID; this is for making well-formed
// numbers (demo data, tests).
func ResidentIDCheck(first17 string) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := range 17 {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * residentIDWeights[i]
	}
	return residentIDCheck[sum%11], true
}
