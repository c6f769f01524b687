package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gongkai/internal/store"
)

// cpuClock measures the processor time a query costs: this process's
// (SQLite runs inside it) plus, on PostgreSQL, the server backend's. On a
// machine shared with other work the wall-clock latencies include waiting
// for a core; the processor time is what the query itself costs, the
// latency it would have on an idle core.
type cpuClock struct {
	backend int // PostgreSQL backend pid, 0 on SQLite
}

// newCPUClock pins PostgreSQL searches to one connection, so one backend
// does all the server's work.
func newCPUClock(ctx context.Context, st *store.Store) cpuClock {
	if st.Dialect() != store.Postgres {
		return cpuClock{}
	}
	st.DB().SetMaxOpenConns(1)
	var pid int
	check(st.DB().QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid))
	return cpuClock{backend: pid}
}

func (c cpuClock) now() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	d := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if c.backend != 0 {
		// /proc/PID/schedstat: nanoseconds on a processor first.
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/schedstat", c.backend))
		if err == nil {
			if f := strings.Fields(string(b)); len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				d += time.Duration(n)
			}
		}
	}
	return d
}
