package staff

import (
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// interactYear is what the 互动 pages of a year (proposals,
// interpretations) read first: the site and year chosen on the page, and
// the interaction settings and working-day calendar their deadlines are
// counted on.
type interactYear struct {
	site catalog.Site
	year int
	set  store.InteractSettings
	cal  *workday.Calendar
}

func (h handlers) loadInteractYear(r *http.Request) (interactYear, error) {
	set, cal, err := h.proposalClock(r)
	return interactYear{site: h.interactSite(r), year: h.yearParam(r), set: set, cal: cal}, err
}
