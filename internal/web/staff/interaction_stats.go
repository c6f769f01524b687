package staff

import (
	"bytes"
	"fmt"
	"net/http"

	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type interactionStatsPage struct {
	web.Page
	Year  int
	S     interact.YearStats
	Lines []string
	Forms []interact.InterpretationForm
	Chans []interact.HotlineChannel
}

// yearStats counts a site's year: the message board (store.MessageCounts),
// the hotline log, interpretations and responses, and proposals.
func (h handlers) yearStats(r *http.Request, year int) (interact.YearStats, error) {
	ctx := r.Context()
	site := h.interactSite(r)
	out := interact.YearStats{Year: year, Agency: site.Name}
	mc, err := h.app.Store.MessageCounts(ctx, site.ID, year, h.app.Now())
	if err != nil {
		return out, err
	}
	out.Messages = &interact.MessageStats{Received: mc.Received, Invalid: mc.Invalid, Merged: mc.Merged, Valid: mc.Valid,
		Answered: mc.Answered, OnTime: mc.OnTime, Late: mc.Late, Open: mc.Open, Published: mc.Published}
	cases, _, err := h.app.Store.HotlineCases(ctx, store.HotlineFilter{SiteID: site.ID, Year: year})
	if err != nil {
		return out, err
	}
	out.Hotline = interact.CountHotline(cases, year, china)
	links, err := h.app.Store.Interpretations(ctx, site.ID, year)
	if err != nil {
		return out, err
	}
	concerns, err := h.app.Store.Concerns(ctx, site.ID, year)
	if err != nil {
		return out, err
	}
	is := make([]interact.Interpretation, len(links))
	for i, l := range links {
		is[i] = l.Interpretation
	}
	out.Interpretations = interact.CountInterpretations(is, concerns, year)
	set, cal, err := h.proposalClock(r)
	if err != nil {
		return out, err
	}
	ps, err := h.app.Store.Proposals(ctx, store.ProposalFilter{SiteID: site.ID, Year: year})
	if err != nil {
		return out, err
	}
	out.Proposals = interact.CountProposals(ps, year, onTimeFunc(set.Proposal, cal))
	return out, nil
}

// interactionStats is the back-office page of the year's counts, with the
// narrative the annual report quotes.
func (h handlers) interactionStats(w http.ResponseWriter, r *http.Request) {
	year := h.yearParam(r)
	s, err := h.yearStats(r, year)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/interaction_stats.html", interactionStatsPage{Page: h.base(r, "政民互动统计"),
		Year: year, S: s, Lines: s.Narrative(), Forms: interact.InterpretationForms, Chans: interact.HotlineChannels})
}

// interactionStatsXLSX exports the same counts, one sheet per topic.
func (h handlers) interactionStatsXLSX(w http.ResponseWriter, r *http.Request) {
	year := h.yearParam(r)
	s, err := h.yearStats(r, year)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := interact.WriteStatsXLSX(&buf, s); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	name := fmt.Sprintf("%s%d年政民互动统计.xlsx", s.Agency, year)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", web.Attachment("interaction.xlsx", name))
	_, _ = w.Write(buf.Bytes())
}
