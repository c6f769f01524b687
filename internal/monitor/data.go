package monitor

import (
	"strings"

	"gongkai/internal/catalog"
)

// Rules for missing and distorted data in published documents. They are
// pure: data_check.go feeds them from the store.

// MissingMetadata lists the 公开目录 fields a published document lacks:
// the statutory ones (条例第十二条: 索引、名称、内容概述、生成日期), the
// 主题分类 every observed catalogue shows (website-rules §4.6), and the 文号
// a rule or normative document must carry. (An empty 发布机构 is not
// missing: the public page shows the site's name instead.)
func MissingMetadata(d catalog.Document) []string {
	var out []string
	need := func(v, label string) {
		if strings.TrimSpace(v) == "" {
			out = append(out, label)
		}
	}
	need(d.IndexNo, "索引号")
	need(d.Title, "名称")
	need(d.Summary, "内容概述")
	need(d.WrittenOn, "成文日期")
	need(d.Topic, "主题分类")
	if d.Genre == catalog.GenreRule || d.Genre == catalog.GenreNormative {
		need(d.DocNo, "文号")
	}
	if d.WrittenOn != "" && !catalog.ValidDate(d.WrittenOn) {
		out = append(out, "成文日期格式")
	}
	return out
}

// PublishedBeforeWritten reports a 发布日期 earlier than the 成文日期: a
// document cannot go online before it exists, so one of the dates is wrong
// (伪造发稿日期 is veto item 1's example).
func PublishedBeforeWritten(d catalog.Document) bool {
	if d.PublishedAt.IsZero() || !catalog.ValidDate(d.WrittenOn) {
		return false
	}
	return day(d.PublishedAt) < d.WrittenOn
}

// RepealProblem checks a superseded document against the document that
// replaced it (repl, nil when d names none or it does not exist). It
// returns "" when the chain is sound.
func RepealProblem(d catalog.Document, repl *catalog.Document) string {
	if !d.Validity.Superseded() {
		return ""
	}
	if d.ReplacedBy == 0 {
		if d.Validity == catalog.Amended {
			return "标注为已修改，但未关联修改它的文件"
		}
		return "" // repealed or expired outright: no replacement needed
	}
	switch {
	case repl == nil:
		return "关联的替代文件不存在"
	case repl.State != catalog.StatePublished:
		return "关联的替代文件《" + repl.Title + "》未公开（" + repl.State.Label() + "）"
	case catalog.ValidDate(repl.WrittenOn) && catalog.ValidDate(d.WrittenOn) && repl.WrittenOn < d.WrittenOn:
		return "关联的替代文件《" + repl.Title + "》成文日期（" + repl.WrittenOn + "）早于本文件（" + d.WrittenOn + "）"
	}
	return ""
}

// RegisterProblem explains why a rule or normative document makes the
// register of documents in force (the annual report's 现行有效件数,
// store.NormativeRegister) disagree with the published register page
// (store.InForce), or "" when it does not.
func RegisterProblem(d catalog.Document) string {
	switch {
	case d.State == catalog.StateWithdrawn && d.Validity == catalog.Valid:
		return "已撤稿但有效性仍为“有效”：年报统计计入现行有效，现行有效文件库中却没有"
	case d.Validity.Superseded() && d.ValidityOn == "":
		return "有效性为“" + string(d.Validity) + "”但未填写变更日期：年报统计仍计为现行有效"
	case d.Validity == catalog.Valid && d.ReplacedBy != 0:
		return "有效性为“有效”却关联了替代文件"
	}
	return ""
}
