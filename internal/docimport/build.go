package docimport

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// indexNoRE accepts the 索引号 patterns agencies actually use (website-rules
// §4.6): an organisation code (USCC, 9-character 组织机构代码 or a region
// code), "/" or "-", the year and a serial — e.g. 11420200MB1234567X/2024-00012,
// 000014349/2024-06673, 01527918X-2020-153077.
var indexNoRE = regexp.MustCompile(`^[0-9A-Z]{6,20}[/-]\d{4}-\d{1,10}$`)

// looseDocNoRE finds 文号 written with the wrong brackets: [2024], (2024),
// （2024）, 【2024】. They are normalised to 〔〕, the form GB/T 9704 requires,
// instead of rejecting years of otherwise good data.
var looseDocNoRE = regexp.MustCompile(`^(\p{Han}[\p{Han}A-Za-z0-9]*)[\[(（【〔]\s*(\d{4})\s*[\])）】〕]\s*(\d+)\s*号$`)

func normalizeDocNo(s string) string {
	s = strings.TrimSpace(s)
	if m := looseDocNoRE.FindStringSubmatch(s); m != nil {
		return m[1] + "〔" + m[2] + "〕" + m[3] + "号"
	}
	return s
}

// fieldOrder lists FieldErrors keys in the order a reader checks a line.
var fieldOrder = []string{"title", "column", "summary", "doc_no", "genre", "written_on", "changed_on", "validity", "channels"}

// built is a line turned into a document, before its body is sanitised
// and its attachments are copied.
type built struct {
	doc        catalog.Document
	site       catalog.Site
	repealedBy string
	problems   []string
}

func (b *built) fail(format string, args ...any) {
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

// build checks everything about a line that needs neither the database's
// documents nor the attachment files.
func build(l Line, r *resolver, today string) built {
	var b built
	d := &b.doc
	site, err := r.site(l.Site)
	if err != nil {
		b.fail("%v", err)
		return b
	}
	b.site = site
	d.SiteID, d.Issuer = site.ID, strings.TrimSpace(l.Issuer)
	if d.Issuer == "" {
		d.Issuer = site.Name
	}
	if col, err := r.column(site.ID, l.Column); err != nil {
		b.fail("%v", err)
	} else {
		d.ColumnID, d.OrgID = col.ID, col.OrgID
	}
	if strings.TrimSpace(l.Org) != "" {
		if org, err := r.org(site.ID, l.Org); err != nil {
			b.fail("%v", err)
		} else {
			d.OrgID = org.ID
		}
	}
	d.Title, d.Summary = strings.TrimSpace(l.Title), strings.TrimSpace(l.Summary)
	d.DocNo, d.Topic = normalizeDocNo(l.DocNo), strings.TrimSpace(l.Topic)
	if utf8.RuneCountInString(d.Topic) > 100 {
		b.fail("主题分类不能超过100个字")
	}
	d.WrittenOn, d.ChangedOn = strings.TrimSpace(l.WrittenOn), strings.TrimSpace(l.ChangedOn)
	if d.Genre = parseGenre(l.Genre); !d.Genre.Known() {
		b.fail("文件类别“%s”无法识别，只能是：行政规范性文件、规章、其他文件", l.Genre)
		d.Genre = catalog.GenreOther
	}
	d.Validity = catalog.Validity(strings.TrimSpace(l.Validity))
	if d.Validity == "" {
		d.Validity = catalog.Valid
	}
	if !d.Validity.Known() {
		b.fail("有效性“%s”无法识别，只能是：有效、已修改、已废止、已失效", l.Validity)
		d.Validity = catalog.Valid // reported once, not again by Validate
	}
	for _, c := range l.Channels {
		d.Channels = append(d.Channels, catalog.ChannelRecord{Channel: catalog.Channel(strings.TrimSpace(c.Channel)),
			Date: strings.TrimSpace(c.Date), Ref: strings.TrimSpace(c.Ref)})
	}
	fe := d.Validate()
	for _, f := range fieldOrder {
		if msg, ok := fe[f]; ok {
			if f == "column" && d.ColumnID == 0 && len(b.problems) > 0 {
				continue // the unknown column is already reported
			}
			b.fail("%s", msg)
		}
	}
	b.checkDates(l, today)
	b.checkIndex(l)
	return b
}

func (b *built) checkDates(l Line, today string) {
	d := &b.doc
	pub := strings.TrimSpace(l.PublishedOn)
	switch {
	case !catalog.ValidDate(pub):
		b.fail("请按“2024-01-29”的格式填写发布日期（published_on）")
	case catalog.ValidDate(d.WrittenOn) && pub < d.WrittenOn:
		b.fail("发布日期 %s 不能早于成文日期 %s", pub, d.WrittenOn)
	case pub > today:
		b.fail("发布日期 %s 晚于今天，导入的文件必须是已发布的", pub)
	default:
		d.PublishedAt = publishedAt(pub)
	}
	for _, c := range d.Channels {
		if catalog.ValidDate(c.Date) && catalog.ValidDate(d.WrittenOn) && c.Date < d.WrittenOn {
			b.fail("发布渠道“%s”的日期 %s 早于成文日期", c.Channel, c.Date)
			break
		}
	}
	d.ValidityOn = strings.TrimSpace(l.ValidityOn)
	if d.ValidityOn != "" && !catalog.ValidDate(d.ValidityOn) {
		b.fail("请按“2024-01-29”的格式填写有效性变更日期（validity_on）")
	}
}

func (b *built) checkIndex(l Line) {
	d := &b.doc
	d.IndexNo = strings.TrimSpace(l.IndexNo)
	if d.IndexNo != "" && !indexNoRE.MatchString(d.IndexNo) {
		b.fail("索引号“%s”格式不正确，应如“11420200MB1234567X/2024-00012”（机构代码/年份-序号）", d.IndexNo)
	}
	b.repealedBy = strings.TrimSpace(l.RepealedByIndexNo)
	switch {
	case b.repealedBy == "":
	case !indexNoRE.MatchString(b.repealedBy):
		b.fail("废止或修改它的文件的索引号“%s”格式不正确", b.repealedBy)
	case b.repealedBy == d.IndexNo:
		b.fail("文件不能被自身废止或修改")
	case d.Validity == catalog.Valid:
		b.fail("填写了 repealed_by_index_no 的文件，有效性应为“已修改”或“已废止”")
	}
}

// parseGenre accepts the code or the Chinese label; anything else is
// reported by Validate.
func parseGenre(s string) catalog.Genre {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return catalog.GenreOther
	case "规章":
		return catalog.GenreRule
	case "行政规范性文件", "规范性文件":
		return catalog.GenreNormative
	case "其他文件", "其他":
		return catalog.GenreOther
	}
	return catalog.Genre(s)
}

// china is the zone publication days are reckoned in.
var china = time.FixedZone("CST", 8*3600)

// publishedAt is when a document dated day went online: 09:00 China time,
// the start of the working day (the old CMS kept only the date).
func publishedAt(day string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02 15:04", day+" 09:00", china)
	return t
}
