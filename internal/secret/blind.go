package secret

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// Blind returns the blind index of value under the primary key:
// "{key id}:{hex of HMAC-SHA-256, 128 bits}". Equal values (after
// Normalize) give equal indexes, so the store can count and find one
// applicant's applications (条例第三十五条: frequent applicants;
// 第三十六条(六): repeat applications) without decrypting anything; the
// index reveals nothing without the key. "" stays "".
func (kr *Keyring) Blind(f Field, value string) string {
	return blindWith(kr.Primary(), f, value)
}

// BlindAll returns the index of value under every key, primary first, for
// lookups while a rotation is under way (rows not yet moved still carry
// the old key's index).
func (kr *Keyring) BlindAll(f Field, value string) []string {
	if Normalize(f, value) == "" {
		return nil
	}
	out := make([]string, len(kr.keys))
	for i, k := range kr.keys {
		out[i] = blindWith(k, f, value)
	}
	return out
}

func blindWith(k *Key, f Field, value string) string {
	v := Normalize(f, value)
	if v == "" {
		return ""
	}
	m := hmac.New(sha256.New, k.blind)
	m.Write([]byte(f))
	m.Write([]byte{0})
	m.Write([]byte(v))
	return k.ID + ":" + hex.EncodeToString(m.Sum(nil)[:16])
}

// Normalize is the form a value is indexed under: without spaces or
// hyphens, letters in upper case (the check character X of a 身份证号 is
// written either way), and for phones without a +86/86 country prefix.
func Normalize(f Field, value string) string {
	v := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u3000' {
			return -1
		}
		return unicode.ToUpper(r)
	}, value)
	if f == FieldPhone {
		v = strings.TrimPrefix(v, "+")
		if len(v) == 13 && strings.HasPrefix(v, "86") {
			v = v[2:]
		}
	}
	return v
}
