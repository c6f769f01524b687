package interact

import (
	"html"
	"regexp"
	"strings"
)

// Published replies carry no contact data of deputies and members (website-
// rules §5.5: disclosed in full "except deputies'/members' contact details";
// 广东 2022Q2 bulletin: personal data in published pages not 去标识化).

var (
	idNumberRE = regexp.MustCompile(`\b\d{17}[\dXx]\b`)
	mobileRE   = regexp.MustCompile(`(?:\+?86[- ]?)?\b1[3-9]\d[- ]?\d{4}[- ]?\d{4}\b`)
	landlineRE = regexp.MustCompile(`(?:\(0\d{2,3}\)|\b0\d{2,3}-)\d{7,8}\b`)
	mailRE     = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
)

// Redacted replaces what was removed from a published text.
const Redacted = "[已删除]"

// RedactReply removes the proposer's phone, the co-handlers' mailboxes and
// anything shaped like an ID number, a phone number or an e-mail address.
func RedactReply(text string, p Proposal) string {
	for _, v := range []string{strings.TrimSpace(p.ProposerPhone)} {
		if v != "" {
			text = strings.ReplaceAll(text, v, Redacted)
		}
	}
	for _, c := range p.CoHandlers {
		if e := strings.TrimSpace(c.Email); e != "" {
			text = strings.ReplaceAll(text, e, Redacted)
		}
	}
	for _, re := range []*regexp.Regexp{idNumberRE, mailRE, mobileRE, landlineRE} {
		text = re.ReplaceAllString(text, Redacted)
	}
	return text
}

// ReplyTitle is the published reply's title, the form portals use:
// "对市十五届人大二次会议第12号代表建议的答复".
func ReplyTitle(p Proposal) string {
	noun := "代表建议"
	if p.Kind == KindCPPCC {
		noun = "提案"
	}
	session := p.Session
	if p.Recess {
		session = "闭会期间"
	}
	return "对" + session + "第" + p.Number + "号" + noun + "的答复"
}

// ReplyHTML turns the plain reply text into escaped paragraphs, one per line.
func ReplyHTML(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
		}
	}
	return b.String()
}
