package interact

import (
	"strings"
	"testing"
)

func TestRedactReply(t *testing.T) {
	p := Proposal{ProposerPhone: "0714-6251234", CoHandlers: []CoHandler{{Email: "czj@hs.example"}}}
	in := "张代表：您好！如有疑问请联系 13912345678 或 0714-6251234，身份证 420202198001011234，邮箱 czj@hs.example、a.b@gov.cn。\n二〇二三年六月一日"
	out := RedactReply(in, p)
	for _, leak := range []string{"13912345678", "6251234", "420202198001011234", "czj@", "a.b@gov.cn"} {
		if strings.Contains(out, leak) {
			t.Errorf("%q still in %q", leak, out)
		}
	}
	if !strings.Contains(out, "张代表：您好！") || !strings.Contains(out, "二〇二三年六月一日") {
		t.Errorf("too much removed: %q", out)
	}
	if got := ReplyHTML("第一段<script>\n\n 第二段 "); got != "<p>第一段&lt;script&gt;</p>\n<p>第二段</p>\n" {
		t.Errorf("ReplyHTML = %q", got)
	}
	if got := ReplyTitle(Proposal{Kind: KindCPPCC, Session: "市政协十四届二次会议", Number: "123"}); got != "对市政协十四届二次会议第123号提案的答复" {
		t.Errorf("title %q", got)
	}
}
