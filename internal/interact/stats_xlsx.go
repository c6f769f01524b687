package interact

import (
	"io"

	"gongkai/internal/xlsxout"
)

// WriteStatsXLSX writes a year's statistics as a workbook, one sheet per
// topic, with the narrative on the first sheet so it can be pasted into
// the annual report.
func WriteStatsXLSX(w io.Writer, s YearStats) error {
	summary := [][]any{{"年度", "说明"}}
	for _, line := range s.Narrative() {
		summary = append(summary, []any{s.Year, line})
	}
	sheets := []xlsxout.Sheet{{Name: "概述", Widths: []float64{8, 120}, Rows: summary}}
	if m := s.Messages; m != nil {
		sheets = append(sheets, xlsxout.Sheet{Name: "留言", Widths: []float64{20, 10}, Rows: [][]any{{"项目", "件数"},
			{"收到留言", m.Received}, {"有效留言", m.Valid}, {"已答复", m.Answered}, {"按时答复", m.OnTime}, {"超过3个月未答复或答复", m.Late}, {"办理中", m.Open},
			{"公开选登", m.Published}, {"无效留言（不计入）", m.Invalid}, {"重复合并（不计入）", m.Merged}}})
	}
	h := s.Hotline
	hot := [][]any{{"项目", "件数"}, {"合计", h.Total}, {"来电投诉", h.PhoneComplaint}, {"已办结", h.Closed},
		{"平均办结用时（小时）", round1(h.AvgCloseHours)}}
	for _, c := range HotlineChannels {
		hot = append(hot, []any{"渠道：" + c.Label(), h.ByChannel[c]})
	}
	for _, k := range HotlineKinds {
		hot = append(hot, []any{"类型：" + k.Label(), h.ByKind[k]})
	}
	i := s.Interpretations
	interp := [][]any{{"项目", "次数"}, {"政策解读", i.Interpretations}}
	for _, f := range InterpretationForms {
		interp = append(interp, []any{"其中" + f.Label(), i.ByForm[f]})
	}
	interp = append(interp, []any{"回应公众关注热点或重大舆情", i.Concerns})
	for _, k := range ConcernKinds {
		interp = append(interp, []any{"其中" + k.Label(), i.ConcernsByKind[k]})
	}
	props := [][]any{{"类型", "届次会次", "合计", "主办件", "会办件", "督办件", "已答复", "按时答复", "已公开", "满意或基本满意"}}
	for _, g := range s.Proposals.Groups {
		session := g.Session
		if g.Recess {
			session = "闭会期间"
		}
		props = append(props, []any{g.Kind.Label(), session, g.Total, g.Lead, g.Co, g.Supervised, g.Replied, g.OnTime, g.Published, g.Satisfied})
	}
	for _, k := range ProposalKinds {
		t := s.Proposals.Kinds[k]
		props = append(props, []any{k.Label(), "合计", t.Total, t.Lead, t.Co, t.Supervised, t.Replied, t.OnTime, t.Published, t.Satisfied})
	}
	sheets = append(sheets, xlsxout.Sheet{Name: "来电来信", Widths: []float64{24, 10}, Rows: hot},
		xlsxout.Sheet{Name: "解读回应", Widths: []float64{30, 10}, Rows: interp},
		xlsxout.Sheet{Name: "建议提案", Widths: []float64{14, 24, 8, 8, 8, 8, 8, 10, 8, 14}, Rows: props})
	return xlsxout.Write(w, sheets...)
}

func round1(x float64) float64 { return float64(int(x*10+0.5)) / 10 }
