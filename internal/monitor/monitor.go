// Package monitor checks the platform's websites the way the national
// inspection does (国办秘函〔2019〕19号, website-rules §1): homepage and column
// freshness, blank columns and the veto counts; availability probes; a
// crawler that checks every link; 错别字 and 敏感词 in published text;
// missing and distorted 目录 data; interaction deadlines. Each check is
// named, scheduled, idempotent and has a dry run; the Runner runs it on one
// instance at a time (a lease in the database) and stores what it found.
//
// The rules themselves are pure functions over values (freshness.go,
// availability.go, data.go, score.go, textscan.go) so they are tested
// without a database, a clock or a network; the checks gather the values.
package monitor

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"gongkai/internal/store"
)

// Severity says how a finding weighs in the score.
const (
	SevVeto   = "veto"   // a 单项否决 item is hit: the site fails
	SevDeduct = "deduct" // a deduction (扣分)
	SevWarn   = "warn"   // needs attention before it becomes a fault
	SevInfo   = "info"   // for the record (watched sites)
)

// Check is one named monitor.
type Check interface {
	Name() string         // e.g. "freshness"; used on the command line
	Title() string        // Chinese, for people
	Every() time.Duration // how often it is scheduled
	// Run looks and reports; it writes nothing (the Runner stores the
	// report unless it is a dry run), so running it twice is harmless.
	Run(ctx context.Context, env *Env) (Report, error)
}

// Offsetter is a check whose daily run is at a time of day rather than at
// midnight: the crawl at night, the digest in the morning after the night's
// checks. Offset is into the check's period, in China time.
type Offsetter interface {
	Offset() time.Duration
}

// SlotOf is the current schedule period of c at t.
func SlotOf(c Check, t time.Time) string {
	if o, ok := c.(Offsetter); ok {
		return Slot(t.Add(-o.Offset()), c.Every())
	}
	return Slot(t, c.Every())
}

// Report is what a run found and wants stored.
type Report struct {
	Findings          []store.MonitorFinding // the check's complete current set
	Probes            []store.MonitorProbe
	PruneProbesBefore time.Time // probes older than this are no longer needed
	Notices           []store.MonitorNotice
	Summary           string // one Chinese line for the log and the run list
}

// Env is what checks need from the outside world.
type Env struct {
	Store    *store.Store
	Now      func() time.Time
	Log      *slog.Logger
	Settings Settings
	// SiteURL is the public base URL of the platform (no trailing slash);
	// "" when unknown, then the crawl and the probes have nothing to do.
	SiteURL  string
	FilesDir string       // attachments, for the broken-attachment check
	Client   *http.Client // nil: the crawler's own
	// Messages answers the "unanswered beyond 3 months" rule; Prepare
	// fills in the platform's message board (StoreMessages) when it is nil.
	Messages MessageSource
	// Overdue answers "applications overdue" (依申请公开); Prepare fills in
	// the store's queue (StoreOverdue) when it is nil.
	Overdue OverdueSource
}

// Checks are the standard monitors in the order they are listed and run.
func Checks() []Check {
	return []Check{
		freshnessCheck{},
		availabilityCheck{},
		linksCheck{},
		textCheck{},
		dataCheck{},
		interactionCheck{},
		watchCheck{},
		newMediaCheck{},
		serviceCheck{},
		digestCheck{},
	}
}

// Find returns the check named name.
func Find(checks []Check, name string) (Check, bool) {
	for _, c := range checks {
		if c.Name() == name {
			return c, true
		}
	}
	return nil, false
}

// TitleOf is the Chinese title of the check named name, or the name.
func TitleOf(name string) string {
	if c, ok := Find(Checks(), name); ok {
		return c.Title()
	}
	return name
}
