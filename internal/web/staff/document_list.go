package staff

import (
	"net/http"
	"slices"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// states are the workflow states in the list filter.
var states = []catalog.State{catalog.StateDraft, catalog.StateSubmitted, catalog.StateFirstApproved,
	catalog.StateScheduled, catalog.StatePublished, catalog.StateRejected, catalog.StateWithdrawn}

type documentListPage struct {
	web.Page
	Docs     []catalog.Document
	Columns  map[int64]string
	Choices  []siteColumns
	States   []catalog.State
	ColumnID int64
	State    catalog.State
	Query    string
	Pager    pager
	MayEdit  bool
}

const documentsPerPage = 20

func (h handlers) documentList(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if !readsDocuments(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	ctx := r.Context()
	choices, err := h.columnChoices(ctx, u, 0)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	q := r.URL.Query()
	p := documentListPage{Page: h.base(r, "信息管理"), Choices: choices, States: states, ColumnID: formIDq(q.Get("column")),
		State: catalog.State(q.Get("state")), Query: strings.TrimSpace(q.Get("title")), MayEdit: u.Role.Can(auth.PermEditDocument)}
	if !slices.Contains(states, p.State) {
		p.State = ""
	}
	f := store.DocumentFilter{Title: p.Query, Limit: documentsPerPage}
	if p.State != "" {
		f.States = []catalog.State{p.State}
	}
	visible := columnIDs(choices)
	if u.Role.OrgScoped() {
		// A 科室信息员 sees only their Org's columns; with none, nothing.
		f.ColumnIDs = visible
		if len(visible) == 0 {
			h.app.Render(w, r, http.StatusOK, "staff/document_list.html", p)
			return
		}
	}
	if p.ColumnID != 0 {
		if u.Role.OrgScoped() && !slices.Contains(visible, p.ColumnID) {
			h.app.Fail(w, r, web.ErrForbidden)
			return
		}
		f.ColumnIDs = []int64{p.ColumnID}
	}
	f.Offset = (pageParam(r) - 1) * documentsPerPage
	var total int
	if p.Docs, total, err = h.app.Store.Documents(ctx, f); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Pager = newPager(r, total, documentsPerPage)
	if p.Columns, err = h.columnNames(ctx); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/document_list.html", p)
}
