package staff

import (
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type hotlineListPage struct {
	web.Page
	Year    int
	Channel string
	Kind    string
	Rows    []hotlineRow
	Stats   interact.HotlineStats
	Pager   pager
	Chans   []interact.HotlineChannel
	Kinds   []interact.HotlineKind
}

// hotlineRow is a case as lists show it: personal data masked.
type hotlineRow struct {
	interact.HotlineCase
	Caller, Phone, Org, Closed string
}

const hotlinePerPage = 50

// hotlineList is the log of calls, letters and 12345 tickets of a year.
func (h handlers) hotlineList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site, year := h.interactSite(r), h.yearParam(r)
	q := r.URL.Query()
	f := store.HotlineFilter{SiteID: site.ID, Year: year, Channel: interact.HotlineChannel(q.Get("channel")),
		Kind: interact.HotlineKind(q.Get("kind")), Limit: hotlinePerPage, Offset: (pageParam(r) - 1) * hotlinePerPage}
	cases, total, err := h.app.Store.HotlineCases(ctx, f)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	all, _, err := h.app.Store.HotlineCases(ctx, store.HotlineFilter{SiteID: site.ID, Year: year})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	orgs, err := h.app.Store.Orgs(ctx, site.ID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	p := hotlineListPage{Page: h.base(r, "来电来信登记"), Year: year, Channel: q.Get("channel"), Kind: q.Get("kind"),
		Stats: interact.CountHotline(all, year, china), Pager: newPager(r, total, hotlinePerPage),
		Chans: interact.HotlineChannels, Kinds: interact.HotlineKinds}
	for _, c := range cases {
		row := hotlineRow{HotlineCase: c, Caller: maskCaller(c.CallerName), Phone: secret.MaskPhone(c.CallerPhone), Org: names[c.OrgID]}
		if c.Closed() {
			row.Closed = c.ClosedAt.In(china).Format("2006-01-02 15:04")
		}
		p.Rows = append(p.Rows, row)
	}
	h.app.Render(w, r, http.StatusOK, "staff/hotline_list.html", p)
}

// maskCaller keeps a caller's surname: 张**.
func maskCaller(s string) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) == 0 {
		return ""
	}
	return string(rs[:1]) + strings.Repeat("*", len(rs)-1)
}

type hotlineFormPage struct {
	web.Page
	form
	C       interact.HotlineCase
	Typed   map[string]string // the two times as typed
	Orgs    []catalog.Org
	Chans   []interact.HotlineChannel
	Kinds   []interact.HotlineKind
	Callers []interact.CallerKind
	Results []interact.HotlineResult
}

func (h handlers) hotlineNew(w http.ResponseWriter, r *http.Request) {
	c := interact.HotlineCase{SiteID: h.interactSite(r).ID, Channel: interact.ChannelPhone, Kind: interact.HotlineComplaint,
		CallerKind: interact.CallerPerson, Result: interact.ResultOpen}
	typed := map[string]string{"received_at": h.app.Now().In(china).Format("2006-01-02 15:04")}
	h.renderHotlineForm(w, r, http.StatusOK, c, typed, nil)
}

func (h handlers) hotlineEdit(w http.ResponseWriter, r *http.Request) {
	c, err := loadByPath(r, h.app.Store.HotlineCase)
	if err == nil {
		// The form shows the caller's name and phone in full: who opened it is recorded.
		err = h.app.Audit(r, "hotline.reveal", "hotline:"+itoa(c.ID), "")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	typed := map[string]string{"received_at": c.ReceivedAt.In(china).Format("2006-01-02 15:04")}
	if !c.ClosedAt.IsZero() {
		typed["closed_at"] = c.ClosedAt.In(china).Format("2006-01-02 15:04")
	}
	h.renderHotlineForm(w, r, http.StatusOK, c, typed, nil)
}

func (h handlers) renderHotlineForm(w http.ResponseWriter, r *http.Request, status int, c interact.HotlineCase, typed map[string]string, fe catalog.FieldErrors) {
	orgs, err := h.app.Store.Orgs(r.Context(), c.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	title := "登记来电来信"
	if c.ID != 0 {
		title = "修改来电来信"
	}
	h.app.Render(w, r, status, "staff/hotline_form.html", hotlineFormPage{Page: h.base(r, title), form: form{Errs: fe}, C: c,
		Typed: typed, Orgs: orgs, Chans: interact.HotlineChannels, Kinds: interact.HotlineKinds,
		Callers: interact.CallerKinds, Results: interact.HotlineResults})
}

// hotlineSave logs (no {id}) or changes a case.
func (h handlers) hotlineSave(w http.ResponseWriter, r *http.Request) {
	// A new one is on the 互动 site chosen on the page.
	c, err := loadOrNew(r, h.app.Store.HotlineCase, func(c *interact.HotlineCase) { c.SiteID = h.interactSite(r).ID })
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	c.Channel, c.TicketNo, c.Kind = interact.HotlineChannel(get("channel")), get("ticket_no"), interact.HotlineKind(get("kind"))
	c.CallerKind, c.CallerName, c.CallerPhone = interact.CallerKind(get("caller_kind")), get("caller_name"), get("caller_phone")
	c.Subject, c.Content, c.OrgID = get("subject"), get("content"), formID(r, "org")
	c.Handling, c.Result = get("handling"), interact.HotlineResult(get("result"))
	typed := map[string]string{"received_at": get("received_at"), "closed_at": get("closed_at")}
	fe := catalog.FieldErrors{}
	var ok bool
	if c.ReceivedAt, ok = interact.ParseDateTime(typed["received_at"], china); !ok {
		fe.Add("received_at", "请填写受理时间，格式如 2023-03-15 09:30")
	}
	c.ClosedAt = interactTime(typed["closed_at"])
	if typed["closed_at"] != "" && c.ClosedAt.IsZero() {
		fe.Add("closed_at", "办结时间格式应如 2023-03-15 17:00")
	}
	for k, v := range c.Validate() {
		fe.Add(k, v)
	}
	orgs, err := h.app.Store.Orgs(r.Context(), c.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if c.OrgID != 0 && !orgIn(orgs, c.OrgID) {
		fe.Add("org", "请从列表中选择承办科室")
	}
	if len(fe) > 0 {
		h.renderHotlineForm(w, r, http.StatusBadRequest, c, typed, fe)
		return
	}
	id := c.ID
	if id == 0 {
		id, err = h.app.Store.CreateHotlineCase(r.Context(), c)
	} else {
		err = h.app.Store.UpdateHotlineCase(r.Context(), c)
	}
	if isConflict(err) {
		fe.Add("ticket_no", "该工单编号已登记过")
		h.renderHotlineForm(w, r, http.StatusConflict, c, typed, fe)
		return
	}
	if err == nil {
		// No personal data in the audit line: the channel and the subject's ID only.
		err = h.app.Audit(r, "hotline.save", "hotline:"+itoa(id), c.Channel.Label())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/hotline", "saved")
}
