package linkage

import (
	"errors"
	"strings"

	"gongkai/internal/workday"
)

// DefaultDueWorkdays is the repost period when neither a rule nor the
// person marking an item says otherwise. No national number exists
// (website-rules §4.4 item 4: "及时转载", no numeric deadline found), so
// the site's setting decides; 3 working days is the common local practice.
const DefaultDueWorkdays = 3

// Rule marks upstream items as required reposts: every non-empty condition
// must hold (a rule with none matches nothing, so an empty form cannot
// mark everything). Matching ignores case and surrounding space.
type Rule struct {
	ID             int64
	SubscriptionID int64  // 0: items of every subscription
	Category       string // the item's category (栏目/分类) contains it
	Keyword        string // the title contains it
	Sender         string // the sender (发文单位/作者) contains it
	DueWorkdays    int    // working days from the item's date to the due date
	ColumnID       int64  // the column the repost goes to by default
}

// Empty reports whether the rule has no condition.
func (r Rule) Empty() bool {
	return strings.TrimSpace(r.Category) == "" && strings.TrimSpace(r.Keyword) == "" && strings.TrimSpace(r.Sender) == ""
}

// Matches reports whether item it, read from subscription sub, falls
// under the rule.
func (r Rule) Matches(sub int64, it Item) bool {
	if r.Empty() || (r.SubscriptionID != 0 && r.SubscriptionID != sub) {
		return false
	}
	return contains(it.Category, r.Category) && contains(it.Title, r.Keyword) && contains(it.Sender, r.Sender)
}

func contains(have, want string) bool {
	want = strings.ToLower(strings.TrimSpace(want))
	return want == "" || strings.Contains(strings.ToLower(have), want)
}

// FirstMatch is the first rule (in the given order) that matches.
func FirstMatch(rules []Rule, sub int64, it Item) (Rule, bool) {
	for _, r := range rules {
		if r.Matches(sub, it) {
			return r, true
		}
	}
	return Rule{}, false
}

// DueOn is the repost deadline: n working days after from (the upstream
// item's date, or the day it was found when the source gives none). It is
// "" with workday.ErrYearNotCovered when the calendar lacks the year; the
// queue then says the calendar must be completed.
func DueOn(cal *workday.Calendar, from string, n int) (string, error) {
	d, err := workday.ParseDate(from)
	if err != nil {
		return "", err
	}
	if n < 0 {
		return "", errors.New("negative period")
	}
	due, err := cal.AddWorkdays(d, n)
	if err != nil {
		return "", err
	}
	return due.String(), nil
}
