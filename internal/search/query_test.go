package search

import (
	"slices"
	"strings"
	"testing"
)

var testSynonyms = NewSynonyms([][]string{{"经信局", "经济和信息化局"}, {"低保", "最低生活保障"}, {"网信办", "互联网信息办公室"}})

func TestParseAppliesSynonymsAndDropsFunctionWords(t *testing.T) {
	s := segmenter(t)
	p := s.Parse("  经信局的低保政策  ", testSynonyms)
	if p.Text != "经信局的低保政策" || len(p.Groups) != 3 {
		t.Fatalf("parsed %+v", p)
	}
	if g := p.Groups[0]; g.Text != "经信局" || len(g.Alternatives) != 2 || !slices.Equal(g.Alternatives[1], []string{"经济和信息化局"}) {
		t.Errorf("经信局 group %+v", g)
	}
	if g := p.Groups[1]; g.Text != "低保" || !slices.ContainsFunc(g.Alternatives, func(a []string) bool { return slices.Equal(a, []string{"最低生活保障"}) }) {
		t.Errorf("低保 group %+v", g)
	}
	if g := p.Groups[2]; g.Text != "政策" {
		t.Errorf("last group %+v", g)
	}
	// A synonym the dictionary does not know as one word is still found
	// in the raw text, and its long form keeps only meaningful words.
	p = s.Parse("网信办通知", testSynonyms)
	if p.Groups[0].Text != "网信办" || len(p.Groups[0].Alternatives) != 2 || slices.Contains(p.Groups[0].Alternatives[1], "的") {
		t.Errorf("网信办 %+v", p.Groups)
	}
	// Only function words: they are kept, there is nothing else.
	if p := s.Parse("关于", testSynonyms); len(p.Groups) != 1 {
		t.Errorf("关于 alone: %+v", p.Groups)
	}
	if p := s.Parse("《》，。", testSynonyms); len(p.Groups) != 0 {
		t.Errorf("punctuation: %+v", p.Groups)
	}
}

func TestQueryLengthIsCapped(t *testing.T) {
	long := strings.Repeat("政府信息公开申请", 20)
	if n := len([]rune(CleanQuery(long))); n != MaxQueryRunes {
		t.Errorf("cleaned length %d", n)
	}
	s := segmenter(t)
	if p := s.Parse("工业 企业 技术 改造 项目 申报 通知 绿色 工厂 评价 办法 细则", testSynonyms); len(p.Groups) != maxWords {
		t.Errorf("%d groups", len(p.Groups))
	}
}

func TestHighlightEscapesAndMarksLongestWord(t *testing.T) {
	got := string(Highlight(`<b>政府信息公开</b> & 信息`, []string{"信息", "信息公开"}))
	want := `&lt;b&gt;政府<mark>信息公开</mark>&lt;/b&gt; &amp; <mark>信息</mark>`
	if got != want {
		t.Errorf("Highlight = %s", got)
	}
	if got := string(Highlight("ABC abc", []string{"abc"})); got != "<mark>ABC</mark> <mark>abc</mark>" {
		t.Errorf("case: %s", got)
	}
}

func TestSnippetCentresOnTheWords(t *testing.T) {
	text := strings.Repeat("前文内容。", 40) + "申请人可以通过互联网在线提出政府信息公开申请。" + strings.Repeat("后文。", 40)
	got := string(Snippet(text, []string{"信息公开", "申请"}))
	if !strings.Contains(got, "<mark>信息公开</mark>") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("Snippet = %s", got)
	}
	if got := string(Snippet("短文本<script>", nil)); got != "短文本&lt;script&gt;" {
		t.Errorf("no words: %s", got)
	}
}

func TestSuggestFromVocabularyAndPastQueries(t *testing.T) {
	vocab := append(vocabulary(), "专精特新申报", "绿色工厂名单")
	for q, want := range map[string]string{
		"依申情公开":   "依申请公开",
		"依申情公开流程": "依申请公开流程",
		"专精特心申报":  "专精特新申报",
		"绿色公厂名单":  "绿色工厂名单",
		"依申请公开":   "",
		"天气预报":    "",
	} {
		if got := suggest(q, vocab); got != want {
			t.Errorf("suggest(%s) = %q, want %q", q, got, want)
		}
	}
}

func TestRedactRemovesNumbersAndAddresses(t *testing.T) {
	got := Redact("我的电话13812345678 身份证42010219900101123X 邮箱 a.b@example.com 2024年")
	for _, bad := range []string{"13812345678", "42010219900101123X", "example.com"} {
		if strings.Contains(got, bad) {
			t.Errorf("Redact kept %s: %s", bad, got)
		}
	}
	if !strings.Contains(got, "2024年") {
		t.Errorf("Redact dropped a year: %s", got)
	}
}
