package interact

import "fmt"

// MessageStats are the message board's counts of a year (the store counts
// them; see store.MessageCounts).
type MessageStats struct {
	Received, Invalid, Merged, Valid, Answered, OnTime, Late, Open, Published int
}

// YearStats gathers a year's interaction counts for the annual report's
// narrative (issue 8 §5) and its XLSX export.
type YearStats struct {
	Year            int
	Agency          string
	Messages        *MessageStats // nil when the board is not counted
	Hotline         HotlineStats
	Interpretations InterpretationStats
	Proposals       ProposalStats
}

// Narrative is the annual report's wording, one sentence per topic, in
// the seed report's style ("回应解读29次，回应公众关注热点或重大舆情3次，
// 通过办公电话接听来电投诉15次并及时予以协调处理").
func (s YearStats) Narrative() []string {
	var out []string
	if m := s.Messages; m != nil {
		out = append(out, fmt.Sprintf("%d年通过网站留言板收到群众留言%d件，其中有效留言%d件，已答复%d件（按时答复%d件），公开选登%d件；无效留言%d件、重复合并%d件未计入。",
			s.Year, m.Received, m.Valid, m.Answered, m.OnTime, m.Published, m.Invalid, m.Merged))
	}
	h := s.Hotline
	out = append(out, fmt.Sprintf("登记来电来信%d件，其中12345转办%d件，通过办公电话接听来电投诉%d次，已办结%d件并及时予以协调处理。",
		h.Total, h.ByChannel[Channel12345], h.PhoneComplaint, h.Closed))
	i := s.Interpretations
	out = append(out, fmt.Sprintf("通过不同渠道和方式回应解读%d次（文字解读%d次、图解%d次、视频解读%d次、问答%d次），回应公众关注热点或重大舆情%d次。",
		i.Interpretations, i.ByForm[FormText], i.ByForm[FormGraphic], i.ByForm[FormVideo], i.ByForm[FormQA], i.Concerns))
	out = append(out, s.Proposals.Narrative(s.Year))
	return out
}
