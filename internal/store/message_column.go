package store

import (
	"context"
	"errors"

	"gongkai/internal/catalog"
)

// MessageColumnSlug is the 留言选登 column's slug on every site.
const MessageColumnSlug = "lyxd"

// MessageColumn returns the site's 留言选登 column (互动交流), creating it
// on first use under the site's first top-level 互动交流 column, kept by
// that column's 科室, so published answers have a column, a feed and a
// place in the 互动交流 section without an administrator preparing one.
func (s *Store) MessageColumn(ctx context.Context, siteID int64) (catalog.Column, error) {
	c, err := s.ColumnBySlug(ctx, siteID, MessageColumnSlug)
	if err == nil || !errors.Is(err, ErrNotFound) {
		return c, err
	}
	cols, err := s.Columns(ctx, siteID)
	if err != nil {
		return c, err
	}
	c = catalog.Column{SiteID: siteID, Slug: MessageColumnSlug, Name: "留言选登", Kind: catalog.KindInteraction,
		Description: "网民留言及答复选登（已删除个人信息）", Sort: 1000}
	for _, p := range cols {
		if p.Kind == catalog.KindInteraction && p.ParentID == 0 && !p.Archived {
			c.ParentID, c.OrgID, c.Sort = p.ID, p.OrgID, p.Sort+1
			break
		}
	}
	id, err := s.CreateColumn(ctx, c)
	if errors.Is(err, ErrConflict) { // created meanwhile by another request
		return s.ColumnBySlug(ctx, siteID, MessageColumnSlug)
	}
	c.ID = id
	return c, err
}
