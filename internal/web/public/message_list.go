package public

import (
	"net/http"
	"net/url"
	"strings"

	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// publicMessage is a published message as everyone sees it: only the texts
// staff cleared of personal data, with the dates and the answering 科室
// the portal must show (website-rules §2: 受理日期、答复日期、答复部门、答复内容).
type publicMessage struct {
	ID                      int64
	Title, Kind             string
	Question, Answer        string
	ReceivedOn, ReceivedISO string
	AnsweredOn, AnsweredISO string
	AnswerOrg               string
	DocumentID              int64
}

// messageListPage is the list of 留言选登 with its search box.
type messageListPage struct {
	web.Page
	Query    string
	Messages []publicMessage
	Pager    pager
}

// maxQueryLen bounds the search words (characters).
const maxMessageQuery = 50

// messageList lists answered, published messages, newest first; ?q= finds
// words in the published title, question and answer.
func (b board) messageList(w http.ResponseWriter, r *http.Request) {
	site, base, ok := web.SiteOf(r)
	if !ok {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if rs := []rune(q); len(rs) > maxMessageQuery {
		q = string(rs[:maxMessageQuery])
	}
	n := pageParam(r)
	list, total, err := b.app.Store.Messages(r.Context(), store.MessageFilter{SiteID: site.ID, Published: true, Query: q,
		Limit: perPage, Offset: offset(n)})
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	pg, ok := newPager(base+"/messages", url.Values{"q": {q}}, n, total)
	if !ok {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	names, err := b.orgNames(r.Context(), site.ID)
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	p := messageListPage{Page: b.app.Base(r, "留言选登"), Query: q, Pager: pg}
	p.Meta.ColumnName, p.Meta.ColumnType = "留言选登", "互动交流"
	for _, m := range list {
		p.Messages = append(p.Messages, publicOf(m, names))
	}
	b.app.Render(w, r, http.StatusOK, "public/message_list.html", p)
}

func publicOf(m store.Message, names map[int64]string) publicMessage {
	ans := workday.FromTime(m.AnsweredAt.In(china))
	return publicMessage{ID: m.ID, Title: m.PubTitle, Kind: m.Kind.Label(), Question: m.PubQuestion, Answer: m.PubAnswer,
		ReceivedOn: cnDate(m.ReceivedOn), ReceivedISO: m.ReceivedOn.String(), AnsweredOn: cnDate(ans), AnsweredISO: ans.String(),
		AnswerOrg: names[m.ReplyOrg()], DocumentID: m.DocumentID}
}

// messagePublicPage is one published message.
type messagePublicPage struct {
	web.Page
	Message publicMessage
}

// messageShow is a published message's page; anything else is not found.
func (b board) messageShow(w http.ResponseWriter, r *http.Request) {
	site, _, ok := web.SiteOf(r)
	if !ok {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	m, err := b.app.Store.Message(r.Context(), id)
	if err != nil || m.SiteID != site.ID || !m.Published() {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	if d, err := b.app.Store.Document(r.Context(), m.DocumentID); err != nil || d.State != "published" {
		b.app.Fail(w, r, web.ErrNotFound) // withdrawn in the document pages
		return
	}
	names, err := b.orgNames(r.Context(), site.ID)
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	pm := publicOf(m, names)
	p := messagePublicPage{Page: b.app.Base(r, pm.Title), Message: pm}
	p.Meta.ColumnName, p.Meta.ColumnType, p.Meta.ArticleTitle = "留言选登", "互动交流", pm.Title
	p.Meta.PubDate = m.PublishedAt.In(china).Format("2006-01-02 15:04")
	b.app.Render(w, r, http.StatusOK, "public/message_show.html", p)
}
