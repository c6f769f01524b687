package workday

import (
	"slices"
	"strconv"
	"sync"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// lunarFirstYear and lunarLastYear bound the scan of lunar-go's table. Its
// data starts 2001-12-29; v1.4.7 ends with 2027. Years beyond the data simply
// return no entries, so the upper bound leaves room for newer versions.
const (
	lunarFirstYear = 2001
	lunarLastYear  = 2100
)

// lunarNames maps lunar-go holiday names to the wording of the notices.
var lunarNames = map[string]string{
	"元旦节":  "元旦",
	"国庆中秋": "国庆节、中秋节",
}

// officialDay is a lunar-go entry with the year of the holiday it belongs to
// (lunar-go's "target"); e.g. 2022-12-31 belongs to the 2023 元旦.
type officialDay struct {
	Day
	holidayYear int
}

var officialOnce = sync.OnceValue(loadOfficial)

// loadOfficial reads lunar-go's table once. HolidayUtil.Fix is never called:
// it mutates package globals and is not safe for concurrent use.
func loadOfficial() []officialDay {
	var out []officialDay
	for y := lunarFirstYear; y <= lunarLastYear; y++ {
		for e := HolidayUtil.GetHolidaysByYear(y).Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			d, err := ParseDate(h.GetDay())
			if err != nil {
				continue // never happens with lunar-go's own data
			}
			target, err := strconv.Atoi(h.GetTarget()[:4])
			if err != nil {
				continue
			}
			name := h.GetName()
			if n, ok := lunarNames[name]; ok {
				name = n
			}
			kind := Rest
			if h.IsWork() {
				kind = Work
			}
			out = append(out, officialDay{Day{Date: d, Kind: kind, Name: name}, target})
		}
	}
	slices.SortFunc(out, func(a, b officialDay) int { return a.Date.Compare(b.Date) })
	return out
}

// Official returns the statutory calendar from github.com/6tail/lunar-go
// HolidayUtil: every rest day and make-up work day it lists (2001-12-29
// through 2027), sorted by date, and the covered years.
//
// A year counts as covered when lunar-go has that year's own arrangement,
// i.e. some entry belongs to a holiday of that year. 2001 is therefore not
// covered: lunar-go only lists 2001-12-29/30, the make-up days of the 2002
// 元旦, and nothing else of 2001. With v1.4.7 the covered years are 2002–2027.
//
// Names follow the notices: lunar-go's 元旦节 becomes 元旦 and 国庆中秋 becomes
// 国庆节、中秋节. The returned slices are fresh copies.
func Official() (days []Day, years []int) {
	all := officialOnce()
	days = make([]Day, len(all))
	seen := map[int]bool{}
	for i, od := range all {
		days[i] = od.Day
		if od.Date.Year() == od.holidayYear && !seen[od.holidayYear] {
			seen[od.holidayYear] = true
			years = append(years, od.holidayYear)
		}
	}
	slices.Sort(years)
	return days, years
}
