package docimport

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// resolver turns the names in a line (site, column, 科室) into IDs. It reads
// the catalogue once: an import does not change it.
type resolver struct {
	sites   []catalog.Site
	columns map[int64][]catalog.Column
	orgs    map[int64][]catalog.Org
}

func newResolver(ctx context.Context, st *store.Store) (*resolver, error) {
	sites, err := st.Sites(ctx)
	if err != nil {
		return nil, err
	}
	r := &resolver{sites: sites, columns: map[int64][]catalog.Column{}, orgs: map[int64][]catalog.Org{}}
	for _, s := range sites {
		if r.columns[s.ID], err = st.Columns(ctx, s.ID); err != nil {
			return nil, err
		}
		if r.orgs[s.ID], err = st.Orgs(ctx, s.ID); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// site finds a site by code, else by name; an empty key is accepted only
// when the platform has a single site.
func (r *resolver) site(key string) (catalog.Site, error) {
	key = strings.TrimSpace(key)
	if key == "" {
		if len(r.sites) == 1 {
			return r.sites[0], nil
		}
		return catalog.Site{}, fmt.Errorf("请填写站点（site）")
	}
	for _, s := range r.sites {
		if s.Code == key {
			return s, nil
		}
	}
	for _, s := range r.sites {
		if s.Name == key {
			return s, nil
		}
	}
	return catalog.Site{}, fmt.Errorf("站点“%s”不存在", key)
}

// column finds a site's column by slug, else by name.
func (r *resolver) column(siteID int64, key string) (catalog.Column, error) {
	key = strings.TrimSpace(key)
	if key == "" {
		return catalog.Column{}, fmt.Errorf("请填写栏目（column）")
	}
	for _, c := range r.columns[siteID] {
		if c.Slug == key {
			return c, nil
		}
	}
	var found []catalog.Column
	for _, c := range r.columns[siteID] {
		if c.Name == key {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return catalog.Column{}, fmt.Errorf("栏目“%s”不存在", key)
	case 1:
		return found[0], nil
	}
	return catalog.Column{}, fmt.Errorf("有多个栏目名为“%s”，请改用栏目代码（如 %s）", key, found[0].Slug)
}

// org finds a site's 科室 by name.
func (r *resolver) org(siteID int64, name string) (catalog.Org, error) {
	name = strings.TrimSpace(name)
	for _, o := range r.orgs[siteID] {
		if o.Name == name {
			return o, nil
		}
	}
	return catalog.Org{}, fmt.Errorf("科室“%s”不存在", name)
}
