package public

import (
	"context"
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// columnTree is a site's 栏目 read once per request, so breadcrumbs, child
// lists and "this column and everything below it" cost no further queries.
type columnTree struct {
	all  []catalog.Column // tree order (sort, id)
	byID map[int64]int
}

// siteColumns is siteOf with the site's column tree, which most public
// pages need for navigation, breadcrumbs or the list of columns.
func (h handlers) siteColumns(r *http.Request) (catalog.Site, string, columnTree, error) {
	site, base, err := siteOf(r)
	if err != nil {
		return site, base, columnTree{}, err
	}
	tree, err := loadColumns(r.Context(), h.app.Store, site.ID)
	return site, base, tree, err
}

func loadColumns(ctx context.Context, st *store.Store, siteID int64) (columnTree, error) {
	cols, err := st.Columns(ctx, siteID)
	if err != nil {
		return columnTree{}, err
	}
	t := columnTree{all: cols, byID: make(map[int64]int, len(cols))}
	for i, c := range cols {
		t.byID[c.ID] = i
	}
	return t, nil
}

func (t columnTree) get(id int64) (catalog.Column, bool) {
	i, ok := t.byID[id]
	if !ok {
		return catalog.Column{}, false
	}
	return t.all[i], true
}

func (t columnTree) bySlug(slug string) (catalog.Column, bool) {
	for _, c := range t.all {
		if c.Slug == slug {
			return c, true
		}
	}
	return catalog.Column{}, false
}

// children lists the live (not archived) columns directly below id; id 0
// gives the first-level columns.
func (t columnTree) children(id int64) []catalog.Column {
	var out []catalog.Column
	for _, c := range t.all {
		if c.ParentID == id && !c.Archived {
			out = append(out, c)
		}
	}
	return out
}

// subtree is id and every column below it. Documents of archived
// sub-columns stay listed: archiving retires a column, not its information.
func (t columnTree) subtree(id int64) []int64 {
	out := []int64{id}
	seen := map[int64]bool{id: true}
	for i := 0; i < len(out); i++ {
		for _, c := range t.all {
			if c.ParentID == out[i] && !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c.ID)
			}
		}
	}
	return out
}

// trail is the path from the first level down to id, both included. A
// broken parent link (or a cycle) ends it rather than looping.
func (t columnTree) trail(id int64) []catalog.Column {
	var rev []catalog.Column
	for range len(t.all) {
		c, ok := t.get(id)
		if !ok {
			break
		}
		rev = append(rev, c)
		if c.ParentID == 0 {
			break
		}
		id = c.ParentID
	}
	out := make([]catalog.Column, len(rev))
	for i, c := range rev {
		out[len(rev)-1-i] = c
	}
	return out
}

// firstOfKind is the first live column of kind k in tree order.
func (t columnTree) firstOfKind(k catalog.ColumnKind) (catalog.Column, bool) {
	for _, c := range t.all {
		if c.Kind == k && !c.Archived {
			return c, true
		}
	}
	return catalog.Column{}, false
}

// ofKind lists the live columns of kind k.
func (t columnTree) ofKind(k catalog.ColumnKind) []int64 {
	var out []int64
	for _, c := range t.all {
		if c.Kind == k && !c.Archived {
			out = append(out, c.ID)
		}
	}
	return out
}
