package monitor

import (
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// ColumnState is where a column stands against its freshness window.
type ColumnState string

const (
	StateFresh     ColumnState = "fresh"     // updated within its window
	StateDue       ColumnState = "due"       // crosses its window within Settings.AlertDays
	StateStale     ColumnState = "stale"     // 栏目不更新: nothing new within its window
	StateBlank     ColumnState = "blank"     // 空白栏目: never carried anything
	StateUnchecked ColumnState = "unchecked" // no window applies (e.g. 机构职能), and not blank
	StateArchived  ColumnState = "archived"  // 已归档: off the checks (the 指引's 优化调整)
)

// Label is the Chinese name of the state.
func (s ColumnState) Label() string {
	switch s {
	case StateFresh:
		return "正常"
	case StateDue:
		return "即将超期"
	case StateStale:
		return "超期未更新"
	case StateBlank:
		return "空白栏目"
	case StateUnchecked:
		return "不限更新周期"
	case StateArchived:
		return "已归档"
	}
	return string(s)
}

// Class is the indicator's family of a column kind (website-rules §1.4).
type Class string

const (
	ClassNews   Class = "news"   // 动态、要闻类
	ClassNotice Class = "notice" // 通知公告、政策文件类
	ClassPlan   Class = "plan"   // 人事、规划计划类
	ClassNone   Class = ""
)

// ClassOf maps a column kind to its family.
func ClassOf(k catalog.ColumnKind) Class {
	switch k {
	case catalog.KindNews:
		return ClassNews
	case catalog.KindNotice, catalog.KindPolicy:
		return ClassNotice
	case catalog.KindPersonnel, catalog.KindPlan:
		return ClassPlan
	}
	return ClassNone
}

// ColumnStatus is one column's freshness.
type ColumnStatus struct {
	Column     catalog.Column
	Class      Class
	FirstLevel bool
	Window     int       // days; 0: none applies
	Overridden bool      // the window comes from the column's own rule
	Published  int       // documents shown, sub-columns included
	Last       time.Time // newest of them; zero when none
	DaysLeft   int       // days until it goes stale (≤ 0: stale since -DaysLeft days)
	State      ColumnState
}

// Freshness is a site's column freshness and the veto counters of
// 栏目不更新 and 首页不更新 (website-rules §1.3 items 3 and 4).
type Freshness struct {
	Columns      []ColumnStatus
	HomeLast     time.Time // newest item the home page shows
	HomeStale    bool
	StaleCount   int // ① 动态要闻 + 通知公告/政策文件 not updated (blank ones included)
	ShouldUpdate int // ② 应更新但长期未更新 (stale or blank)
	BlankCount   int // ③ 空白栏目
	StaleVeto    bool
	ShouldVeto   bool
	BlankVeto    bool
}

// Vetoed reports whether 栏目不更新 or 首页不更新 is hit.
func (f Freshness) Vetoed() bool { return f.HomeStale || f.StaleVeto || f.ShouldVeto || f.BlankVeto }

// EvaluateFreshness judges a site's columns at now. A column shows the
// documents of its sub-columns, so a parent is as fresh as its freshest
// child. The home page shows every first-level column but the 信息公开指南
// and 信息公开目录 ones (see public/home.go).
func EvaluateFreshness(cols []catalog.Column, act map[int64]store.ColumnActivity,
	rules map[int64]store.MonitorColumnRule, s Settings, now time.Time) Freshness {
	children := map[int64][]int64{}
	for _, c := range cols {
		children[c.ParentID] = append(children[c.ParentID], c.ID)
	}
	type agg struct {
		n    int
		last time.Time
	}
	memo := map[int64]agg{}
	var sum func(id int64) agg
	sum = func(id int64) agg {
		if a, ok := memo[id]; ok {
			return a
		}
		memo[id] = agg{} // guards against a cycle in bad data
		a := agg{n: act[id].Published, last: act[id].Last}
		for _, ch := range children[id] {
			b := sum(ch)
			a.n += b.n
			if b.last.After(a.last) {
				a.last = b.last
			}
		}
		memo[id] = a
		return a
	}
	var f Freshness
	homeSeen := false
	for _, c := range cols {
		a := sum(c.ID)
		st := ColumnStatus{Column: c, Class: ClassOf(c.Kind), FirstLevel: c.ParentID == 0, Published: a.n, Last: a.last,
			Window: s.WindowFor(c.Kind)}
		rule, hasRule := rules[c.ID]
		if hasRule && rule.WindowDays != nil {
			st.Window, st.Overridden = *rule.WindowDays, true
		}
		if c.ParentID == 0 && !c.Archived && c.Kind != catalog.KindGuide && c.Kind != catalog.KindCatalogue {
			homeSeen = true
			if a.last.After(f.HomeLast) {
				f.HomeLast = a.last
			}
		}
		switch {
		case c.Archived:
			st.State = StateArchived
		case a.n == 0 && !(hasRule && rule.ExemptBlank):
			st.State = StateBlank
		case st.Window <= 0 || a.n == 0:
			st.State = StateUnchecked
		default:
			st.DaysLeft = st.Window - daysBetween(a.last, now) + 1
			switch {
			case st.DaysLeft <= 0:
				st.State = StateStale
			case st.DaysLeft <= s.AlertDays:
				st.State = StateDue
			default:
				st.State = StateFresh
			}
		}
		f.count(st, s)
		f.Columns = append(f.Columns, st)
	}
	// 首页不更新: no item dated within the window; 未注明信息发布时间的视为不更新,
	// so a home page with nothing on it is not updated either.
	f.HomeStale = homeSeen && (f.HomeLast.IsZero() || daysBetween(f.HomeLast, now) > s.HomepageDays)
	f.StaleVeto = f.StaleCount >= s.StaleVeto
	f.ShouldVeto = f.ShouldUpdate >= s.ShouldVeto
	f.BlankVeto = f.BlankCount >= s.BlankVeto
	return f
}

// count adds a column to the veto counters: ① counts 动态要闻 and 通知公告/
// 政策文件 columns not updated in their window, one counter for both (a
// blank one has not been updated either); ② every column that should be
// updated and is not, blank ones included; ③ blank columns.
func (f *Freshness) count(st ColumnStatus, s Settings) {
	bad := st.State == StateStale || st.State == StateBlank
	if !bad {
		return
	}
	if st.State == StateBlank {
		f.BlankCount++
	}
	f.ShouldUpdate++
	switch st.Class {
	case ClassNews:
		f.StaleCount++
	case ClassNotice:
		if !s.FirstLevelOnly || st.FirstLevel {
			f.StaleCount++
		}
	}
}
