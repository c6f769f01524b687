package monitor_test

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// counting wraps a check and counts its runs; each run takes a while, so
// two instances asked at the same moment really overlap.
type counting struct {
	monitor.Check
	runs *atomic.Int32
}

func (c counting) Run(ctx context.Context, env *monitor.Env) (monitor.Report, error) {
	c.runs.Add(1)
	time.Sleep(300 * time.Millisecond)
	return c.Check.Run(ctx, env)
}

// clock is a settable clock shared by the instances.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// TestTwoInstancesRunAScheduledCheckOnce opens two stores on one
// PostgreSQL database, as two servers of the platform would, and asks both
// to run the due checks at the same time.
func TestTwoInstancesRunAScheduledCheckOnce(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	var stores [2]*store.Store
	for i := range stores {
		s, err := store.Open(ctx, dsn, "")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		stores[i] = s
	}
	newPlantedSiteOnly(t, stores[0])
	clk := &clock{t: testNow}
	runs := &atomic.Int32{}
	fresh, _ := monitor.Find(monitor.Checks(), "freshness")
	var runners [2]*monitor.Runner
	for i := range runners {
		runners[i] = monitor.NewRunner(monitor.Env{Store: stores[i], Now: clk.now, Log: slog.New(slog.DiscardHandler)})
		runners[i].Checks = []monitor.Check{counting{Check: fresh, runs: runs}}
		if runners[0].Instance == runners[i].Instance && i > 0 {
			t.Fatal("two runners share an instance name")
		}
	}
	both := func() {
		var wg sync.WaitGroup
		for _, r := range runners {
			wg.Go(func() { r.RunDue(ctx) })
		}
		wg.Wait()
	}
	both()
	if n := runs.Load(); n != 1 {
		t.Fatalf("the scheduled check ran %d times on two instances, want 1", n)
	}
	both() // same hour: nothing is due
	if n := runs.Load(); n != 1 {
		t.Fatalf("ran %d times after a second tick in the same period, want 1", n)
	}
	clk.add(time.Hour) // the next hourly period
	both()
	if n := runs.Load(); n != 2 {
		t.Fatalf("ran %d times after the next period began, want 2", n)
	}
	list, err := stores[1].MonitorRuns(ctx, "freshness", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Slot != "2025-06-16T11:00" || list[1].Slot != "2025-06-16T10:00" || list[0].Status != store.RunOK {
		t.Fatalf("runs: %+v", list)
	}
	open, err := stores[1].AllOpenFindings(ctx, "freshness")
	if err != nil || len(open) != 3 {
		t.Fatalf("findings after the scheduled runs: %d %v", len(open), err)
	}

	// A manual run waits for nobody: while one instance runs the check, the
	// other is told it is busy.
	started := make(chan struct{})
	slowCheck := counting{Check: fresh, runs: runs}
	runners[0].Checks = []monitor.Check{blocking{Check: slowCheck, started: started}}
	done := make(chan error, 1)
	go func() { _, err := runners[0].Run(ctx, "freshness", false); done <- err }()
	<-started
	if _, err := runners[1].Run(ctx, "freshness", false); !errors.Is(err, monitor.ErrBusy) {
		t.Errorf("second instance during a run: %v, want ErrBusy", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := runners[1].Run(ctx, "freshness", false); err != nil {
		t.Errorf("after the lease was released: %v", err)
	}
}

// blocking says when its run has begun (the lease is held by then).
type blocking struct {
	monitor.Check
	started chan struct{}
}

func (b blocking) Run(ctx context.Context, env *monitor.Env) (monitor.Report, error) {
	close(b.started)
	return b.Check.Run(ctx, env)
}

// newPlantedSiteOnly stores the planted documents without serving them.
func newPlantedSiteOnly(t *testing.T, st *store.Store) {
	t.Helper()
	newPlantedData(&planted{t: t, st: st, docs: map[string]int64{}})
}

func TestSlot(t *testing.T) {
	at := time.Date(2025, 6, 16, 0, 30, 0, 0, china) // 16:30 UTC the day before
	for every, want := range map[time.Duration]string{time.Hour: "2025-06-16T00:00", 24 * time.Hour: "2025-06-16T00:00",
		15 * time.Minute: "2025-06-16T00:30"} {
		if got := monitor.Slot(at, every); got != want {
			t.Errorf("Slot(%v) = %s, want %s", every, got, want)
		}
	}
	if monitor.Slot(at.Add(23*time.Hour), 24*time.Hour) != "2025-06-16T00:00" || monitor.Slot(at.Add(24*time.Hour), 24*time.Hour) != "2025-06-17T00:00" {
		t.Error("a daily slot does not follow the China day")
	}
	// The digest runs at 08:00: at 07:59 yesterday's period is still current.
	digest, _ := monitor.Find(monitor.Checks(), "digest")
	morning := time.Date(2025, 6, 16, 7, 59, 0, 0, china)
	if got := monitor.SlotOf(digest, morning); got != "2025-06-15T00:00" {
		t.Errorf("digest at 07:59: slot %s", got)
	}
	if got := monitor.SlotOf(digest, morning.Add(time.Minute)); got != "2025-06-16T00:00" {
		t.Errorf("digest at 08:00: slot %s", got)
	}
}
