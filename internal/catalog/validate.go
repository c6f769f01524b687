package catalog

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldErrors maps a form field to its Chinese message.
type FieldErrors map[string]string

// Add records msg for field unless the field already has one.
func (fe FieldErrors) Add(field, msg string) {
	if _, ok := fe[field]; !ok {
		fe[field] = msg
	}
}

// Err returns fe as an error, or nil when empty.
func (fe FieldErrors) Err() error {
	if len(fe) == 0 {
		return nil
	}
	return fe
}

func (fe FieldErrors) Error() string { return "表单有误" }

var (
	dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	// 文号 like 黄经信发〔2023〕5号: brackets are 〔〕 (U+3014/U+3015).
	docNoRE = regexp.MustCompile(`^\p{Han}[\p{Han}A-Za-z0-9]*〔\d{4}〕\d+号$`)
	// USCC is the 18-character 统一社会信用代码 (GB 32100-2015 character set).
	usccRE = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$`)
)

// ValidDate reports whether s is an existing YYYY-MM-DD date.
func ValidDate(s string) bool {
	if !dateRE.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// ValidUSCC reports whether s has the shape of a 统一社会信用代码.
func ValidUSCC(s string) bool { return usccRE.MatchString(s) }

// Validate checks a document's metadata before it is saved. Titles and
// dates are required; a 文号 must use 〔〕; normative documents need a 文号.
func (d Document) Validate() FieldErrors {
	fe := FieldErrors{}
	title := strings.TrimSpace(d.Title)
	switch {
	case title == "":
		fe.Add("title", "请填写标题")
	case utf8.RuneCountInString(title) > 200:
		fe.Add("title", "标题不能超过200个字")
	}
	if d.ColumnID == 0 {
		fe.Add("column", "请选择栏目")
	}
	if utf8.RuneCountInString(d.Summary) > 500 {
		fe.Add("summary", "内容概述不能超过500个字")
	}
	if !ValidDate(d.WrittenOn) {
		fe.Add("written_on", "请按“2024-01-29”的格式填写成文日期")
	}
	if d.ChangedOn != "" && !ValidDate(d.ChangedOn) {
		fe.Add("changed_on", "请按“2024-01-29”的格式填写变更日期")
	}
	if d.ChangedOn != "" && ValidDate(d.WrittenOn) && d.ChangedOn < d.WrittenOn {
		fe.Add("changed_on", "变更日期不能早于成文日期")
	}
	if d.DocNo != "" && !docNoRE.MatchString(d.DocNo) {
		fe.Add("doc_no", "文号格式应如“黄经信发〔2023〕5号”，年份使用六角括号〔〕")
	}
	if !d.Genre.Known() {
		fe.Add("genre", "请选择文件类别")
	} else if d.Genre != GenreOther && d.DocNo == "" {
		fe.Add("doc_no", "规章和行政规范性文件必须填写文号")
	}
	if !d.Validity.Known() {
		fe.Add("validity", "请选择有效性")
	}
	for _, c := range d.Channels {
		if !c.Channel.Known() {
			fe.Add("channels", "发布渠道只能是：政务微信、报纸、电视、广播、其他")
		} else if !ValidDate(c.Date) {
			fe.Add("channels", "请填写各发布渠道的发布日期")
		}
	}
	return fe
}
