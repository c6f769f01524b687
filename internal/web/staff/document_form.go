package staff

import (
	"net/http"
	"slices"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// topics is the top level of the gov.cn 主题分类 (website-rules §4.6). Staff
// pick one or type their own, e.g. a second level "工业、交通\工业".
var topics = []string{"国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
	"农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育",
	"文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
	"民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他"}

// emptyChannelRows is how many blank channel rows the form always offers,
// so it works without JavaScript.
const emptyChannelRows = 3

// channelRow is one row of the "other channels" table as typed.
type channelRow struct {
	Channel, Date, Ref string
}

type documentFormPage struct {
	web.Page
	form
	Doc        catalog.Document
	IsNew      bool
	Choices    []siteColumns
	Topics     []string
	TopicOther string // the 主题分类 when it is not one of Topics
	Rows       []channelRow
	Genres     []catalog.Genre
	Channels   []catalog.Channel
	MaxUpload  string
}

// Accept is the file input's accept attribute: the attachment types.
func (documentFormPage) Accept() string { return "." + strings.Join(catalog.FileTypeExts(), ",.") }

// FileTypes names the attachment types in the hint.
func (documentFormPage) FileTypes() string { return catalog.FileTypeNames() }

// TopicListed reports whether the document's topic is one of the list.
func (p documentFormPage) TopicListed() bool { return slices.Contains(p.Topics, p.Doc.Topic) }

// Action is where the form posts.
func (p documentFormPage) Action() string {
	if p.IsNew {
		return "/admin/documents/new"
	}
	return "/admin/documents/" + itoa(p.Doc.ID) + "/edit"
}

// renderDocumentForm shows the editor for d; rows are the channel rows as
// typed (nil: taken from d).
func (h handlers) renderDocumentForm(w http.ResponseWriter, r *http.Request, status int, d catalog.Document, rows []channelRow, fe catalog.FieldErrors) {
	u, _ := web.UserOf(r)
	choices, err := h.columnChoices(r.Context(), u, d.ColumnID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	title := "修改信息"
	if d.ID == 0 {
		title = "新建信息"
	}
	p := documentFormPage{Page: h.base(r, title), form: form{Errs: fe}, Doc: d, IsNew: d.ID == 0, Choices: choices,
		Topics: topics, Genres: []catalog.Genre{catalog.GenreOther, catalog.GenreRule, catalog.GenreNormative},
		Channels: catalog.Channels, MaxUpload: megabytes(h.app.Cfg.MaxUpload)}
	if !p.TopicListed() {
		p.TopicOther = d.Topic
	}
	if rows == nil {
		for _, c := range d.Channels {
			rows = append(rows, channelRow{Channel: string(c.Channel), Date: c.Date, Ref: c.Ref})
		}
	}
	p.Rows = append(rows, make([]channelRow, emptyChannelRows)...)
	h.app.Render(w, r, status, "staff/document_form.html", p)
}

// readDocumentForm copies the posted fields into d and returns the channel
// rows as typed, so a form with errors comes back exactly as it was sent.
// The body is kept as typed here; it is sanitised when saved.
func readDocumentForm(r *http.Request, d *catalog.Document) []channelRow {
	f := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	d.ColumnID = formID(r, "column")
	d.Title = f("title")
	d.Summary = f("summary")
	d.BodyHTML = r.PostFormValue("body_html")
	d.DocNo = f("doc_no")
	d.Topic = f("topic")
	if other := f("topic_other"); other != "" {
		d.Topic = other
	}
	d.Issuer = f("issuer")
	d.Genre = catalog.Genre(f("genre"))
	d.WrittenOn = f("written_on")
	d.ChangedOn = f("changed_on")

	kinds, dates, refs := r.PostForm["channel"], r.PostForm["channel_date"], r.PostForm["channel_ref"]
	var rows []channelRow
	d.Channels = nil
	for i := range kinds {
		row := channelRow{Channel: strings.TrimSpace(kinds[i])}
		if i < len(dates) {
			row.Date = strings.TrimSpace(dates[i])
		}
		if i < len(refs) {
			row.Ref = strings.TrimSpace(refs[i])
		}
		if row == (channelRow{}) {
			continue // an unused row
		}
		rows = append(rows, row)
		d.Channels = append(d.Channels, catalog.ChannelRecord{Channel: catalog.Channel(row.Channel), Date: row.Date, Ref: row.Ref})
	}
	return rows
}

// checkColumn validates the chosen column for u and fills the fields that
// follow from it. A column of another Org is refused outright (403), not
// shown as a form error: the form never offers it.
func (h handlers) checkColumn(r *http.Request, u auth.User, d *catalog.Document, fe catalog.FieldErrors) error {
	if d.ColumnID == 0 {
		return nil // Validate reports the missing column
	}
	c, err := h.app.Store.Column(r.Context(), d.ColumnID)
	if err != nil {
		fe.Add("column", "请选择栏目")
		return nil
	}
	if !reachesColumn(u, c) {
		return web.ErrForbidden
	}
	switch {
	case d.SiteID != 0 && d.SiteID != c.SiteID:
		fe.Add("column", "不能把信息移到其他站点的栏目")
	case c.Archived && d.ID == 0:
		fe.Add("column", "该栏目已归档，不能再发布信息")
	}
	d.SiteID = c.SiteID
	d.OrgID = c.OrgID
	if u.Role.OrgScoped() {
		d.OrgID = u.OrgID
	}
	if d.Issuer == "" {
		if s, err := h.app.Store.Site(r.Context(), c.SiteID); err == nil {
			d.Issuer = s.Name // 发布机构 defaults to the agency
		}
	}
	return nil
}
