// Package workday implements China's official working-day calendar (工作日历)
// as published each year by the 国务院办公厅 in its holiday notice
// (关于XXXX年部分节假日安排的通知).
//
// The package is pure: no I/O, no database and no clock. Callers pass dates
// and the per-date overrides they keep (e.g. in a calendar_days table).
//
// Model:
//   - A Calendar holds explicit overrides (Day: Rest = 放假, Work = 调休上班)
//     plus the set of years whose official arrangement is known (covered).
//   - A date in a covered year is a working day if an override says Work, is
//     not one if an override says Rest, and otherwise is Monday–Friday.
//   - A date in an uncovered year never falls back to Mon–Fri: every query
//     that touches it fails with ErrYearNotCovered, so deadlines are never
//     computed from a guess.
//
// Counting (条例第二十六条、第三十三条): AddWorkdays(d, n) starts counting on the
// day after d; WorkdaysBetween(from, to) counts working days in (from, to].
//
// Caveat on coverage: a year is "covered" when its own notice is known. A
// make-up Saturday in late December of year Y that belongs to the New Year
// arrangement of Y+1 (e.g. 2018-12-29) only appears once the Y+1 notice is
// loaded. Deadlines running into late December before that notice exists may
// therefore miss such a day.
package workday
