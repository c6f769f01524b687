package interact

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// The annual report's narrative quotes counts, not recollections (issue 8):
// "通过办公电话接听来电投诉15次", "回应解读29次", "回应公众关注热点或重大舆情3次",
// "代表建议15件(主办件6件,会办件9件),其中市领导重点督办件1件". These
// functions count records of one year; the store reads the records.

// HotlineStats counts a year's hotline and letters log.
type HotlineStats struct {
	Total          int
	PhoneComplaint int // 来电投诉: ChannelPhone and HotlineComplaint
	ByChannel      map[HotlineChannel]int
	ByKind         map[HotlineKind]int
	Closed         int
	AvgCloseHours  float64 // over closed cases
}

// CountHotline counts cases received in year (China time).
func CountHotline(cs []HotlineCase, year int, loc *time.Location) HotlineStats {
	s := HotlineStats{ByChannel: map[HotlineChannel]int{}, ByKind: map[HotlineKind]int{}}
	var hours float64
	for _, c := range cs {
		if c.ReceivedAt.In(loc).Year() != year {
			continue
		}
		s.Total++
		s.ByChannel[c.Channel]++
		s.ByKind[c.Kind]++
		if c.Channel == ChannelPhone && c.Kind == HotlineComplaint {
			s.PhoneComplaint++
		}
		if c.Closed() {
			s.Closed++
			hours += c.TimeToClose().Hours()
		}
	}
	if s.Closed > 0 {
		s.AvgCloseHours = hours / float64(s.Closed)
	}
	return s
}

// InterpretationStats counts a year's interpretations and responses.
type InterpretationStats struct {
	Interpretations int
	ByForm          map[InterpretationForm]int
	Concerns        int // 回应公众关注热点或重大舆情
	ConcernsByKind  map[ConcernKind]int
}

// CountInterpretations counts by the year of publication or response.
func CountInterpretations(is []Interpretation, cs []ConcernResponse, year int) InterpretationStats {
	s := InterpretationStats{ByForm: map[InterpretationForm]int{}, ConcernsByKind: map[ConcernKind]int{}}
	y := fmt.Sprintf("%04d-", year)
	for _, i := range is {
		if strings.HasPrefix(i.PublishedOn, y) {
			s.Interpretations++
			s.ByForm[i.Form]++
		}
	}
	for _, c := range cs {
		if strings.HasPrefix(c.RespondedOn, y) {
			s.Concerns++
			s.ConcernsByKind[c.Kind]++
		}
	}
	return s
}

// ProposalCount is the count of one kind in one session (or between sessions).
type ProposalCount struct {
	Kind       ProposalKind
	Session    string
	Recess     bool
	Total      int
	Lead       int // 主办件
	Co         int // 会办件
	Supervised int // 领导督办件
	Replied    int
	OnTime     int
	Published  int
	Satisfied  int // 满意 and 基本满意
}

// ProposalStats counts a year's proposals per kind and session.
type ProposalStats struct {
	Groups     []ProposalCount
	Kinds      map[ProposalKind]ProposalCount // totals per kind (Session "")
	Total      int
	Supervised int
}

// CountProposals counts the proposals assigned in year; onTime says
// whether a replied proposal met its deadline (ReplyDue).
func CountProposals(ps []Proposal, year int, onTime func(Proposal) bool) ProposalStats {
	type key struct {
		kind    ProposalKind
		session string
		recess  bool
	}
	groups := map[key]*ProposalCount{}
	s := ProposalStats{Kinds: map[ProposalKind]ProposalCount{}}
	for _, p := range ps {
		if p.Year() != year {
			continue
		}
		k := key{p.Kind, p.Session, p.Recess}
		g := groups[k]
		if g == nil {
			g = &ProposalCount{Kind: p.Kind, Session: p.Session, Recess: p.Recess}
			groups[k] = g
		}
		add := func(c *ProposalCount) {
			c.Total++
			if p.Role == RoleLead {
				c.Lead++
			} else {
				c.Co++
			}
			if p.Supervised {
				c.Supervised++
			}
			if p.Replied() {
				c.Replied++
				if onTime != nil && onTime(p) {
					c.OnTime++
				}
			}
			if p.Published() {
				c.Published++
			}
			if p.Satisfaction == Satisfied || p.Satisfaction == BasicSatisfied {
				c.Satisfied++
			}
		}
		add(g)
		kt := s.Kinds[p.Kind]
		kt.Kind = p.Kind
		add(&kt)
		s.Kinds[p.Kind] = kt
		s.Total++
		if p.Supervised {
			s.Supervised++
		}
	}
	for _, g := range groups {
		s.Groups = append(s.Groups, *g)
	}
	sort.Slice(s.Groups, func(i, j int) bool {
		a, b := s.Groups[i], s.Groups[j]
		if a.Kind != b.Kind {
			return slices.Index(ProposalKinds, a.Kind) < slices.Index(ProposalKinds, b.Kind) // 人大 before 政协
		}
		if a.Recess != b.Recess {
			return !a.Recess
		}
		return a.Session < b.Session
	})
	return s
}

// Narrative is the sentence of the annual report's 建议提案办理公开情况, in
// the seed report's own words: "完成市十五届人大二次会议代表建议15件(主办件6件,
// 会办件9件),其中市领导重点督办件1件;…".
func (s ProposalStats) Narrative(year int) string {
	if s.Total == 0 {
		return fmt.Sprintf("%d年未承办人大代表建议和政协提案。", year)
	}
	var parts []string
	for _, kind := range ProposalKinds {
		var bits []string
		supervised := 0
		for _, g := range s.Groups {
			if g.Kind != kind {
				continue
			}
			supervised += g.Supervised
			noun := "代表建议"
			if kind == KindCPPCC {
				noun = "提案"
			}
			switch {
			case g.Recess:
				bits = append(bits, fmt.Sprintf("闭会期间%s%d件", noun, g.Total))
			default:
				bits = append(bits, fmt.Sprintf("%s%s%d件（主办件%d件，会办件%d件）", g.Session, noun, g.Total, g.Lead, g.Co))
			}
		}
		if len(bits) == 0 {
			continue
		}
		line := strings.Join(bits, "，")
		if supervised > 0 {
			line += fmt.Sprintf("，其中领导重点督办件%d件", supervised)
		}
		parts = append(parts, line)
	}
	out := fmt.Sprintf("%d年全年完成%s办理工作", year, strings.Join(parts, "；"))
	replied, published := 0, 0
	for _, k := range s.Kinds {
		replied += k.Replied
		published += k.Published
	}
	return out + fmt.Sprintf("，已答复%d件，在网上公开答复%d件。", replied, published)
}
