// Package crawl walks a website and checks every link it finds: the pages
// of the site itself (internal: same scheme, host and port as a start URL)
// are fetched and parsed; links to other hosts (external) and to files are
// only checked. It is polite (robots.txt, a limit of requests in flight
// and a minimum gap per host), retries transient failures with back-off,
// and holds one entry per distinct URL, so memory grows with the size of
// the site, not with the number of links.
//
// The inspection indicators score 链接可用性 (links on the home page and
// other pages that cannot be opened, website-rules §1.5): every failure is
// reported with the page that links it, and whether the home page does.
package crawl

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Config says what to crawl and how gently.
type Config struct {
	Start []string // start URLs; their hosts are internal
	// Prefixes, when set, limits the internal pages that are followed to
	// those whose path starts with one of them (e.g. a sub-site's /s/x/).
	Prefixes []string
	MaxPages int // internal pages fetched at most (0: 100,000)
	// Workers fetch internal URLs; ExternalWorkers check external ones, so
	// a slow external host cannot stall the crawl of the site.
	Workers         int
	ExternalWorkers int
	HostConcurrency int           // requests in flight per external host
	HostDelay       time.Duration // minimum gap between requests to one external host
	Timeout         time.Duration // per attempt, reading the body included
	Retries         int           // further attempts after a transient failure
	Backoff         time.Duration // wait before the first retry, doubled after each
	CheckExternal   bool
	// FollowQuery lists the query parameters an internal page may carry and
	// still be followed (pagination). Other URLs with a query are checked
	// but not parsed, so filter combinations cannot multiply the crawl.
	FollowQuery []string
	UserAgent   string
	MaxBody     int64 // bytes read of a page (0: 4 MiB)
	WantText    bool  // give OnPage the visible text
	// OnPage is called, from the crawl's goroutines, for every internal
	// HTML page fetched with status 200.
	OnPage func(Page)
	Client *http.Client // nil: a client with sensible transport limits
}

// Page is an internal HTML page as the crawler saw it.
type Page struct {
	URL     string
	Home    bool              // one of the start URLs
	Meta    map[string]string // <meta name=… content=…> (SiteName, ColumnName, PubDate…)
	Dates   []string          // YYYY-MM-DD dates shown on the page (<time>, text)
	Text    string            // visible text, when Config.WantText
	Links   int
	Elapsed time.Duration
}

// Kind classifies a failure.
type Kind string

const (
	KindStatus  Kind = "status"  // an HTTP status of 400 or more
	KindTimeout Kind = "timeout" // no complete answer within Config.Timeout
	KindDNS     Kind = "dns"     // the host name does not resolve
	KindConnect Kind = "connect" // refused, reset, TLS failure…
)

// Failure is a URL that could not be opened.
type Failure struct {
	URL       string
	From      string // the first page found linking it ("" for a start URL)
	Referrers int    // pages linking it
	FromHome  bool   // a start (home) page links it
	External  bool
	Kind      Kind
	Status    int
	Err       string
	Attempts  int
}

// Result sums a crawl up.
type Result struct {
	Pages     int // internal HTML pages parsed
	Checked   int // URLs fetched or checked, pages included
	Links     int // links seen (with repeats)
	External  int // distinct external URLs checked
	Robots    int // URLs not fetched because robots.txt disallows them
	Truncated bool
	Failures  []Failure
	Duration  time.Duration
}

// Run crawls until every reachable URL is checked, MaxPages is reached, or
// ctx ends (then it returns ctx's error with what it found so far).
func Run(ctx context.Context, cfg Config) (Result, error) {
	c, err := newCrawler(cfg)
	if err != nil {
		return Result{}, err
	}
	start := time.Now()
	for _, s := range c.starts {
		c.add(s, "", true)
	}
	var wg sync.WaitGroup
	for range c.cfg.Workers {
		wg.Go(func() { c.work(ctx, c.internal) })
	}
	for range c.cfg.ExternalWorkers {
		wg.Go(func() { c.work(ctx, c.external) })
	}
	stop := context.AfterFunc(ctx, c.wake)
	wg.Wait()
	stop()
	res := c.result()
	res.Duration = time.Since(start)
	return res, ctx.Err()
}

// entry is what the crawler knows of one distinct URL.
type entry struct {
	from     string
	refs     int32
	fromHome bool
	external bool
	failed   bool
	kind     Kind
	status   int
	err      string
	attempts int
}

type task struct {
	url  string
	page bool // fetch and parse as a page
	home bool
}

type crawler struct {
	cfg      Config
	client   *http.Client
	starts   []string
	origins  map[string]bool // scheme://host of the start URLs
	follow   map[string]bool
	mu       sync.Mutex
	cond     *sync.Cond
	internal *queue
	external *queue
	busy     int // tasks being worked on
	seen     map[string]*entry
	pages    int
	res      Result
	hosts    hostGates
	robots   robotsCache
}

func newCrawler(cfg Config) (*crawler, error) {
	if len(cfg.Start) == 0 {
		return nil, errors.New("crawl: no start URL")
	}
	cfg.MaxPages = orDefault(cfg.MaxPages, 100_000)
	cfg.Workers = orDefault(cfg.Workers, 8)
	cfg.ExternalWorkers = orDefault(cfg.ExternalWorkers, 4)
	cfg.HostConcurrency = orDefault(cfg.HostConcurrency, 2)
	cfg.MaxBody = orDefault(cfg.MaxBody, 4<<20)
	if cfg.Timeout <= 0 {
		cfg.Timeout = 15 * time.Second
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 500 * time.Millisecond
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "gongkai-monitor/1.0 (+政府网站监测)"
	}
	c := &crawler{cfg: cfg, client: cfg.Client, origins: map[string]bool{}, follow: map[string]bool{},
		internal: &queue{}, external: &queue{}, seen: map[string]*entry{}}
	if c.client == nil {
		c.client = newClient(cfg.Workers + cfg.ExternalWorkers)
	}
	c.cond = sync.NewCond(&c.mu)
	for _, q := range cfg.FollowQuery {
		c.follow[q] = true
	}
	for _, s := range cfg.Start {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, errors.New("crawl: start URL must be absolute http(s): " + s)
		}
		u.Fragment = ""
		c.starts = append(c.starts, u.String())
		c.origins[u.Scheme+"://"+u.Host] = true
	}
	c.hosts = hostGates{gates: map[string]*hostGate{}}
	c.robots = robotsCache{byOrigin: map[string]*robotsEntry{}}
	return c, nil
}

func orDefault[T int | int64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// work takes tasks from q until the crawl is over.
func (c *crawler) work(ctx context.Context, q *queue) {
	for {
		t, ok := c.next(ctx, q)
		if !ok {
			return
		}
		c.process(ctx, t)
		c.mu.Lock()
		c.busy--
		if c.busy == 0 {
			c.cond.Broadcast() // maybe the end: let idle workers see it
		}
		c.mu.Unlock()
	}
}

// next waits for a task of q. The crawl is over when no queue holds a
// task and no worker is busy (a busy one may still find links).
func (c *crawler) next(ctx context.Context, q *queue) (task, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if ctx.Err() != nil {
			return task{}, false
		}
		if t, ok := q.pop(); ok {
			c.busy++
			return t, true
		}
		if c.busy == 0 && c.internal.empty() && c.external.empty() {
			c.cond.Broadcast()
			return task{}, false
		}
		c.cond.Wait()
	}
}

// wake lets waiting workers notice that ctx ended.
func (c *crawler) wake() {
	c.mu.Lock()
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *crawler) result() Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	res := c.res
	for u, e := range c.seen {
		if e.failed {
			res.Failures = append(res.Failures, Failure{URL: u, From: e.from, Referrers: int(e.refs), FromHome: e.fromHome,
				External: e.external, Kind: e.kind, Status: e.status, Err: e.err, Attempts: e.attempts})
		}
	}
	slices.SortFunc(res.Failures, func(a, b Failure) int { return strings.Compare(a.URL, b.URL) })
	return res
}
