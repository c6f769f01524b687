package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// ServiceItem is a 办事服务 item with its 办事指南 elements: the seed
// publishes every service "按照项目名称、实施主体、办事程序、申报材料、承诺时限及
// 依据", and the inspection's 服务不实用 item counts guides missing elements
// (website-rules §1.3 item 6).
type ServiceItem struct {
	ID            int64
	SiteID        int64
	Code          string // 事项编码: unique per site, the key of imports
	Name          string // 项目名称
	OrgID         int64  // 承办科室
	Agency        string // 实施主体
	Category      string // 事项类型
	Conditions    string // 申请条件
	Steps         string // 办事程序, one step a line
	Materials     string // 申报材料, one a line
	PromisedLimit string // 承诺时限
	LegalLimit    string // 法定时限
	Basis         string // 设定依据
	Fee           string // 收费标准
	Phone         string // 咨询电话
	Place         string // 办理地点
	Hours         string // 办理时间
	OnlineURL     string // 网上办理
	Published     bool
	Sort          int
	CreatedAt     time.Time
	UpdatedAt     time.Time

	Forms []ServiceForm // filled by ServiceItem, not by lists
}

// StepList and MaterialList split the multi-line elements.
func (it ServiceItem) StepList() []string     { return lines(it.Steps) }
func (it ServiceItem) MaterialList() []string { return lines(it.Materials) }

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Missing lists the 办事指南 key elements the item lacks, by their names in
// the inspection indicators (website-rules §1.8 service_guide).
func (it ServiceItem) Missing() []string {
	var out []string
	for _, e := range []struct{ name, v string }{
		{"事项名称", it.Name}, {"设定依据", it.Basis}, {"申请条件", it.Conditions}, {"办理材料", it.Materials},
		{"办理地点", it.Place}, {"办理机构", it.Agency}, {"收费标准", it.Fee}, {"办理时间", it.Hours},
		{"联系电话", it.Phone}, {"办理流程", it.Steps},
	} {
		if strings.TrimSpace(e.v) == "" {
			out = append(out, e.name)
		}
	}
	return out
}

const serviceItemCols = `id, site_id, code, name, COALESCE(org_id, 0), agency, category, conditions, steps, materials,
	promised_limit, legal_limit, basis, fee, phone, place, hours, online_url, published, sort, created_at, updated_at`

func scanServiceItem(sc scanner) (ServiceItem, error) {
	var it ServiceItem
	return it, mapErr(sc.Scan(&it.ID, &it.SiteID, &it.Code, &it.Name, &it.OrgID, &it.Agency, &it.Category, &it.Conditions,
		&it.Steps, &it.Materials, &it.PromisedLimit, &it.LegalLimit, &it.Basis, &it.Fee, &it.Phone, &it.Place, &it.Hours,
		&it.OnlineURL, &it.Published, &it.Sort, &it.CreatedAt, &it.UpdatedAt))
}

// ServiceItemFilter selects service items. Zero fields do not filter.
type ServiceItemFilter struct {
	SiteID        int64
	PublishedOnly bool
	// Query keeps items whose name, code, 实施主体, category, materials or
	// basis contain every one of its space-separated words.
	Query  string
	Limit  int
	Offset int
}

func (f ServiceItemFilter) where() (string, []any) {
	conds := []string{"1=1"}
	var args []any
	if f.SiteID != 0 {
		conds, args = append(conds, "site_id = ?"), append(args, f.SiteID)
	}
	if f.PublishedOnly {
		conds = append(conds, "published = TRUE")
	}
	for _, w := range strings.Fields(f.Query) {
		if w = escapeLike(w); w == "" {
			continue
		}
		conds = append(conds, "(name LIKE ? OR code LIKE ? OR agency LIKE ? OR category LIKE ? OR materials LIKE ? OR basis LIKE ?)")
		like := "%" + w + "%"
		args = append(args, like, like, like, like, like, like)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ServiceItems lists items in their display order and the total matching.
func (s *Store) ServiceItems(ctx context.Context, f ServiceItemFilter) ([]ServiceItem, int, error) {
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM service_items`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT %s FROM service_items%s ORDER BY sort, code, id LIMIT %d OFFSET %d`,
		serviceItemCols, where, pageLimit(f.Limit, 50), max(f.Offset, 0)), args...)
	items, err := collect(rows, err, scanServiceItem)
	return items, total, err
}

// ServiceItem reads one item with its forms.
func (s *Store) ServiceItem(ctx context.Context, id int64) (ServiceItem, error) {
	it, err := scanServiceItem(s.queryRow(ctx, `SELECT `+serviceItemCols+` FROM service_items WHERE id = ?`, id))
	if err != nil {
		return it, err
	}
	it.Forms, err = s.ServiceForms(ctx, it.ID)
	return it, err
}

// ServiceItemByCode reads a site's item by its code, with its forms.
func (s *Store) ServiceItemByCode(ctx context.Context, siteID int64, code string) (ServiceItem, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM service_items WHERE site_id = ? AND code = ?`, siteID, code).Scan(&id)
	if err != nil {
		return ServiceItem{}, mapErr(err)
	}
	return s.ServiceItem(ctx, id)
}

// SaveServiceItem creates (ID 0) or updates an item; ErrConflict when the
// site already has another item with the code.
func (s *Store) SaveServiceItem(ctx context.Context, it ServiceItem) (int64, error) {
	if it.ID == 0 {
		return s.conn.createServiceItem(ctx, it)
	}
	return it.ID, s.conn.updateServiceItem(ctx, it)
}

func (c conn) createServiceItem(ctx context.Context, it ServiceItem) (int64, error) {
	t := now()
	return c.insert(ctx, `INSERT INTO service_items (site_id, code, name, org_id, agency, category, conditions, steps, materials,
		promised_limit, legal_limit, basis, fee, phone, place, hours, online_url, published, sort, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.SiteID, it.Code, it.Name, nullID(it.OrgID), it.Agency, it.Category, it.Conditions, it.Steps, it.Materials,
		it.PromisedLimit, it.LegalLimit, it.Basis, it.Fee, it.Phone, it.Place, it.Hours, it.OnlineURL, it.Published, it.Sort, t, t)
}

func (c conn) updateServiceItem(ctx context.Context, it ServiceItem) error {
	res, err := c.exec(ctx, `UPDATE service_items SET code=?, name=?, org_id=?, agency=?, category=?, conditions=?, steps=?,
		materials=?, promised_limit=?, legal_limit=?, basis=?, fee=?, phone=?, place=?, hours=?, online_url=?, published=?,
		sort=?, updated_at=? WHERE id=?`,
		it.Code, it.Name, nullID(it.OrgID), it.Agency, it.Category, it.Conditions, it.Steps, it.Materials, it.PromisedLimit,
		it.LegalLimit, it.Basis, it.Fee, it.Phone, it.Place, it.Hours, it.OnlineURL, it.Published, it.Sort, now(), it.ID)
	return oneRow(res, err)
}

// ImportResult counts what ImportServiceItems did.
type ImportResult struct{ Created, Updated, Unchanged int }

// ImportServiceItems stores items of one site, matched by code: a new code
// is created, a known one updated (its forms and publication state are
// kept). All rows go in one transaction, so a failure leaves nothing
// half-imported, and importing the same file twice changes nothing.
func (s *Store) ImportServiceItems(ctx context.Context, siteID int64, items []ServiceItem) (ImportResult, error) {
	var res ImportResult
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.Code] {
			return res, fmt.Errorf("%w: 事项编码 %s 重复", ErrConflict, it.Code)
		}
		seen[it.Code] = true
	}
	err := s.tx(ctx, func(c conn) error {
		for _, it := range items {
			it.SiteID = siteID
			old, err := scanServiceItem(c.queryRow(ctx, `SELECT `+serviceItemCols+` FROM service_items WHERE site_id = ? AND code = ?`,
				siteID, it.Code))
			switch {
			case err == ErrNotFound:
				if _, err := c.createServiceItem(ctx, it); err != nil {
					return fmt.Errorf("事项编码 %s: %w", it.Code, err)
				}
				res.Created++
				continue
			case err != nil:
				return err
			}
			it.ID, it.Published, it.Sort = old.ID, old.Published, old.Sort
			if it.OrgID == 0 {
				it.OrgID = old.OrgID
			}
			it.CreatedAt, it.UpdatedAt = old.CreatedAt, old.UpdatedAt
			it.Forms, old.Forms = nil, nil
			if reflect.DeepEqual(it, old) {
				res.Unchanged++
				continue
			}
			if err := c.updateServiceItem(ctx, it); err != nil {
				return fmt.Errorf("事项编码 %s: %w", it.Code, err)
			}
			res.Updated++
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// DeleteServiceItem removes an item and its form records; the caller
// removes the form files.
func (s *Store) DeleteServiceItem(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM service_items WHERE id = ?`, id)
	return oneRow(res, err)
}
