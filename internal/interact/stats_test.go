package interact

import (
	"strings"
	"testing"
	"time"
)

// TestProposalNarrative counts a year shaped like the seed report's 2023:
// 15 代表建议 (6 主办, 9 会办, 1 督办), 35 政协提案 (19 主办, 16 会办, 1 督办)
// and 1 between sessions.
func TestProposalNarrative(t *testing.T) {
	var ps []Proposal
	add := func(n int, p Proposal) {
		for range n {
			ps = append(ps, p)
		}
	}
	npc := Proposal{Kind: KindNPC, Session: "市十五届人大二次会议", AssignedOn: "2023-03-20"}
	cppcc := Proposal{Kind: KindCPPCC, Session: "市政协十四届二次会议", AssignedOn: "2023-03-21"}
	sup := func(p Proposal) Proposal { p.Supervised = true; return p }
	role := func(p Proposal, r Role) Proposal { p.Role = r; return p }
	add(1, sup(role(npc, RoleLead)))
	add(5, role(npc, RoleLead))
	add(9, role(npc, RoleCo))
	add(1, sup(role(cppcc, RoleLead)))
	add(18, role(cppcc, RoleLead))
	add(16, role(cppcc, RoleCo))
	recess := role(cppcc, RoleLead)
	recess.Recess, recess.Session, recess.AssignedOn = true, "", "2023-08-01"
	add(1, recess)
	add(3, Proposal{Kind: KindNPC, Role: RoleLead, Session: "市十五届人大一次会议", AssignedOn: "2022-03-01"})

	s := CountProposals(ps, 2023, nil)
	if s.Total != 51 || s.Supervised != 2 {
		t.Fatalf("total %d supervised %d", s.Total, s.Supervised)
	}
	if k := s.Kinds[KindNPC]; k.Total != 15 || k.Lead != 6 || k.Co != 9 || k.Supervised != 1 {
		t.Fatalf("npc %+v", k)
	}
	if k := s.Kinds[KindCPPCC]; k.Total != 36 || k.Lead != 20 || k.Co != 16 || k.Supervised != 1 {
		t.Fatalf("cppcc %+v", k)
	}
	got := s.Narrative(2023)
	for _, want := range []string{"市十五届人大二次会议代表建议15件（主办件6件，会办件9件），其中领导重点督办件1件",
		"市政协十四届二次会议提案35件（主办件19件，会办件16件），闭会期间提案1件，其中领导重点督办件1件"} {
		if !strings.Contains(got, want) {
			t.Errorf("narrative lacks %q:\n%s", want, got)
		}
	}
}

func TestCountHotline(t *testing.T) {
	at := func(m, d, h int) time.Time { return time.Date(2023, time.Month(m), d, h, 0, 0, 0, cst) }
	cs := []HotlineCase{
		{Channel: ChannelPhone, Kind: HotlineComplaint, Result: ResultResolved, ReceivedAt: at(1, 3, 9), ClosedAt: at(1, 3, 11)},
		{Channel: ChannelPhone, Kind: HotlineComplaint, Result: ResultOpen, ReceivedAt: at(12, 31, 23)},
		{Channel: ChannelPhone, Kind: HotlineConsult, Result: ResultExplained, ReceivedAt: at(2, 1, 9), ClosedAt: at(2, 1, 13)},
		{Channel: Channel12345, Kind: HotlineComplaint, Result: ResultResolved, ReceivedAt: at(3, 1, 9), ClosedAt: at(3, 1, 9)},
		// 2024-01-01 00:30 in China is still 2023 in UTC: counted in 2024.
		{Channel: ChannelPhone, Kind: HotlineComplaint, ReceivedAt: time.Date(2023, 12, 31, 16, 30, 0, 0, time.UTC)},
	}
	s := CountHotline(cs, 2023, cst)
	if s.Total != 4 || s.PhoneComplaint != 2 || s.ByChannel[Channel12345] != 1 || s.Closed != 3 || s.AvgCloseHours != 2 {
		t.Fatalf("%+v", s)
	}
}
