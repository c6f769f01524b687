package monitor

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"gongkai/internal/store"
)

// ErrBusy is returned when another instance holds the check's lease.
var ErrBusy = errors.New("该检查正在由其他实例运行，请稍后再试")

// ErrUnknownCheck is returned for a name no check has.
var ErrUnknownCheck = errors.New("没有这个检查项")

// Runner runs checks and stores what they report. Several instances of the
// platform may share one PostgreSQL database: a lease per check keeps a
// check on one instance at a time, and a scheduled run claims its period
// (slot) in monitor_runs, which only one instance can do.
type Runner struct {
	Env      Env // Settings is reloaded from the store for every run
	Checks   []Check
	Instance string        // names this process in leases and runs
	LeaseTTL time.Duration // 0: 2 minutes; renewed while a check runs

	mu      sync.Mutex
	running map[string]bool // checks running in this process
	wg      sync.WaitGroup
}

// NewRunner returns a runner of the standard checks with a fresh instance name.
func NewRunner(env Env) *Runner {
	return &Runner{Env: env, Checks: Checks(), Instance: InstanceName()}
}

// InstanceName is host:pid:random, unique per process.
func InstanceName() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// Outcome is one run's result.
type Outcome struct {
	Check    string
	RunID    int64 // 0 for a dry run or a skipped one
	Report   Report
	Skipped  string // why a scheduled check did not run here ("" when it ran)
	Duration time.Duration
	Err      error
}

// Run runs the check named name now. A dry run reports what the check
// finds and stores nothing; a real run takes the lease (ErrBusy when
// another instance holds it) and stores the report.
func (r *Runner) Run(ctx context.Context, name string, dryRun bool) (Outcome, error) {
	c, ok := Find(r.Checks, name)
	if !ok {
		return Outcome{Check: name}, ErrUnknownCheck
	}
	env, err := r.prepare(ctx)
	if err != nil {
		return Outcome{Check: name}, err
	}
	if dryRun {
		o := r.execute(ctx, c, env, 0, "", true)
		return o, o.Err
	}
	lease := "check:" + name
	got, err := env.Store.AcquireLease(ctx, lease, r.Instance, r.ttl(), env.Now())
	if err != nil {
		return Outcome{Check: name}, err
	}
	if !got {
		return Outcome{Check: name}, ErrBusy
	}
	defer r.release(ctx, env, lease)
	id, err := env.Store.ClaimMonitorRun(ctx, name, "", r.Instance, env.Now())
	if err != nil {
		return Outcome{Check: name}, err
	}
	o := r.execute(ctx, c, env, id, "", false)
	return o, o.Err
}

// Tick starts, each in its own goroutine, the checks whose current period
// has no run yet and that are not already running in this process. It
// returns at once; Wait waits for what it started.
func (r *Runner) Tick(ctx context.Context) {
	env, err := r.prepare(ctx)
	if err != nil {
		r.Env.Log.Error("monitor settings", "err", err)
		return
	}
	for _, c := range r.Checks {
		if !r.begin(c.Name()) {
			continue
		}
		r.wg.Go(func() {
			defer r.end(c.Name())
			r.runScheduled(ctx, c, env)
		})
	}
}

// Wait waits for the checks Tick started.
func (r *Runner) Wait() { r.wg.Wait() }

// RunDue runs every due check and waits for them: Tick and Wait.
func (r *Runner) RunDue(ctx context.Context) { r.Tick(ctx); r.Wait() }

func (r *Runner) begin(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.running == nil {
		r.running = map[string]bool{}
	}
	if r.running[name] {
		return false
	}
	r.running[name] = true
	return true
}

func (r *Runner) end(name string) {
	r.mu.Lock()
	delete(r.running, name)
	r.mu.Unlock()
}

// runScheduled runs c for the current period unless some instance already
// has: the lease keeps two instances from running it at the same time, and
// the slot claim (unique in the database) from running it twice.
func (r *Runner) runScheduled(ctx context.Context, c Check, env *Env) Outcome {
	name := c.Name()
	slot := SlotOf(c, env.Now())
	if taken, err := env.Store.MonitorSlotTaken(ctx, name, slot); err != nil || taken {
		return Outcome{Check: name, Skipped: "本周期已运行", Err: err}
	}
	lease := "check:" + name
	got, err := env.Store.AcquireLease(ctx, lease, r.Instance, r.ttl(), env.Now())
	if err != nil || !got {
		return Outcome{Check: name, Skipped: "其他实例正在运行", Err: err}
	}
	defer r.release(ctx, env, lease)
	id, err := env.Store.ClaimMonitorRun(ctx, name, slot, r.Instance, env.Now())
	if errors.Is(err, store.ErrConflict) {
		return Outcome{Check: name, Skipped: "本周期已运行"}
	}
	if err != nil {
		r.Env.Log.Error("monitor claim", "check", name, "err", err)
		return Outcome{Check: name, Err: err}
	}
	return r.execute(ctx, c, env, id, slot, false)
}

func (r *Runner) ttl() time.Duration {
	if r.LeaseTTL > 0 {
		return r.LeaseTTL
	}
	return 2 * time.Minute
}

func (r *Runner) release(ctx context.Context, env *Env, lease string) {
	if err := env.Store.ReleaseLease(context.WithoutCancel(ctx), lease, r.Instance); err != nil {
		r.Env.Log.Error("monitor lease release", "lease", lease, "err", err)
	}
}

// prepare is the environment of one round of runs with the current settings.
func (r *Runner) prepare(ctx context.Context) (*Env, error) { return Prepare(ctx, r.Env) }

// Prepare completes env with the stored settings (the site URL set in the
// back office wins over the one derived from the listen address).
func Prepare(ctx context.Context, env Env) (*Env, error) {
	if env.Now == nil {
		env.Now = time.Now
	}
	s, err := LoadSettings(ctx, env.Store)
	if err != nil {
		return nil, err
	}
	env.Settings = s
	if env.Overdue == nil {
		env.Overdue = StoreOverdue(env.Store)
	}
	if env.Messages == nil {
		env.Messages = StoreMessages(env.Store) // the message board (issue 8)
	}
	if s.SiteURL != "" {
		env.SiteURL = trimSlash(s.SiteURL)
	}
	return &env, nil
}
