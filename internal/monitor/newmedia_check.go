package monitor

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/store"
)

// MediaState is how an account of the 政务新媒体 register stands.
type MediaState string

const (
	MediaFresh  MediaState = "fresh"
	MediaDue    MediaState = "due"    // goes stale within Settings.AlertDays
	MediaStale  MediaState = "stale"  // 内容不更新: veto
	MediaNever  MediaState = "never"  // no post recorded at all: treated as stale
	MediaIgnore MediaState = "ignore" // paused (报备) or closed: not expected to post
)

// MediaStatus is the judgement of one account.
type MediaStatus struct {
	Account  store.MediaAccount
	State    MediaState
	Window   int // days
	Since    int // days since the last post (when there is one)
	DaysLeft int // until stale (≤ 0: stale)
	// Dormant marks an account idle for more than 3 months, which bulletins
	// ask to close (注销) rather than keep (website-rules §1.6 [S]).
	Dormant bool
}

// dormantDays is the "长期不更新 (>3 months)" of the bulletins.
const dormantDays = 90

// EvaluateMedia applies the new-media rule of 国办秘函〔2019〕19号
// (website-rules §1.6): an account with no update within the 2 weeks before
// the check (its own window when a stricter local rule sets one) is 内容不更新,
// a veto item. The counting matches the column rule (freshness.go): a post
// dated d is fresh through d + window.
func EvaluateMedia(a store.MediaAccount, now time.Time, alertDays int) MediaStatus {
	st := MediaStatus{Account: a, Window: a.UpdateDays}
	if st.Window <= 0 {
		st.Window = 14
	}
	if a.Status != store.MediaActive {
		st.State = MediaIgnore
		return st
	}
	last := a.LastPost()
	if last == "" {
		st.State, st.Dormant = MediaNever, true
		return st
	}
	st.Since = daysSince(last, now)
	st.DaysLeft = st.Window - st.Since + 1
	st.Dormant = st.Since > dormantDays
	switch {
	case st.DaysLeft <= 0:
		st.State = MediaStale
	case st.DaysLeft <= alertDays:
		st.State = MediaDue
	default:
		st.State = MediaFresh
	}
	return st
}

// newMediaCheck is 政务新媒体: the 2-week no-update rule and the
// interaction function over the register, with alerts to the owner 科室.
type newMediaCheck struct{}

func (newMediaCheck) Name() string         { return "newmedia" }
func (newMediaCheck) Title() string        { return "政务新媒体更新与互动" }
func (newMediaCheck) Every() time.Duration { return 24 * time.Hour }

func (newMediaCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	accounts, err := env.Store.MediaAccounts(ctx, store.MediaAccountFilter{})
	if err != nil {
		return rep, err
	}
	rcpt, err := loadRecipients(ctx, env.Store)
	if err != nil {
		return rep, err
	}
	now := env.Now()
	var watched, stale, closedInteraction int
	for _, a := range accounts {
		st := EvaluateMedia(a, now, env.Settings.AlertDays)
		if st.State == MediaIgnore {
			continue
		}
		watched++
		fs := mediaFindings(st)
		for _, f := range fs {
			if f.Kind == "newmedia_stale" {
				stale++
			}
			if f.Kind == "newmedia_no_interaction" {
				closedInteraction++
			}
		}
		rep.Findings = append(rep.Findings, fs...)
		rep.Notices = append(rep.Notices, mediaNotices(st, rcpt, now)...)
	}
	rep.Summary = fmt.Sprintf("检查政务新媒体账号%d个：内容不更新%d个，未提供互动功能%d个", watched, stale, closedInteraction)
	return rep, nil
}

func mediaFindings(st MediaStatus) []store.MonitorFinding {
	a := st.Account
	base := store.MonitorFinding{SiteID: a.SiteID, OrgID: a.OrgID, URL: a.URL}
	who := fmt.Sprintf("政务新媒体“%s”（%s）", a.Name, a.Platform)
	var out []store.MonitorFinding
	add := func(key, kind, sev, msg string) {
		f := base
		f.Key, f.Kind, f.Severity, f.Message = fmt.Sprintf("%s:%d", key, a.ID), kind, sev, msg
		out = append(out, f)
	}
	dormant := ""
	if st.Dormant {
		dormant = "；超过3个月未更新的账号应整改或按程序注销"
	}
	switch st.State {
	case MediaNever:
		add("stale", "newmedia_stale", SevVeto, who+"没有任何发布记录（内容不更新，单项否决）：请登记最近发布日期"+dormant)
	case MediaStale:
		add("stale", "newmedia_stale", SevVeto, fmt.Sprintf("%s已%d天未更新，超过%d天（内容不更新，单项否决），最近发布于%s%s",
			who, st.Since, st.Window, a.LastPost(), dormant))
	case MediaDue:
		add("due", "newmedia_due", SevWarn, fmt.Sprintf("%s将在%d天后超过%d天未更新（最近发布于%s）", who, st.DaysLeft, st.Window, a.LastPost()))
	}
	if !a.Interactive {
		// 互动回应差: 未提供有效互动功能 (留言、评论、私信 closed).
		add("interaction", "newmedia_no_interaction", SevVeto, who+"未提供有效互动功能（互动回应差，单项否决）：请开启留言、评论或私信功能")
	}
	return out
}

// mediaNotices tell the owner 科室's 信息员 (or the 公开办) before the
// account goes stale and when it has; the keys carry the date the account
// crossed or will cross, so each is told once per lapse.
func mediaNotices(st MediaStatus, rcpt recipients, now time.Time) []store.MonitorNotice {
	a := st.Account
	var n store.MonitorNotice
	switch st.State {
	case MediaDue:
		crossing := now.AddDate(0, 0, st.DaysLeft)
		n = store.MonitorNotice{Key: fmt.Sprintf("newmedia-due:%d:%s", a.ID, day(crossing)), Kind: "newmedia_due",
			Title: fmt.Sprintf("政务新媒体“%s”将在%d天后超期未更新", a.Name, st.DaysLeft),
			Body: fmt.Sprintf("%s账号“%s”最近一次发布于%s，请在%s前发布新内容，以免被认定为“内容不更新”（单项否决）。",
				a.Platform, a.Name, a.LastPost(), day(crossing))}
	case MediaStale, MediaNever:
		last := a.LastPost()
		if last == "" {
			last = "never"
		}
		n = store.MonitorNotice{Key: fmt.Sprintf("newmedia-stale:%d:%s", a.ID, last), Kind: "newmedia_stale",
			Title: fmt.Sprintf("政务新媒体“%s”已超期未更新", a.Name),
			Body: fmt.Sprintf("%s账号“%s”已超过%d天未更新（内容不更新，单项否决）。请尽快发布；确已停止运维的，请报备暂停或办理注销。",
				a.Platform, a.Name, st.Window)}
	default:
		return nil
	}
	n.Link = fmt.Sprintf("/admin/newmedia#acc-%d", a.ID)
	return rcpt.notices(a.OrgID, n)
}
