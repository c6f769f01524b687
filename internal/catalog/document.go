package catalog

import (
	"fmt"
	"slices"
	"time"
)

// Validity is the 有效性 of a document.
type Validity string

const (
	Valid    Validity = "有效"
	Amended  Validity = "已修改"
	Repealed Validity = "已废止"
	Expired  Validity = "已失效"
)

// Validities lists every validity in display order.
var Validities = []Validity{Valid, Amended, Repealed, Expired}

// Known reports whether v is one of Validities.
func (v Validity) Known() bool {
	return slices.Contains(Validities, v)
}

// Superseded reports whether the document page must carry the banner that
// points to its replacement (政府网站发展指引: mark the original clearly).
func (v Validity) Superseded() bool { return v == Amended || v == Repealed || v == Expired }

// Genre separates normative documents, which feed table 二 of the annual
// report (条例第二十条第(一)项), from everything else.
type Genre string

const (
	GenreOther     Genre = "other"
	GenreRule      Genre = "rule"      // 规章
	GenreNormative Genre = "normative" // 行政规范性文件
)

// Label is the Chinese name of the genre.
func (g Genre) Label() string {
	switch g {
	case GenreRule:
		return "规章"
	case GenreNormative:
		return "行政规范性文件"
	}
	return "其他文件"
}

// Known reports whether g is a defined genre.
func (g Genre) Known() bool { return g == GenreOther || g == GenreRule || g == GenreNormative }

// Channel is one of the other channels a document went out on; the counts of
// section 二 of the annual report come from these records.
type Channel string

const (
	ChannelWeChat    Channel = "政务微信"
	ChannelNewspaper Channel = "报纸"
	ChannelTV        Channel = "电视"
	ChannelRadio     Channel = "广播"
	ChannelOther     Channel = "其他"
)

// Channels lists every channel.
var Channels = []Channel{ChannelWeChat, ChannelNewspaper, ChannelTV, ChannelRadio, ChannelOther}

// Known reports whether c is one of Channels.
func (c Channel) Known() bool {
	return slices.Contains(Channels, c)
}

// ChannelRecord says a document also went out on Channel on Date.
type ChannelRecord struct {
	ID      int64
	Channel Channel
	Date    string // YYYY-MM-DD
	Ref     string // e.g. the newspaper issue or the WeChat article link
}

// Attachment is a file stored under the data dir.
type Attachment struct {
	ID         int64
	DocumentID int64
	Name       string
	StoredAs   string // path relative to the files dir
	MIME       string
	Size       int64
	SHA256     string
	CreatedAt  time.Time
}

// Document is a piece of 主动公开 information with its 公开目录 metadata
// (条例第十二条: 索引、名称、内容概述、生成日期).
type Document struct {
	ID           int64
	SiteID       int64
	ColumnID     int64
	OrgID        int64
	AuthorID     int64
	Title        string
	Summary      string
	BodyHTML     string
	DocNo        string // 文号
	IndexNo      string // 索引号, assigned at publication and never changed
	Topic        string // 主题分类
	Issuer       string // 发布机构
	Genre        Genre
	WrittenOn    string // 成文日期 YYYY-MM-DD
	ChangedOn    string // 变更日期, when the information changed after it was formed
	Validity     Validity
	ValidityOn   string // when the validity last changed
	ReplacedBy   int64  // the amending or repealing document
	State        State
	ScheduledAt  time.Time
	PublishedAt  time.Time
	LateWorkdays int // working days past the 20-day limit of 条例第二十六条 when published
	CreatedAt    time.Time
	UpdatedAt    time.Time

	Channels    []ChannelRecord
	Attachments []Attachment
}

// FormedOn is the date the art. 26 clock runs from: the change date when
// the information changed, else the date it was written.
func (d Document) FormedOn() string {
	if d.ChangedOn != "" {
		return d.ChangedOn
	}
	return d.WrittenOn
}

// IndexNo formats a 索引号 as {统一社会信用代码}/{YYYY}-{NNNNN}, the platform
// default of website-rules §4.6 (the pattern Guangdong's gkmlpt uses).
func FormatIndexNo(uscc string, year, serial int) string {
	return fmt.Sprintf("%s/%04d-%05d", uscc, year, serial)
}
