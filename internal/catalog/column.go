package catalog

import "slices"

// ColumnKind is the type of a 栏目. It decides the freshness window the
// inspection indicators apply (国办秘函〔2019〕19号, see website-rules §1.4).
type ColumnKind string

const (
	KindNews           ColumnKind = "动态要闻"
	KindNotice         ColumnKind = "通知公告"
	KindPolicy         ColumnKind = "政策文件"
	KindInterpretation ColumnKind = "政策解读"
	KindPersonnel      ColumnKind = "人事信息"
	KindPlan           ColumnKind = "规划计划"
	KindGuide          ColumnKind = "信息公开指南"
	KindCatalogue      ColumnKind = "信息公开目录"
	KindAnnualReport   ColumnKind = "信息公开年报"
	KindService        ColumnKind = "办事服务"
	KindInteraction    ColumnKind = "互动交流"
	KindSpecial        ColumnKind = "专题专栏"
)

// ColumnKinds lists every kind in display order.
var ColumnKinds = []ColumnKind{KindNews, KindNotice, KindPolicy, KindInterpretation,
	KindPersonnel, KindPlan, KindGuide, KindCatalogue, KindAnnualReport, KindService,
	KindInteraction, KindSpecial}

// Valid reports whether k is a known kind.
func (k ColumnKind) Valid() bool {
	return slices.Contains(ColumnKinds, k)
}

// Column is a 栏目 of a site; columns form a tree through ParentID.
type Column struct {
	ID          int64
	SiteID      int64
	ParentID    int64
	Slug        string
	Name        string
	Kind        ColumnKind
	OrgID       int64 // the 科室 responsible for keeping it up to date
	Description string
	Sort        int
	Archived    bool
}
