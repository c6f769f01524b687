package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"gongkai/internal/config"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

var runSearch = group("search", []command{
	{"reindex", "重建全文检索索引（已发布的全部信息）", runSearchReindex},
	{"queries", "列出搜索词统计（--zero 只列无结果的搜索词，供编辑补充内容或同义词）", runSearchQueries},
})

func runSearchReindex(ctx context.Context, args []string, s streams) error {
	cfg, _, err := parseData("search reindex", args, nil)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	bar := newIndexProgress(s.out)
	n, err := search.Reindex(ctx, st, bar.update)
	bar.finish()
	if err != nil {
		return fmt.Errorf("重建索引失败: %w", err)
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(s.out, "已重建全文检索索引: %d 篇信息，用时 %.1f 秒（%.0f 篇/秒）\n", n, secs, float64(n)/max(secs, 0.001))
	return nil
}

func runSearchQueries(ctx context.Context, args []string, s streams) error {
	var zero bool
	var site string
	var limit int
	cfg, _, err := parseData("search queries", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.BoolVar(&zero, "zero", false, "只列最近一次没有结果的搜索词")
		fs.StringVar(&site, "site", "", "站点代码（只有一个站点时可省略）")
		fs.IntVar(&limit, "limit", 50, "最多列出多少条")
	})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	siteID, err := siteByCode(ctx, st, site)
	if err != nil {
		return err
	}
	qs, err := st.Queries(ctx, store.QueryFilter{SiteID: siteID, ZeroOnly: zero, Limit: limit})
	if err != nil {
		return err
	}
	if len(qs) == 0 {
		fmt.Fprintln(s.out, "没有记录")
		return nil
	}
	fmt.Fprintf(s.out, "%-24s %8s %8s %8s  %s\n", "搜索词", "次数", "无结果", "最近结果", "最近搜索")
	for _, q := range qs {
		fmt.Fprintf(s.out, "%-24s %8d %8d %8d  %s\n", q.Query, q.Searches, q.ZeroHits, q.LastHits, q.LastAt.In(chinaZone).Format("2006-01-02 15:04"))
	}
	return nil
}

var chinaZone = time.FixedZone("CST", 8*3600)

// siteByCode finds the site a command addresses: by code, or the only one.
func siteByCode(ctx context.Context, st *store.Store, code string) (int64, error) {
	sites, err := st.Sites(ctx)
	if err != nil {
		return 0, err
	}
	for _, s := range sites {
		if s.Code == code || (code == "" && len(sites) == 1) {
			return s.ID, nil
		}
	}
	if code == "" {
		return 0, fmt.Errorf("有 %d 个站点，请用 --site 指定站点代码", len(sites))
	}
	return 0, fmt.Errorf("没有代码为 %q 的站点", code)
}

// prepareSearch loads the dictionary and, when the index is empty while
// documents are published (a database from before search existed), builds
// it, so the first visitor and the first publication do not wait. The
// serve command runs it in the background.
func prepareSearch(ctx context.Context, st *store.Store, log *slog.Logger) {
	search.Warm()
	n, err := search.EnsureIndexed(ctx, st)
	switch {
	case err != nil && ctx.Err() == nil:
		log.Error("search index", "err", err)
	case n > 0:
		log.Info("search index built", "documents", n)
	}
}

// indexProgress shows a bar on a terminal and plain lines elsewhere.
type indexProgress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	shown int
}

func newIndexProgress(w io.Writer) *indexProgress {
	p := &indexProgress{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("重建索引"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	return p
}

func (p *indexProgress) update(done, total int) {
	if p.bar != nil {
		if p.bar.GetMax() != total {
			p.bar.ChangeMax(total)
		}
		_ = p.bar.Set(done)
		return
	}
	if step := max(total/10, 1000); done == total || done-p.shown >= step {
		fmt.Fprintf(p.w, "已索引 %d/%d 篇\n", done, total)
		p.shown = done
	}
}

func (p *indexProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
