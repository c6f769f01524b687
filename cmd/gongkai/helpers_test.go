package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
)

// result is what one command line printed and returned.
type result struct {
	code     int
	out, err string
}

// gk runs the command line in-process, as main does.
func gk(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// gkIn runs the command line with stdin.
func gkIn(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runWith(context.Background(), args, streams{in: strings.NewReader(stdin), out: &out, errOut: &errOut})
	return result{code, out.String(), errOut.String()}
}

// openData opens the store behind --data dir (and --db dsn when set), as
// the commands do.
func openData(t *testing.T, dir, dsn string) *store.Store {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir, cfg.DB = dir, dsn
	st, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// seedSite creates a site with two 科室 and two columns.
func seedSite(t *testing.T, st *store.Store) catalog.Site {
	t.Helper()
	ctx := context.Background()
	site := catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"}
	var err error
	if site.ID, err = st.CreateSite(ctx, site); err != nil {
		t.Fatal(err)
	}
	var office int64
	for _, name := range []string{"办公室", "政策法规科"} {
		id, err := st.CreateOrg(ctx, catalog.Org{SiteID: site.ID, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if office == 0 {
			office = id
		}
	}
	for _, c := range []catalog.Column{{Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice}, {Slug: "zcwj", Name: "政策文件", Kind: catalog.KindPolicy}} {
		c.SiteID, c.OrgID = site.ID, office
		if _, err := st.CreateColumn(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// syncBuffer is an output written by a running server and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
