// Package catalog is the 主动公开 domain: sites, orgs (科室), columns (栏目),
// documents with their 公开目录 metadata, the validity of normative documents
// and the review workflow. It is pure: no I/O, no clock.
package catalog

import "time"

// Site is an agency's website, or a sub-site of a county counterpart or a
// department on the same platform (集约化, 国办函〔2018〕71号).
type Site struct {
	ID          int64
	ParentID    int64
	Code        string // path prefix /s/{code}/ for sub-sites; the root site answers on /
	Name        string
	Host        string // when set, requests for this Host are routed to the site
	USCC        string // 统一社会信用代码, prefix of every 索引号
	SiteIDCode  string // 政府网站标识码
	ICP         string
	Address     string
	Phone       string
	OfficeHours string
	IsDemo      bool
	CreatedAt   time.Time
}

// Org is a 科室 (internal office) of a site.
type Org struct {
	ID     int64
	SiteID int64
	Name   string
	Duties string
	Phone  string
}
