package docimport_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/internal/docimport"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// BenchmarkImport imports 10,000 lines into a fresh SQLite store per
// iteration and reports lines per second (the target: 100k lines
// must be practical, hence batches of 500 lines per transaction).
func BenchmarkImport(b *testing.B) {
	const lines = 10000
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.jsonl")
	var sb strings.Builder
	body := strings.Repeat("<p>为贯彻落实有关工作部署，现将有关事项通知如下。</p>", 8)
	for i := 0; i < lines; i++ {
		day := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%300)
		fmt.Fprintf(&sb, `{"site":"main","column":"tzgg","title":"关于第%d项工作的通知","body_html":%q,"index_no":"%s/2024-%05d","org":"办公室","topic":"工业、交通","written_on":"%s","published_on":"%s","validity":"有效","channels":[{"channel":"政务微信","date":"%s","ref":"示例工业"}]}`+"\n",
			i, body, uscc, i+1, day.Format("2006-01-02"), day.AddDate(0, 0, 2).Format("2006-01-02"), day.AddDate(0, 0, 2).Format("2006-01-02"))
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	var elapsed time.Duration
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		e := newEnv(b, storetest.Open(b, store.SQLite))
		b.StartTimer()
		start := time.Now()
		res, err := docimport.ImportFile(context.Background(), e.st, path, docimport.Options{FilesDir: e.filesDir,
			Now: func() time.Time { return today }})
		elapsed += time.Since(start)
		if err != nil || res.Imported != lines {
			b.Fatalf("imported %d of %d (%d rejected, first %+v), %v", res.Imported, lines, len(res.Rejected), firstRejection(res), err)
		}
	}
	rate := float64(lines*b.N) / elapsed.Seconds()
	b.ReportMetric(rate, "lines/s")
	b.Logf("%d lines in %v per run: %.0f lines/s", lines, elapsed/time.Duration(b.N), rate)
}

func firstRejection(res docimport.Result) docimport.Rejection {
	if len(res.Rejected) == 0 {
		return docimport.Rejection{}
	}
	return res.Rejected[0]
}
