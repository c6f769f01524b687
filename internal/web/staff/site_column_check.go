package staff

import (
	"context"

	"gongkai/internal/catalog"
)

// checkSiteColumn checks where a linkage record (a feed subscription, a
// repost rule) files what it finds: one of our sites, and, when one is
// chosen, a column of that site. Problems go into fe beside "site" and
// "column"; err is for failures of the server.
func (h handlers) checkSiteColumn(ctx context.Context, siteID, columnID int64, fe catalog.FieldErrors) error {
	if _, ok := siteByID(h.app, siteID); !ok {
		fe.Add("site", "请选择站点")
	}
	cols, err := h.allColumns(ctx)
	if err != nil {
		return err
	}
	if !columnOfSite(cols, siteID, columnID) {
		fe.Add("column", "请选择该站点的栏目")
	}
	return nil
}

// columnOfSite checks a chosen column belongs to the site (0 is allowed:
// none chosen).
func columnOfSite(cols []siteColumn, siteID, columnID int64) bool {
	if columnID == 0 {
		return true
	}
	for _, c := range cols {
		if c.ID == columnID {
			return c.SiteID == siteID
		}
	}
	return false
}
