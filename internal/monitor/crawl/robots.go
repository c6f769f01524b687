package crawl

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// robotsRules are the Allow/Disallow lines of the robots.txt group that
// applies to the monitor (RFC 9309): the group naming our product token,
// else the "*" group. The longest matching rule decides; on a tie Allow
// wins. An empty set allows everything.
type robotsRules struct{ rules []robotsRule }

type robotsRule struct {
	allow   bool
	pattern string
}

// productToken is how robots.txt files address the monitor.
const productToken = "gongkai-monitor"

func parseRobots(r io.Reader) robotsRules {
	var own, star []robotsRule
	var haveOwn bool
	var agents []string // user agents of the group being read
	inRules := false
	sc := bufio.NewScanner(io.LimitReader(r, 512<<10))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if inRules { // a user-agent after rules starts a new group
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(val))
		case "allow", "disallow":
			inRules = true
			if val == "" {
				continue // "Disallow:" with nothing allows everything
			}
			rule := robotsRule{allow: key == "allow", pattern: val}
			for _, a := range agents {
				switch {
				case a == "*":
					star = append(star, rule)
				case strings.Contains(productToken, a) || strings.Contains(a, productToken):
					own, haveOwn = append(own, rule), true
				}
			}
		}
	}
	if haveOwn {
		return robotsRules{own}
	}
	return robotsRules{star}
}

// allows reports whether path (with its query) may be fetched.
func (r robotsRules) allows(path string) bool {
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: a prefix, where * matches
// any run of characters and a final $ anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	return wildcard(strings.TrimSuffix(pattern, "$"), path, anchored)
}

func wildcard(p, s string, anchored bool) bool {
	i := strings.IndexByte(p, '*')
	if i < 0 {
		if anchored {
			return s == p
		}
		return strings.HasPrefix(s, p)
	}
	if !strings.HasPrefix(s, p[:i]) {
		return false
	}
	s, p = s[i:], p[i+1:]
	for j := 0; j <= len(s); j++ {
		if wildcard(p, s[j:], anchored) {
			return true
		}
	}
	return false
}

// robotsCache fetches each origin's robots.txt once per crawl.
type robotsCache struct {
	mu       sync.Mutex
	byOrigin map[string]*robotsEntry
}

type robotsEntry struct {
	once  sync.Once
	rules robotsRules
}

// allowed reports whether robots.txt of u's origin lets the monitor fetch u.
// A robots.txt that is missing or cannot be read allows everything: a link
// check must still report a host that does not answer.
func (c *crawler) allowed(ctx context.Context, u *url.URL) bool {
	origin := u.Scheme + "://" + u.Host
	c.robots.mu.Lock()
	e, ok := c.robots.byOrigin[origin]
	if !ok {
		e = &robotsEntry{}
		c.robots.byOrigin[origin] = e
	}
	c.robots.mu.Unlock()
	e.once.Do(func() { e.rules = c.fetchRobots(ctx, origin) })
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.rules.allows(path)
}

func (c *crawler) fetchRobots(ctx context.Context, origin string) robotsRules {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return robotsRules{}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	res, err := c.client.Do(req)
	if err != nil {
		return robotsRules{}
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return robotsRules{}
	}
	return parseRobots(res.Body)
}
