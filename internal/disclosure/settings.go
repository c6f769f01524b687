package disclosure

import (
	"errors"
	"fmt"
)

// Settings are the PRACTICE and UNCONFIRMED rules (spec legal-rules §1.5,
// §1.6, §3) an agency may configure. Boolean zero values are the
// defaults; DefaultSettings fills the numbers.
type Settings struct {
	// AllowLateAmendmentNotice lets a 补正告知书 go out after the 7 working
	// days of 条例第三十条 (PRACTICE; default false: refused).
	AllowLateAmendmentNotice bool
	// AllowSecondAmendment tolerates a second 补正 round (PRACTICE; the
	// 条例 says 一次性告知; default false: refused).
	AllowSecondAmendment bool
	// AmendmentWarnDays: warn when at most this many working days remain
	// to send the 补正告知书 (default 2).
	AmendmentWarnDays int
	// AmendmentPeriodDays is the 补正期限 suggested in the form, in working
	// days after the notice (PRACTICE, default 15; staff may change it per
	// case, the 条例 only says 合理的补正期限).
	AmendmentPeriodDays int
	// ReminderDays are the working days before a due date on which the
	// assignee is reminded (issue 3: 5 and 1).
	ReminderDays []int

	Fee    FeeSettings
	Remedy RemedySettings
	Repeat RepeatSettings
}

// FeeSettings are the UNCONFIRMED parts of 国办函〔2020〕109号.
type FeeSettings struct {
	// Band31Fee is the per-application fee of the 31st to 40th application
	// of a month (common reading of 第四条第（三）项: 200元).
	Band31Fee int64
	// KeepClockRunning: the time from the 收费通知 to payment is NOT
	// excluded from the reply period. Default false: it is paused (spec
	// §3.5 asks for a pause until the legal owner confirms).
	KeepClockRunning bool
	// ExcludeClosedOutOfScope: applications closed under （五）/（六） do not
	// count toward the monthly 按件 total. Default false: 第四条 says all
	// decision types count.
	ExcludeClosedOutOfScope bool
}

// RemedySettings fill the remedy clause (救济告知, spec §4.4).
type RemedySettings struct {
	// Organ is the 行政复议机关: for a municipal bureau the 本级人民政府
	// (行政复议法第二十四条第一款第（一）项); for vertically managed organs
	// the 上一级主管部门 (第二十七条). Required.
	Organ string
	// Court names the court; default "有管辖权的人民法院".
	Court string
	// PartialNotReconsiderationFirst: a 部分公开 reply does NOT carry the
	// 复议前置 clause. Default false: it does (common reading of
	// 行政复议法第二十三条第一款第（四）项 for the withheld part, UNCONFIRMED).
	PartialNotReconsiderationFirst bool
}

// RepeatSettings tune repeat and frequent-applicant detection (PRACTICE).
type RepeatSettings struct {
	// Similarity is the bigram-Jaccard score from which an earlier
	// application of the same applicant is offered for （五）2 (default 0.6).
	Similarity float64
	// FrequentCount and FrequentWindowDays: more than FrequentCount
	// applications received within FrequentWindowDays calendar days flag
	// the applicant for 条例第三十五条 (defaults 10 and 30, matching the free
	// tier of 109号第四条).
	FrequentCount      int
	FrequentWindowDays int
}

// DefaultSettings returns the documented defaults; Remedy.Organ must still
// be filled with the agency's 复议机关.
func DefaultSettings() Settings {
	return Settings{
		AmendmentWarnDays:   2,
		AmendmentPeriodDays: 15,
		ReminderDays:        []int{5, 1},
		Fee:                 FeeSettings{Band31Fee: 200},
		Remedy:              RemedySettings{Court: "有管辖权的人民法院"},
		Repeat:              RepeatSettings{Similarity: 0.6, FrequentCount: 10, FrequentWindowDays: 30},
	}
}

// Validate checks the numbers are usable.
func (s Settings) Validate() error {
	var errs []error
	if s.AmendmentWarnDays < 0 || s.AmendmentWarnDays > 7 {
		errs = append(errs, fmt.Errorf("补正提醒天数应在0至7个工作日之间：%d", s.AmendmentWarnDays))
	}
	if s.AmendmentPeriodDays < 1 || s.AmendmentPeriodDays > 60 {
		errs = append(errs, fmt.Errorf("补正期限应在1至60个工作日之间：%d", s.AmendmentPeriodDays))
	}
	for _, d := range s.ReminderDays {
		if d < 0 || d > 40 {
			errs = append(errs, fmt.Errorf("到期提醒天数应在0至40个工作日之间：%d", d))
		}
	}
	if s.Fee.Band31Fee < perAppFirstFee {
		errs = append(errs, fmt.Errorf("第31件起的收费标准不能低于%d元/件：%d", perAppFirstFee, s.Fee.Band31Fee))
	}
	if s.Repeat.Similarity <= 0 || s.Repeat.Similarity > 1 {
		errs = append(errs, fmt.Errorf("重复申请相似度阈值应在0至1之间：%v", s.Repeat.Similarity))
	}
	if s.Repeat.FrequentCount < 1 || s.Repeat.FrequentWindowDays < 1 {
		errs = append(errs, errors.New("频繁申请的件数和天数都必须大于0"))
	}
	return errors.Join(errs...)
}
