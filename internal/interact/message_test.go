package interact

import (
	"errors"
	"strings"
	"testing"

	"gongkai/internal/workday"
)

var cal = workday.OfficialCalendar()

func date(s string) workday.Date {
	d, err := workday.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// The reply deadline skips the National Day holiday and counts the 调休
// make-up Sundays/Saturdays as working days (2025 arrangement).
func TestMessageDueOnTheWorkingDayCalendar(t *testing.T) {
	s := DefaultMessageSettings()
	cases := []struct{ received, want string }{
		{"2025-09-26", "2025-10-16"}, // Sep 28 and Oct 11 are 调休 working days; Oct 1–8 rest
		{"2026-11-27", "2026-12-11"}, // an ordinary fortnight
		{"2025-01-24", "2025-02-13"}, // across the Spring Festival
	}
	for _, c := range cases {
		got, err := MessageDue(date(c.received), cal, s)
		if err != nil || got.String() != c.want {
			t.Errorf("received %s: due %s (%v), want %s", c.received, got, err, c.want)
		}
	}
	s.ReplyDays = 5
	if got, _ := MessageDue(date("2026-11-27"), cal, s); got.String() != "2026-12-04" {
		t.Errorf("5 working days from 2026-11-27: %s, want 2026-12-04", got)
	}
	if _, err := MessageDue(date("2040-03-02"), cal, s); !errors.Is(err, workday.ErrYearNotCovered) {
		t.Errorf("an uncovered year must fail with ErrYearNotCovered, got %v", err)
	}
}

func TestVetoLineIsThreeCalendarMonths(t *testing.T) {
	if got := VetoLine(date("2026-01-15")).String(); got != "2026-04-15" {
		t.Errorf("veto line %s, want 2026-04-15", got)
	}
	if got := VetoLine(date("2025-11-30")).String(); got != "2026-03-02" { // Feb 30 normalises
		t.Errorf("veto line %s, want 2026-03-02", got)
	}
}

func TestUrgencyStages(t *testing.T) {
	s := DefaultMessageSettings()
	received := date("2026-01-05")
	due, _ := MessageDue(received, cal, s) // 2026-01-19
	cases := []struct {
		today string
		want  MessageStage
		left  int
	}{
		{"2026-01-06", StageOnTime, 9},
		{"2026-01-15", StageDueSoon, 2},
		{"2026-01-19", StageDueSoon, 0},
		{"2026-01-20", StageOverdue, -1},
		{"2026-03-25", StageVetoNear, 0}, // 10 working days before 2026-04-05's line
		{"2026-04-06", StageVetoLate, 0},
	}
	for _, c := range cases {
		got, left, err := Urgency(received, due, date(c.today), cal, s)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want || (c.want < StageVetoNear && left != c.left) {
			t.Errorf("%s: stage %s, %d left; want %s, %d", c.today, got.Label(), left, c.want.Label(), c.left)
		}
	}
}

func TestNewMessageValidate(t *testing.T) {
	ok := NewMessage{Kind: KindConsult, Title: "企业技改补贴何时申报", Body: "请问今年的技术改造补贴什么时候开始申报？",
		Name: "张先生", Phone: "13800138000"}
	if fe := ok.Validate(); len(fe) != 0 {
		t.Fatalf("valid message refused: %v", fe)
	}
	bad := NewMessage{Kind: "x", Title: "问", Body: strings.Repeat("长", BodyMax+1), Phone: "abc", Email: "a@b"}
	fe := bad.Validate()
	for _, k := range []string{FieldKind, FieldTitle, FieldBody, FieldName, FieldPhone, FieldEmail} {
		if fe[k] == "" {
			t.Errorf("no message for %s: %v", k, fe)
		}
	}
	if !strings.Contains(fe[FieldBody], "2001") {
		t.Errorf("the body message should say how long it is: %q", fe[FieldBody])
	}
}

func TestMessageStatusMachine(t *testing.T) {
	open := MessageState{ID: 1, Status: StatusNew, Public: true}
	if _, err := NextMessage(open, MessageStep{Action: ActRoute}); stepField(err) != "org" {
		t.Errorf("route without an Org: %v", err)
	}
	if st, err := NextMessage(open, MessageStep{Action: ActRoute, OrgID: 3}); err != nil || st != StatusRouted {
		t.Errorf("route: %s %v", st, err)
	}
	routed := MessageState{ID: 1, Status: StatusRouted, OrgID: 3, Public: true}
	if _, err := NextMessage(routed, MessageStep{Action: ActAnswer, Answer: "  "}); stepField(err) != "answer" {
		t.Errorf("empty answer: %v", err)
	}
	if st, err := NextMessage(routed, MessageStep{Action: ActAnswer, Answer: "已答复"}); err != nil || st != StatusAnswered {
		t.Errorf("answer: %s %v", st, err)
	}
	if _, err := NextMessage(open, MessageStep{Action: ActAnswer, Answer: "已答复"}); stepField(err) != "org" {
		t.Errorf("answer with no 科室 at all must ask for one: %v", err)
	}
	if _, err := NextMessage(open, MessageStep{Action: ActInvalidate, Reason: ReasonSpam}); stepField(err) != "note" {
		t.Errorf("invalid without a reason text: %v", err)
	}
	if st, err := NextMessage(open, MessageStep{Action: ActInvalidate, Reason: ReasonSpam, Note: "广告"}); err != nil || st != StatusInvalid {
		t.Errorf("invalidate: %s %v", st, err)
	}
	if st, err := NextMessage(MessageState{Status: StatusInvalid}, MessageStep{Action: ActRestore, Note: "误判"}); err != nil || st != StatusNew {
		t.Errorf("restore: %s %v", st, err)
	}
	if _, err := NextMessage(open, MessageStep{Action: ActMerge, Target: &MessageState{ID: 1, Status: StatusNew}}); stepField(err) != "target" {
		t.Errorf("merge into itself: %v", err)
	}
	if _, err := NextMessage(open, MessageStep{Action: ActMerge, Target: &MessageState{ID: 2, Status: StatusInvalid}}); stepField(err) != "target" {
		t.Errorf("merge into an invalid one: %v", err)
	}
	if st, err := NextMessage(open, MessageStep{Action: ActMerge, Target: &MessageState{ID: 2, Status: StatusAnswered}}); err != nil || st != StatusMerged {
		t.Errorf("merge: %s %v", st, err)
	}
	answered := MessageState{ID: 1, Status: StatusAnswered, OrgID: 3, Public: true}
	pub := MessageStep{Action: ActPublish, PubTitle: "关于技改补贴", PubQuestion: "何时申报？", PubAnswer: "明年三月。", SecrecyChecked: true}
	if _, err := NextMessage(answered, pub); err != nil {
		t.Errorf("publish: %v", err)
	}
	private := answered
	private.Public = false
	if _, err := NextMessage(private, pub); err == nil {
		t.Error("a message the citizen kept private was published")
	}
	leak := pub
	leak.PubQuestion = "请回电13800138000"
	if _, err := NextMessage(answered, leak); err == nil || !strings.Contains(err.Error(), "手机号码") {
		t.Errorf("a phone number in the published text: %v", err)
	}
	named := pub
	named.Known, named.PubQuestion = []string{"张三丰"}, "我是张三丰，请问…"
	if _, err := NextMessage(answered, named); err == nil {
		t.Error("the citizen's name in the published text was accepted")
	}
	nosecrecy := pub
	nosecrecy.SecrecyChecked = false
	if _, err := NextMessage(answered, nosecrecy); stepField(err) != "secrecy" {
		t.Errorf("publish without 保密审查: %v", err)
	}
	for _, st := range []MessageStatus{StatusAnswered, StatusInvalid, StatusMerged} {
		if _, err := NextMessage(MessageState{Status: st}, MessageStep{Action: ActRoute, OrgID: 1}); err == nil {
			t.Errorf("route from %s accepted", st)
		}
	}
	if StatusInvalid.Counted() || StatusMerged.Counted() || !StatusRouted.Counted() {
		t.Error("only valid, unmerged messages count against the agency")
	}
}

func TestRedact(t *testing.T) {
	got := Redact("我是李四，电话13912345678，邮箱li@example.com，身份证420200199001011234", "李四")
	if strings.Contains(got, "李四") || strings.Contains(got, "139") || strings.Contains(got, "@") || strings.Contains(got, "4202") {
		t.Errorf("personal data left: %q", got)
	}
	if PersonalDataIn(got) != "" {
		t.Errorf("redacted text still flagged: %q", got)
	}
}

func TestMessageSettingsValidate(t *testing.T) {
	if fe := DefaultMessageSettings().Validate(); len(fe) != 0 {
		t.Errorf("defaults invalid: %v", fe)
	}
	if fe := (MessageSettings{ReplyDays: 0, RemindDays: 5, EscalateDays: 0}).Validate(); len(fe) != 3 {
		t.Errorf("want three messages, got %v", fe)
	}
}

func stepField(err error) string {
	var se *StepError
	if errors.As(err, &se) {
		if se.Field == "" {
			return "-"
		}
		return se.Field
	}
	return ""
}
