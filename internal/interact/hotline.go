package interact

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/workday"
)

// HotlineChannel is how a matter reached the agency outside the message
// board. The seed report's "通过办公电话接听来电投诉15次" is the count of
// ChannelPhone cases of HotlineComplaint kind in 2023.
type HotlineChannel string

const (
	Channel12345  HotlineChannel = "12345"  // 12345 政务服务便民热线 转办工单
	ChannelPhone  HotlineChannel = "phone"  // 办公电话来电
	ChannelLetter HotlineChannel = "letter" // 来信
	ChannelVisit  HotlineChannel = "visit"  // 来访
	ChannelEmail  HotlineChannel = "email"  // 电子邮件
)

// HotlineChannels lists the channels in display order.
var HotlineChannels = []HotlineChannel{Channel12345, ChannelPhone, ChannelLetter, ChannelVisit, ChannelEmail}

// Label is the Chinese name of the channel.
func (c HotlineChannel) Label() string {
	switch c {
	case Channel12345:
		return "12345转办"
	case ChannelPhone:
		return "来电"
	case ChannelLetter:
		return "来信"
	case ChannelVisit:
		return "来访"
	case ChannelEmail:
		return "电子邮件"
	}
	return string(c)
}

// HotlineKind is the kind of matter (诉求类型), as the 12345 platform
// classifies its tickets.
type HotlineKind string

const (
	HotlineComplaint HotlineKind = "complaint" // 投诉
	HotlineConsult   HotlineKind = "consult"   // 咨询
	HotlineHelp      HotlineKind = "help"      // 求助
	HotlineSuggest   HotlineKind = "suggest"   // 建议
	HotlineReport    HotlineKind = "report"    // 举报
	HotlinePraise    HotlineKind = "praise"    // 表扬
)

// HotlineKinds lists the kinds in display order.
var HotlineKinds = []HotlineKind{HotlineComplaint, HotlineConsult, HotlineHelp, HotlineSuggest, HotlineReport, HotlinePraise}

// Label is the Chinese name of the kind.
func (k HotlineKind) Label() string {
	switch k {
	case HotlineComplaint:
		return "投诉"
	case HotlineConsult:
		return "咨询"
	case HotlineHelp:
		return "求助"
	case HotlineSuggest:
		return "建议"
	case HotlineReport:
		return "举报"
	case HotlinePraise:
		return "表扬"
	}
	return string(k)
}

// CallerKind is who called or wrote (来电人类别).
type CallerKind string

const (
	CallerPerson    CallerKind = "person"    // 个人
	CallerBusiness  CallerKind = "business"  // 企业
	CallerOrg       CallerKind = "org"       // 社会组织及其他
	CallerAnonymous CallerKind = "anonymous" // 匿名
)

// CallerKinds lists the categories in display order.
var CallerKinds = []CallerKind{CallerPerson, CallerBusiness, CallerOrg, CallerAnonymous}

// Label is the Chinese name of the category.
func (k CallerKind) Label() string {
	switch k {
	case CallerPerson:
		return "个人"
	case CallerBusiness:
		return "企业"
	case CallerOrg:
		return "社会组织及其他"
	case CallerAnonymous:
		return "匿名"
	}
	return string(k)
}

// HotlineResult is the outcome of a case.
type HotlineResult string

const (
	ResultOpen       HotlineResult = "open"       // 办理中
	ResultResolved   HotlineResult = "resolved"   // 已解决
	ResultExplained  HotlineResult = "explained"  // 已解释说明
	ResultUnresolved HotlineResult = "unresolved" // 未能解决
	ResultReturned   HotlineResult = "returned"   // 非本单位职责，已退回
)

// HotlineResults lists the outcomes in display order.
var HotlineResults = []HotlineResult{ResultOpen, ResultResolved, ResultExplained, ResultUnresolved, ResultReturned}

// Label is the Chinese name of the outcome.
func (r HotlineResult) Label() string {
	switch r {
	case ResultOpen:
		return "办理中"
	case ResultResolved:
		return "已解决"
	case ResultExplained:
		return "已解释说明"
	case ResultUnresolved:
		return "未能解决"
	case ResultReturned:
		return "非本单位职责，已退回"
	}
	return string(r)
}

// HotlineCase is one logged call, letter or 12345 ticket.
type HotlineCase struct {
	ID          int64
	SiteID      int64
	Channel     HotlineChannel
	TicketNo    string // the 12345 platform's 工单编号; unique per site when set
	Kind        HotlineKind
	CallerKind  CallerKind
	CallerName  string // personal data: encrypted at rest, masked in lists
	CallerPhone string // personal data: encrypted at rest, masked in lists
	Subject     string
	Content     string
	OrgID       int64 // the 科室 that handled it
	Handling    string
	Result      HotlineResult
	ReceivedAt  time.Time
	ClosedAt    time.Time // zero while open
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Closed reports whether the case is finished.
func (c HotlineCase) Closed() bool { return !c.ClosedAt.IsZero() && c.Result != ResultOpen }

// TimeToClose is the time from receipt to closure (0 while open).
func (c HotlineCase) TimeToClose() time.Duration {
	if !c.Closed() || c.ClosedAt.Before(c.ReceivedAt) {
		return 0
	}
	return c.ClosedAt.Sub(c.ReceivedAt)
}

// WorkdaysToClose counts the working days from receipt to closure, the
// unit the 12345 platform's 办结时限 uses.
func (c HotlineCase) WorkdaysToClose(cal *workday.Calendar, loc *time.Location) (int, error) {
	if !c.Closed() {
		return 0, nil
	}
	return cal.WorkdaysBetween(workday.FromTime(c.ReceivedAt.In(loc)), workday.FromTime(c.ClosedAt.In(loc)))
}

// Validate checks a case as staff entered it (or a row imported from the
// 12345 export); keys are form fields.
func (c HotlineCase) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if !slices.Contains(HotlineChannels, c.Channel) {
		fe.Add("channel", "请选择来源渠道")
	}
	if !slices.Contains(HotlineKinds, c.Kind) {
		fe.Add("kind", "请选择诉求类型")
	}
	if !slices.Contains(CallerKinds, c.CallerKind) {
		fe.Add("caller_kind", "请选择来电人类别")
	}
	if !slices.Contains(HotlineResults, c.Result) {
		fe.Add("result", "请选择办理结果")
	}
	if c.Channel == Channel12345 && strings.TrimSpace(c.TicketNo) == "" {
		fe.Add("ticket_no", "12345转办件请填写工单编号")
	}
	if c.TicketNo != "" && (utf8.RuneCountInString(c.TicketNo) > 40 || strings.ContainsAny(c.TicketNo, " <>\"'")) {
		fe.Add("ticket_no", "工单编号不超过40个字符，不能包含空格或引号")
	}
	recordText(fe, "caller_name", c.CallerName, false, 50, "来电人姓名")
	if c.CallerPhone != "" && !contactPhoneOK(c.CallerPhone) {
		fe.Add("caller_phone", "联系电话只能包含数字和连字符，7至20位")
	}
	recordText(fe, "subject", c.Subject, true, 200, "诉求标题")
	recordText(fe, "content", c.Content, false, 5000, "诉求内容")
	recordText(fe, "handling", c.Handling, false, 5000, "办理情况")
	if c.OrgID <= 0 {
		fe.Add("org", "请选择承办科室")
	}
	if c.ReceivedAt.IsZero() {
		fe.Add("received_at", "请填写受理时间，格式如 2023-03-15 09:30")
	}
	switch {
	case c.Result != ResultOpen && c.ClosedAt.IsZero():
		fe.Add("closed_at", "已办结的事项请填写办结时间")
	case c.Result == ResultOpen && !c.ClosedAt.IsZero():
		fe.Add("closed_at", "办理中的事项不应填写办结时间；办结后请同时选择办理结果")
	case !c.ClosedAt.IsZero() && !c.ReceivedAt.IsZero() && c.ClosedAt.Before(c.ReceivedAt):
		fe.Add("closed_at", "办结时间不能早于受理时间")
	}
	return fe
}

// ParseDateTime reads the times staff type and the 12345 export holds:
// "2023-03-15 09:30", "2023-03-15 09:30:00", "2023/3/15 9:30" or a bare
// date, in China's time zone.
func ParseDateTime(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "/", "-"))
	s = strings.Replace(s, "T", " ", 1)
	for _, layout := range []string{"2006-1-2 15:04:05", "2006-1-2 15:04", "2006-1-2"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
