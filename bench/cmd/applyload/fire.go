package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var body = []byte(`{"applicant":{"kind":"person","name":"压力测试","id_type":"resident_id","id_number":"11010519491231002X",
"phone":"13812345678","email":"bench@example.com","address":"湖北省黄石市下陆区团城山街道8号"},
"description":"2025年工业企业技术改造补贴资金拨付名单","doc_no":"","delivery":{"form":"electronic","method":"email"}}`)

func client(c int) *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c}}
}

// fire sends n submissions with c clients. Every 201 is appended to out
// ("code password" per line) as soon as it arrives. A client stops at its
// first connection error: the server was killed.
func fire(base string, n, c int, out string) error {
	f, err := os.OpenFile(out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	var mu sync.Mutex
	var next, acked, failed, refused atomic.Int64
	hc := client(c)
	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(n) {
				resp, err := hc.Post(base+"/api/v1/applications", "application/json", bytes.NewReader(body))
				if err != nil {
					refused.Add(1)
					return
				}
				raw, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					failed.Add(1)
					continue
				}
				var a struct{ Code, Password string }
				if err := json.Unmarshal(raw, &a); err != nil || a.Code == "" {
					failed.Add(1)
					continue
				}
				acked.Add(1)
				mu.Lock()
				fmt.Fprintf(w, "%s %s\n", a.Code, a.Password)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Printf("acknowledged %d, rejected %d, connection errors %d in %.2fs: %.0f submissions/s\n",
		acked.Load(), failed.Load(), refused.Load(), elapsed.Seconds(), float64(acked.Load())/elapsed.Seconds())
	if failed.Load() > 0 {
		return errors.New("some submissions were rejected")
	}
	return nil
}

// verify looks up every acknowledged code with its password.
func verify(base, in string, c int) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	var missing atomic.Int64
	var firstMissing atomic.Value
	hc := client(c)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for line := range jobs {
				code, pw, _ := strings.Cut(line, " ")
				q, _ := json.Marshal(map[string]string{"code": code, "password": pw})
				resp, err := hc.Post(base+"/api/v1/applications/lookup", "application/json", bytes.NewReader(q))
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err != nil || resp.StatusCode != http.StatusOK {
					missing.Add(1)
					firstMissing.CompareAndSwap(nil, code)
				}
			}
		}()
	}
	for _, l := range lines {
		if l != "" {
			jobs <- l
		}
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("verified %d acknowledged applications: %d found, %d missing\n", len(lines), len(lines)-int(missing.Load()), missing.Load())
	if missing.Load() > 0 {
		return fmt.Errorf("acknowledged application %v not found", firstMissing.Load())
	}
	return nil
}
