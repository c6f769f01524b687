package search

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func segmenter(t testing.TB) *Segmenter {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWordsGovernmentPhrases(t *testing.T) {
	s := segmenter(t)
	for _, c := range []struct {
		in        string
		want, not []string
	}{
		// The abbreviation was cut 市经/信局 by the general dictionary.
		{"市经信局依申请公开政府信息答复书", []string{"市经信局", "依申请公开", "答复书"}, []string{"市经", "信局"}},
		// 中华人民共和国政府 was one over-long entry that hid 政府.
		{"中华人民共和国政府信息公开条例", []string{"中华人民共和国", "政府信息公开", "条例"}, []string{"中华人民共和国政府"}},
		{"示例市经济和信息化局关于印发《行政规范性文件》的通知", []string{"经济和信息化局", "行政规范性文件", "通知"}, []string{"《", "》"}},
		{"统一社会信用代码１１４２ＡＢ", []string{"统一社会信用代码", "1142ab"}, nil},
	} {
		got := s.Words(c.in)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Words(%s) = %v, missing %s", c.in, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("Words(%s) = %v, must not hold %s", c.in, got, w)
			}
		}
	}
}

func TestIndexTokensHoldInnerWords(t *testing.T) {
	s := segmenter(t)
	got := s.IndexTokens("政府信息公开申请")
	// gse's own search mode adds only 2- and 3-character sub-words and so
	// missed 信息公开 inside 政府信息公开.
	for _, w := range []string{"政府信息公开", "信息公开", "政府", "信息", "公开", "申请"} {
		if !slices.Contains(got, w) {
			t.Errorf("IndexTokens = %v, missing %s", got, w)
		}
	}
	// Every word a query is cut into is among the tokens of a text that
	// contains the query, which is what makes AND-ed words find it.
	text := "关于组织申报2024年度省级专精特新中小企业的通知"
	tokens := s.IndexTokens(text)
	for _, q := range []string{"专精特新", "中小企业", "申报", "省级专精特新中小企业", "2024"} {
		for _, w := range s.Words(q) {
			if !slices.Contains(tokens, w) {
				t.Errorf("query %s word %s not among tokens %v", q, w, tokens)
			}
		}
	}
}

// The dictionary must come from this package's embedded copy: gse's
// argument-less loaders read a source path found with runtime.Caller,
// absent on a server, and its embedded loaders link 32 MB of dictionaries.
func TestDictionaryLoadsOnlyEmbeddedCopy(t *testing.T) {
	forbidden := regexp.MustCompile(`\.(LoadDict|LoadDictEmbed|LoadStop|LoadStopEmbed|GetCurrentFilePath|GetIdfPath)\(|gse\.(New|NewEmbed)\(`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := forbidden.Find(src); m != nil {
			t.Errorf("%s calls %s", f, m)
		}
	}
	s := segmenter(t)
	if s.seg.DictPath != "" {
		t.Errorf("dictionary read from a path: %s", s.seg.DictPath)
	}
	if !s.Known("依申请公开") || !s.Known("政府") || s.Known("中华人民共和国政府") {
		t.Error("user dictionary or removals not applied")
	}
}
