package staff

import (
	"context"
	"net/http"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// docList is a titled list of documents with the total behind it.
type docList struct {
	Docs    []catalog.Document
	Total   int
	Reasons map[int64]string // 退回理由 by document
	Columns map[int64]string // column names by ID
}

type dashboardPage struct {
	web.Page
	Columns      map[int64]string
	Drafts       docList
	Rejected     docList
	FirstQueue   *docList // 待初审, for 初审 holders
	FinalQueue   *docList // 待终审, for 终审 holders
	Late         []catalog.Document
	LateUnknown  []store.DocumentFlag
	ReadsDocs    bool
	MayEdit      bool
	MayCatalog   bool
	MayCalendar  bool
	MayUsers     bool
	MayAuditRead bool
}

const dashboardRows = 20

func (h handlers) dashboard(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	ctx := r.Context()
	p := dashboardPage{Page: h.base(r, "工作台"), ReadsDocs: readsDocuments(u), MayEdit: u.Role.Can(auth.PermEditDocument),
		MayCatalog: u.Role.Can(auth.PermManageCatalog), MayCalendar: u.Role.Can(auth.PermCalendar),
		MayUsers: u.Role.Can(auth.PermUsers), MayAuditRead: u.Role.Can(auth.PermAuditRead)}
	if p.ReadsDocs {
		if err := h.fillDashboard(ctx, u, &p); err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	h.app.Render(w, r, http.StatusOK, "staff/dashboard.html", p)
}

func (h handlers) fillDashboard(ctx context.Context, u auth.User, p *dashboardPage) error {
	var err error
	if p.Columns, err = h.columnNames(ctx); err != nil {
		return err
	}
	list := func(f store.DocumentFilter) (docList, error) {
		f.Limit = dashboardRows
		docs, total, err := h.app.Store.Documents(ctx, f)
		return docList{Docs: docs, Total: total, Columns: p.Columns}, err
	}
	if p.MayEdit {
		if p.Drafts, err = list(store.DocumentFilter{AuthorID: u.ID, States: []catalog.State{catalog.StateDraft}}); err != nil {
			return err
		}
		if p.Rejected, err = list(store.DocumentFilter{AuthorID: u.ID, States: []catalog.State{catalog.StateRejected}}); err != nil {
			return err
		}
		ids := make([]int64, len(p.Rejected.Docs))
		for i, d := range p.Rejected.Docs {
			ids[i] = d.ID
		}
		if p.Rejected.Reasons, err = h.app.Store.LastReasons(ctx, ids, catalog.ActReject); err != nil {
			return err
		}
	}
	if u.Role.Can(auth.PermFirstReview) {
		q, err := list(store.DocumentFilter{States: []catalog.State{catalog.StateSubmitted}})
		if err != nil {
			return err
		}
		p.FirstQueue = &q
	}
	if u.Role.Can(auth.PermFinalReview) {
		q, err := list(store.DocumentFilter{States: []catalog.State{catalog.StateFirstApproved}})
		if err != nil {
			return err
		}
		p.FinalQueue = &q
	}
	// 条例第二十六条: publications later than 20 working days are shown so
	// the office can follow them up; so are those not yet computable.
	if p.Late, err = h.app.Store.LateDocuments(ctx, dashboardRows); err != nil {
		return err
	}
	p.LateUnknown, err = h.app.Store.OpenFlags(ctx, store.FlagLateUnknown)
	return err
}

// columnNames maps every column ID to its name, for lists.
func (h handlers) columnNames(ctx context.Context) (map[int64]string, error) {
	names := map[int64]string{}
	for _, s := range h.app.Sites() {
		cols, err := h.app.Store.Columns(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			names[c.ID] = c.Name
		}
	}
	return names, nil
}
