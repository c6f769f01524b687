package crawl

import (
	"net/url"
	"slices"
	"strings"
)

// The frontier: every distinct URL the crawl has seen, and the queues of
// those still to fetch.

// add records a link from page from to raw (already absolute, no fragment)
// and queues it when it is new.
func (c *crawler) add(raw, from string, home bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.seen[raw]; ok {
		e.refs++
		e.fromHome = e.fromHome || home && from != ""
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		return
	}
	internal := c.origins[u.Scheme+"://"+u.Host]
	e := &entry{from: from, refs: 1, fromHome: home && from != "", external: !internal}
	if from == "" {
		e.refs = 0
	}
	if !internal && !c.cfg.CheckExternal {
		return
	}
	c.seen[raw] = e
	if !internal {
		c.res.External++
		c.external.push(task{url: raw})
		c.cond.Broadcast()
		return
	}
	page := c.followable(u)
	if page {
		if c.pages >= c.cfg.MaxPages {
			c.res.Truncated = true
			delete(c.seen, raw)
			return
		}
		c.pages++
	}
	c.internal.push(task{url: raw, page: page, home: from == ""})
	c.cond.Broadcast()
}

// followable reports whether an internal URL is fetched as a page: inside
// the prefixes, not obviously a file, and with no query beyond FollowQuery.
func (c *crawler) followable(u *url.URL) bool {
	if len(c.cfg.Prefixes) > 0 && !slices.ContainsFunc(c.cfg.Prefixes, func(p string) bool { return strings.HasPrefix(u.Path, p) }) {
		return false
	}
	if isFilePath(u.Path) {
		return false
	}
	for k := range u.Query() {
		if !c.follow[k] {
			return false
		}
	}
	return true
}

// fileExts are paths checked, never parsed.
var fileExts = []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".ofd", ".zip", ".rar",
	".7z", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".css", ".js", ".xml", ".txt", ".mp4", ".mp3", ".csv", ".json"}

func isFilePath(p string) bool {
	p = strings.ToLower(p)
	return slices.ContainsFunc(fileExts, func(ext string) bool { return strings.HasSuffix(p, ext) })
}

// queue is a FIFO of tasks (breadth first: pages near the home page first).
type queue struct {
	items []task
	head  int
}

func (q *queue) push(t task) { q.items = append(q.items, t) }

func (q *queue) empty() bool { return q.head == len(q.items) }

func (q *queue) pop() (task, bool) {
	if q.empty() {
		return task{}, false
	}
	t := q.items[q.head]
	q.items[q.head] = task{}
	q.head++
	if q.head > 1024 && q.head*2 > len(q.items) { // drop the consumed half
		q.items = append(q.items[:0:0], q.items[q.head:]...)
		q.head = 0
	}
	return t, true
}
