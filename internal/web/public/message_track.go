package public

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// Messages of the tracking form. An unknown code and a mistyped one get
// the same sentence, so the page does not tell which codes exist.
const (
	msgTrackCode    = "请填写留言查询码，例如：LY-ABCD-EFGH-JKMN"
	msgTrackUnknown = "没有找到该查询码对应的留言，请核对后重新输入（不区分大小写，短横线可以不输入）"
)

// messageView is one message as its writer sees it: never their contact
// data (the page may be open on a shared computer), the rest in full.
type messageView struct {
	Code, Title, Body, Kind       string
	Status                        string
	Open, Answered, Invalid       bool
	Merged, Published             bool
	ReceivedOn, DueOn, VetoOn     string
	Answer, AnswerOrg, AnsweredOn string
	InvalidReason                 string
	PublicID                      int64 // the public page, when published
	Public                        bool
	Base                          string // the site's link prefix
}

// trackPage is the tracking form and, after a lookup, the message.
type trackPage struct {
	web.Page
	Code    string
	Problem string
	Err     string
	Found   *messageView
}

func (b board) messageTrackForm(w http.ResponseWriter, r *http.Request) {
	b.render(w, r, http.StatusOK, "public/message_track.html", trackPage{Page: b.app.Base(r, "留言查询")})
}

// messageTrack shows the message a code names. Each lookup spends the
// address's lookup budget, shared with the application status page and the
// open API; the code's ≈58 random bits make guessing pointless.
func (b board) messageTrack(w http.ResponseWriter, r *http.Request) {
	site, _, ok := web.SiteOf(r)
	if !ok {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	ctx := r.Context()
	p := trackPage{Page: b.app.Base(r, "留言查询"), Code: strings.TrimSpace(r.PostFormValue("code"))}
	if !b.lim.TakeLookup(ctx, web.RemoteAddr(r)) {
		p.Problem = msgLookupBusy
		b.render(w, r, http.StatusTooManyRequests, "public/message_track.html", p)
		return
	}
	if p.Code == "" {
		p.Err = msgTrackCode
		b.render(w, r, http.StatusUnprocessableEntity, "public/message_track.html", p)
		return
	}
	m, err := b.app.Store.MessageByCode(ctx, site.ID, p.Code)
	if errors.Is(err, store.ErrNotFound) {
		p.Err = msgTrackUnknown
		b.render(w, r, http.StatusUnprocessableEntity, "public/message_track.html", p)
		return
	}
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	v, err := b.view(ctx, m)
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	v.Base = p.Base
	p.Found = &v
	b.render(w, r, http.StatusOK, "public/message_track.html", p)
}

// view is m as its writer sees it.
func (b board) view(ctx context.Context, m store.Message) (messageView, error) {
	names, err := b.orgNames(ctx, m.SiteID)
	if err != nil {
		return messageView{}, err
	}
	v := messageView{Code: m.Code, Title: m.Title, Body: m.Body, Kind: m.Kind.Label(), Status: m.Status.Label(),
		Open: m.Status.Open(), Answered: m.Answered(), Invalid: m.Status == interact.StatusInvalid,
		Merged: m.Status == interact.StatusMerged, Published: m.Published(), Public: m.Public,
		ReceivedOn: cnDate(m.ReceivedOn), DueOn: cnDate(m.DueOn), VetoOn: cnDate(interact.VetoLine(m.ReceivedOn))}
	if m.Answered() {
		v.Answer, v.AnswerOrg = m.Answer, names[m.ReplyOrg()]
		v.AnsweredOn = cnDate(workday.FromTime(m.AnsweredAt.In(china)))
		if m.Status == interact.StatusMerged {
			v.Status = "已答复（与相同内容的留言合并办理）"
		}
	}
	if v.Invalid {
		v.InvalidReason = m.InvalidReason.Label()
	}
	if v.Published {
		v.PublicID = m.ID
	}
	return v, nil
}

// orgNames maps a site's 科室 to their names.
func (b board) orgNames(ctx context.Context, siteID int64) (map[int64]string, error) {
	orgs, err := b.app.Store.Orgs(ctx, siteID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(orgs))
	for _, o := range orgs {
		out[o.ID] = o.Name
	}
	return out, nil
}

// minePage lists a signed-in citizen's own messages.
type minePage struct {
	web.Page
	SignedIn bool
	Messages []messageView
}

// messageMine shows the messages left while signed in to a citizen account.
func (b board) messageMine(w http.ResponseWriter, r *http.Request) {
	site, _, ok := web.SiteOf(r)
	if !ok {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	p := minePage{Page: b.app.Base(r, "我的留言")}
	c, _, signed := b.citizenOf(r)
	p.SignedIn = signed
	if signed {
		list, _, err := b.app.Store.Messages(r.Context(), store.MessageFilter{SiteID: site.ID, CitizenID: c.ID, Limit: 100})
		if err != nil {
			b.app.Fail(w, r, err)
			return
		}
		for _, m := range list {
			v, err := b.view(r.Context(), m)
			if err != nil {
				b.app.Fail(w, r, err)
				return
			}
			v.Base = p.Base
			p.Messages = append(p.Messages, v)
		}
	}
	b.render(w, r, http.StatusOK, "public/message_mine.html", p)
}
