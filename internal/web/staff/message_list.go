package staff

import (
	"context"
	"net/http"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/interact"
	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

const messagesPerPage = 50

// messageRow is one message of the inbox with its urgency as of today,
// computed from the stored due date and the calendar (never stored).
type messageRow struct {
	store.Message
	Masked     string // the writer's name, masked
	OrgName    string
	Stage      interact.MessageStage
	Left       int
	VetoOn     workday.Date
	NoCalendar bool // the calendar does not cover the dates: not computed
}

// Late reports whether the row is past its reply deadline (or worse).
func (r messageRow) Late() bool { return r.Stage >= interact.StageOverdue }

// Abs is the absolute value, for "超期N个工作日".
func (messageRow) Abs(n int) int { return max(n, -n) }

type messageListPage struct {
	web.Page
	Rows     []messageRow
	Statuses []interact.MessageStatus
	Kinds    []interact.MessageKind
	orgScope
	Status    string
	Kind      string
	Query     string
	Late      bool
	MayManage bool
	Settings  interact.MessageSettings
	Today     workday.Date
	Pager     pager
}

// messageInbox is the back office's list of messages: open ones first by
// default, filtered by status, kind, 科室, words and lateness.
func (h handlers) messageInbox(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	ctx := r.Context()
	q := r.URL.Query()
	p := messageListPage{Page: h.base(r, "留言办理"), Statuses: interact.MessageStatuses, Kinds: interact.MessageKinds,
		Status: q.Get("status"), Kind: q.Get("kind"), Query: strings.TrimSpace(q.Get("q")),
		Late: q.Get("late") == "1", MayManage: u.Role.Can(auth.PermMessagesPublish), Today: h.todayDate()}
	if !interact.MessageStatus(p.Status).Valid() && p.Status != "all" {
		p.Status = ""
	}
	if !interact.MessageKind(p.Kind).Valid() {
		p.Kind = ""
	}
	names, ok := h.scopeByOrg(w, r, &p.orgScope, "staff/message_list.html", &p)
	if !ok {
		return
	}
	cal, set, err := h.messageRules(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Settings = set
	f := store.MessageFilter{Kind: interact.MessageKind(p.Kind), OrgID: p.OrgID, Query: p.Query,
		Limit: messagesPerPage, Offset: (pageParam(r) - 1) * messagesPerPage}
	switch p.Status {
	case "":
		f.Open = true
	case "all":
	default:
		f.Status = interact.MessageStatus(p.Status)
	}
	if p.Late {
		// Overdue: open and due before today.
		f.Open, f.Status, f.DueBefore = true, "", p.Today.AddDays(-1).String()
	}
	list, total, err := h.app.Store.Messages(ctx, f)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, m := range list {
		p.Rows = append(p.Rows, messageRowOf(m, names, p.Today, cal, set))
	}
	p.Pager = newPager(r, total, messagesPerPage)
	h.app.Render(w, r, http.StatusOK, "staff/message_list.html", p)
}

func messageRowOf(m store.Message, names map[int64]string, today workday.Date, cal *workday.Calendar, set interact.MessageSettings) messageRow {
	row := messageRow{Message: m, Masked: msgMaskName(m.Name), OrgName: names[m.ReplyOrg()], VetoOn: interact.VetoLine(m.ReceivedOn)}
	if m.Status.Open() {
		if m.DueOn == (workday.Date{}) {
			row.NoCalendar = true
			return row
		}
		stage, left, err := interact.Urgency(m.ReceivedOn, m.DueOn, today, cal, set)
		row.Stage, row.Left, row.NoCalendar = stage, left, err != nil
	}
	return row
}

// messageRules are the calendar and the board's time limits.
func (h handlers) messageRules(ctx context.Context) (*workday.Calendar, interact.MessageSettings, error) {
	cal, err := h.app.Store.Calendar(ctx)
	if err != nil {
		return nil, interact.MessageSettings{}, err
	}
	set, err := h.app.Store.MessageSettings(ctx)
	return cal, set, err
}

// msgMaskName shows a name's first character only (张＊＊), as lists of
// personal data must (website rules; internal/secret masks the rest).
func msgMaskName(name string) string {
	r := []rune(strings.TrimSpace(name))
	if len(r) == 0 {
		return ""
	}
	return string(r[0]) + strings.Repeat("＊", min(max(len(r)-1, 1), 3))
}

// maskContact masks the phone and e-mail for the message page.
func maskContact(m store.Message) (phone, email string) {
	return secret.MaskPhone(m.Phone), secret.MaskEmail(m.Email)
}
