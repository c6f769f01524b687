package search

import (
	"slices"
	"strings"
	"testing"
)

// cut must split like gse's own Cut without HMM (the same dictionary and
// route), only faster.
func TestCutAgreesWithGse(t *testing.T) {
	s := segmenter(t)
	for _, text := range []string{
		"市经信局依申请公开政府信息答复书",
		"示例市经济和信息化局关于印发《示例市绿色工厂评价管理办法》的通知",
		"2024年全市规模以上工业增加值增长7%，abc公司投资5g项目",
		"黄石市人民政府办公室关于印发营商环境若干措施的通知",
		"阿卜杜勒·阿齐兹 走进 中关村",
	} {
		got := s.cut(strings.ToLower(text))
		want := s.seg.Cut(text, false)
		if !slices.Equal(got, want) {
			t.Errorf("cut(%s)\n got %v\nwant %v", text, got, want)
		}
	}
}

func BenchmarkIndexTokens(b *testing.B) {
	s := segmenter(b)
	text := strings.Repeat("为贯彻落实省、市关于推动制造业高质量发展的部署要求，现就开展2025年度工业企业技术改造项目申报工作有关事项通知如下。各县（市、区）经信部门要高度重视。", 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.IndexTokens(text)
	}
}

func BenchmarkGseCutSearch(b *testing.B) {
	s := segmenter(b)
	text := strings.Repeat("为贯彻落实省、市关于推动制造业高质量发展的部署要求，现就开展2025年度工业企业技术改造项目申报工作有关事项通知如下。各县（市、区）经信部门要高度重视。", 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.seg.CutSearch(text, false)
	}
}
