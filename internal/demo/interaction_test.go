package demo_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/demo"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestCreateInteraction: the demo's 2023 counts are the seed report's.
func TestCreateInteraction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sum, err := demo.Create(ctx, s, time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range demo.Staff {
			if _, err := s.CreateUser(ctx, auth.User{Username: a.Username, DisplayName: a.DisplayName, Role: a.Role,
				OrgID: sum.OrgIDs[a.Org], PasswordHash: "x"}); err != nil {
				t.Fatal(err)
			}
		}
		is, err := demo.CreateInteraction(ctx, s, sum)
		if err != nil {
			t.Fatal(err)
		}
		if is.Proposals != 51 || is.PublishedReplies != 26 || is.Interpretations != 29 || is.Concerns != 3 {
			t.Fatalf("summary %+v", is)
		}
		ps, err := s.Proposals(ctx, store.ProposalFilter{SiteID: sum.SiteID, Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		st := interact.CountProposals(ps, 2023, nil)
		npc, cppcc := st.Kinds[interact.KindNPC], st.Kinds[interact.KindCPPCC]
		if npc.Total != 15 || npc.Lead != 6 || npc.Co != 9 || npc.Supervised != 1 ||
			cppcc.Total != 36 || cppcc.Lead != 20 || cppcc.Co != 16 || cppcc.Supervised != 1 || cppcc.Published != 20 {
			t.Fatalf("npc %+v cppcc %+v", npc, cppcc)
		}
		cases, _, err := s.HotlineCases(ctx, store.HotlineFilter{SiteID: sum.SiteID, Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		if h := interact.CountHotline(cases, 2023, time.FixedZone("CST", 8*3600)); h.PhoneComplaint != 15 {
			t.Fatalf("phone complaints %d", h.PhoneComplaint)
		}
		links, _ := s.Interpretations(ctx, sum.SiteID, 2023)
		concerns, _ := s.Concerns(ctx, sum.SiteID, 2023)
		if len(links) != 29 || len(concerns) != 3 {
			t.Fatalf("%d interpretations, %d concerns", len(links), len(concerns))
		}
		// Every 2023 policy has its text 解读, so none is flagged.
		un, _ := s.UninterpretedPolicies(ctx, sum.SiteID)
		for _, d := range un {
			if d.PublishedAt.Year() == 2023 {
				t.Errorf("2023 policy without 解读: %s", d.Title)
			}
		}
	})
}
