package staff

import (
	"context"
	"net/http"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// readsDocuments reports whether u works with documents at all: editors,
// reviewers and those who withdraw or mark validity. The three
// administrators (系统、安全、审计) do not.
func readsDocuments(u auth.User) bool { return u.Role.CanAny(auth.DocumentPerms...) }

// reachesColumn reports whether u may work in column c: a 科室信息员 only in
// the columns their own Org is responsible for.
func reachesColumn(u auth.User, c catalog.Column) bool {
	return !u.Role.OrgScoped() || (u.OrgID != 0 && c.OrgID == u.OrgID)
}

// siteColumns is one site's columns for a select's <optgroup>.
type siteColumns struct {
	Site    catalog.Site
	Columns []catalog.Column
}

// columnChoices lists, per site, the columns u may put documents in.
// Archived columns are left out unless keep names one (the document is
// already there).
func (h handlers) columnChoices(ctx context.Context, u auth.User, keep int64) ([]siteColumns, error) {
	var out []siteColumns
	for _, s := range h.app.Sites() {
		cols, err := h.app.Store.Columns(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		g := siteColumns{Site: s}
		for _, c := range cols {
			if reachesColumn(u, c) && (!c.Archived || c.ID == keep) {
				g.Columns = append(g.Columns, c)
			}
		}
		if len(g.Columns) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}

// columnIDs flattens choices.
func columnIDs(groups []siteColumns) []int64 {
	var ids []int64
	for _, g := range groups {
		for _, c := range g.Columns {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// loadDocument reads the document named by the {id} path value and checks
// that the signed-in user may see it.
func (h handlers) loadDocument(r *http.Request) (auth.User, catalog.Document, catalog.Column, error) {
	u, _ := web.UserOf(r)
	id, err := web.PathID(r, "id")
	if err != nil {
		return u, catalog.Document{}, catalog.Column{}, err
	}
	if !readsDocuments(u) {
		return u, catalog.Document{}, catalog.Column{}, web.ErrForbidden
	}
	d, err := h.app.Store.Document(r.Context(), id)
	if err != nil {
		return u, d, catalog.Column{}, err
	}
	c, err := h.app.Store.Column(r.Context(), d.ColumnID)
	if err != nil {
		return u, d, c, err
	}
	if !reachesColumn(u, c) {
		return u, d, c, web.ErrForbidden
	}
	return u, d, c, nil
}

// loadEditable is loadDocument for changes to a document's content or
// attachments, which only drafts and returned documents accept: what is
// under review or published must be sent back or withdrawn first.
func (h handlers) loadEditable(r *http.Request) (catalog.Document, error) {
	_, d, _, err := h.loadDocument(r)
	if err == nil && !d.State.Editable() {
		err = errNotEditable
	}
	return d, err
}

// errNotEditable answers an edit of a document under review or published.
var errNotEditable = &web.Error{Status: http.StatusConflict, Message: "该信息已提交审核或已发布，不能再修改；如需修改请先退回或撤稿"}

// errWrongState answers an action the document's state does not allow.
var errWrongState = &web.Error{Status: http.StatusConflict, Message: catalog.ErrWrongState.Error()}
