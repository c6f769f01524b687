package monitor

import (
	"context"
	"strings"
	"time"

	"gongkai/internal/store"
)

// execute runs c once, logged at start and end. Unless dryRun it keeps the
// lease alive while the check works, stores the report under runID, and
// refreshes the day's scores.
func (r *Runner) execute(ctx context.Context, c Check, env *Env, runID int64, slot string, dryRun bool) Outcome {
	name := c.Name()
	log := env.Log.With("check", name, "instance", r.Instance, "dry_run", dryRun)
	if slot != "" {
		log = log.With("slot", slot)
	}
	log.Info("monitor check started", "run", runID)
	start := time.Now()
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if !dryRun {
		stop := r.heartbeat(rctx, env, "check:"+name, cancel)
		defer stop()
	}
	rep, err := c.Run(rctx, env)
	for i := range rep.Findings {
		rep.Findings[i].Check = name
	}
	o := Outcome{Check: name, RunID: runID, Report: rep, Duration: time.Since(start), Err: err}
	if !dryRun {
		if serr := r.store(ctx, env, runID, rep, err); serr != nil && o.Err == nil {
			o.Err = serr
		}
	}
	attrs := []any{"run", runID, "findings", len(rep.Findings), "duration_ms", o.Duration.Milliseconds(), "summary", rep.Summary}
	if o.Err != nil {
		log.Error("monitor check failed", append(attrs, "err", o.Err)...)
	} else {
		log.Info("monitor check finished", attrs...)
	}
	return o
}

// heartbeat renews the lease every third of its lifetime; if the lease is
// lost (another instance took it after it expired) the run is cancelled.
func (r *Runner) heartbeat(ctx context.Context, env *Env, lease string, cancel func()) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(r.ttl() / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				ok, err := env.Store.RenewLease(ctx, lease, r.Instance, r.ttl(), env.Now())
				if err == nil && !ok {
					env.Log.Error("monitor lease lost", "lease", lease, "instance", r.Instance)
					cancel()
					return
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

// store records the outcome. A failed run keeps the previous findings: a
// crawl cut short must not resolve the broken links it did not reach.
func (r *Runner) store(ctx context.Context, env *Env, runID int64, rep Report, runErr error) error {
	out := store.MonitorOutcome{Status: store.RunOK, Summary: rep.Summary, At: env.Now(), Findings: rep.Findings,
		Probes: rep.Probes, PruneProbesBefore: rep.PruneProbesBefore, Notices: rep.Notices}
	if runErr != nil {
		out.Status, out.Keep, out.Error = store.RunFailed, true, errorLine(runErr)
		out.Notices = nil
	}
	// The outcome is written even when ctx was cancelled (shutdown), so the
	// run does not stay "running" for ever.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := env.Store.FinishMonitorRun(sctx, runID, out); err != nil {
		return err
	}
	return SaveScores(sctx, env)
}

// errorLine is an error's first line, bounded, for the run list.
func errorLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300])
	}
	return s
}
