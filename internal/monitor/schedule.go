package monitor

import (
	"net"
	"strings"
	"time"

	"gongkai/internal/catalog"
)

// china is the zone periods, days and dates are reckoned in.
var china = time.FixedZone("CST", 8*3600)

// Slot names the schedule period of a check that runs every `every` which
// contains t, by its start in China time: "2025-06-16T00:00" for a daily
// check run at any time that day, "2025-06-16T14:00" for an hourly one.
// Every instance computes the same slot for the same period.
func Slot(t time.Time, every time.Duration) string {
	if every <= 0 {
		every = time.Hour
	}
	local := t.UTC().Add(8 * time.Hour).Truncate(every) // periods start at China midnight
	return local.Format("2006-01-02T15:04")
}

// SiteURLFromAddr guesses the portal's address from a listen address, for
// a server reached on this machine; "" when the port is chosen at start.
// The office sets the real public address in the settings.
func SiteURLFromAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "0" || port == "" {
		return ""
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

func trimSlash(s string) string { return strings.TrimRight(strings.TrimSpace(s), "/") }

// siteBases maps each site to its path prefix on the platform: "" for the
// first root site (it answers on /), "/s/{code}" for every other one.
func siteBases(sites []catalog.Site) map[int64]string {
	out := map[int64]string{}
	root := false
	for _, s := range sites {
		if s.ParentID == 0 && !root {
			out[s.ID], root = "", true
			continue
		}
		out[s.ID] = "/s/" + s.Code
	}
	return out
}

// day is t's date in China as YYYY-MM-DD.
func day(t time.Time) string { return t.In(china).Format("2006-01-02") }

// daysBetween is the number of whole days from a to b (negative when b is
// before a), on China calendar dates.
func daysBetween(a, b time.Time) int {
	da, _ := time.Parse("2006-01-02", day(a))
	db, _ := time.Parse("2006-01-02", day(b))
	return int(db.Sub(da).Hours() / 24)
}
