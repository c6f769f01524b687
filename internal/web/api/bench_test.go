package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"gongkai/internal/store/storetest"
)

// BenchmarkAPISubmit measures POST /api/v1/applications through the whole
// service (router, middleware, validation, encryption, one transaction per
// application) over loopback HTTP, 64 clients at once, on each engine.
// Target (issue 3): ≥ 500 submissions/s on 2 cores.
//
//	go test ./internal/web/api -run '^$' -bench APISubmit -benchtime 3000x
func BenchmarkAPISubmit(b *testing.B) {
	for _, d := range storetest.Engines {
		b.Run(string(d), func(b *testing.B) {
			s := newServer(b, storetest.Open(b, d), map[string]string{"api.trusted_addrs": "127.0.0.1, ::1", "api.id_per_day": "0"})
			client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
			body, _ := json.Marshal(validBody())
			b.SetParallelism(32) // 64 clients on 2 cores
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					resp, err := client.Post(s.url+"/api/v1/applications", "application/json", bytes.NewReader(body))
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusCreated {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "submissions/s")
		})
	}
}
