package public

import (
	"fmt"
	"strings"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// Messages of the form's own checks (the rest come from the domain).
const (
	msgConsent      = "请阅读个人信息处理说明，并勾选“我已阅读并同意”"
	msgCheckDigit   = "身份证号码校验位不正确，请核对最后一位后重新填写"
	msgIDLength     = "居民身份证号码应为18位（最后一位可能是X），您填写了%d位"
	msgIDBirth      = "身份证号码中的出生日期不正确，请核对"
	msgAnswer       = "请回答上面的问题后再提交"
	msgWrongAnswer  = "答案不正确，请回答新的问题"
	msgYearNotReady = "本年度的工作日历尚未设置，暂时无法计算答复期限，本平台暂不能在线受理。请稍后再试，或拨打本机关政府信息公开咨询电话"
)

// validate checks the application with the domain (条例第二十九条: the three
// blocks) and adds what only the form knows: the consent to the personal
// data notice and a clearer message for a 居民身份证 number.
func validate(f *applyForm, a disclosure.Application, today workday.Date) {
	for k, m := range a.Validate() {
		f.Errs.Add(k, m)
	}
	if a.Applicant.IDType == disclosure.IDResidentCard {
		if m := residentIDMessage(a.Applicant.IDNumber, today); m != "" {
			f.Errs["applicant.id_number"] = m
		}
	}
	if f.V(consentField) != "yes" {
		f.Errs.Add(consentField, msgConsent)
	}
}

// residentIDMessage says what is wrong with a 居民身份证号码 (GB 11643) more
// precisely than "incorrect": its length, its check character, or a birth
// date after today. "" when it is right or empty (the domain asks for it).
func residentIDMessage(s string, today workday.Date) string {
	n := disclosure.NormalizeResidentID(s)
	if n == "" {
		return ""
	}
	if len([]rune(n)) != 18 {
		return fmt.Sprintf(msgIDLength, len([]rune(n)))
	}
	if !disclosure.ValidResidentID(n) {
		// Some other last character would make it valid: the check
		// character is what is wrong (a typo there, or elsewhere, which
		// the check character exists to catch).
		for _, c := range "0123456789X" {
			if disclosure.ValidResidentID(n[:17] + string(c)) {
				return msgCheckDigit
			}
		}
		return ""
	}
	birth, err := time.Parse("20060102", n[6:14])
	if err == nil && workday.FromTime(birth).After(today) {
		return msgIDBirth
	}
	return ""
}

// cnDate writes a date as on an official document: 2026年11月27日.
func cnDate(d workday.Date) string {
	if d == (workday.Date{}) {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// oneLine shortens a text for a summary line.
func oneLine(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	return string(r[:limit]) + "……"
}
