package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongkai/internal/demo"
	"gongkai/internal/store/storetest"
)

var startedRE = regexp.MustCompile(`Gongkai 已启动: http://([^/]+)/`)

// server is a running `gongkai serve`.
type server struct {
	addr     string
	out, log *syncBuffer
	cancel   context.CancelFunc
	done     chan int
}

func startServe(t *testing.T, args ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{out: &syncBuffer{}, log: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	go func() { s.done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), s.out, s.log) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := startedRE.FindStringSubmatch(s.out.String()); m != nil {
			s.addr = m[1]
			return s
		}
		select {
		case code := <-s.done:
			t.Fatalf("serve exited with %d: %s %s", code, s.out, s.log)
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start: %s %s", s.out, s.log)
	return nil
}

// stop cancels the context, as SIGTERM does, and waits for a clean exit.
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.cancel()
	select {
	case code := <-s.done:
		if code != 0 || !strings.Contains(s.out.String(), "Gongkai 已停止") || !strings.Contains(s.log.String(), `"msg":"stopped"`) {
			t.Errorf("exit %d, out %q, log %q", code, s.out, s.log)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func (s *server) get(t *testing.T, path string) (int, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get("http://" + s.addr + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeDemo(t *testing.T) {
	data := t.TempDir()
	s := startServe(t, "--data", data)
	out := s.out.String()
	if !strings.Contains(out, "已创建管理员账号 admin，初始密码 ") || !strings.Contains(out, "演示机构") {
		t.Errorf("first-run output: %s", out)
	}
	for _, who := range []string{"admin", "security", "auditor", "gkb", "zhengce", "chanye", "shenhe", "fenguan"} {
		if !regexp.MustCompile(`账号 ` + who + `，初始密码 \S+（仅显示一次，请登录后修改）`).MatchString(out) {
			t.Errorf("no one-time password for %s", who)
		}
	}
	for _, pw := range shownPassword.FindAllStringSubmatch(out, -1) {
		if strings.Contains(s.log.String(), pw[1]) {
			t.Error("a password appears in the logs")
		}
	}
	if code, body := s.get(t, "/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	if code, body := s.get(t, "/readyz"); code != 200 || body != "ready\n" {
		t.Errorf("/readyz: %d %q", code, body)
	}
	if code, body := s.get(t, "/"); code != 200 || !strings.Contains(body, demo.Agency.Name) {
		t.Errorf("/: %d, demo agency missing", code)
	}
	if code, _ := s.get(t, "/admin/"); code != http.StatusSeeOther {
		t.Errorf("/admin/ without a session: %d, want a redirect to the login", code)
	}
	if !strings.Contains(s.log.String(), `"msg":"started"`) {
		t.Errorf("start-up not logged: %s", s.log)
	}
	s.stop(t)

	// A second start finds the data and shows no password again.
	s = startServe(t, "--data", data)
	if strings.Contains(s.out.String(), "初始密码") {
		t.Errorf("second start printed passwords: %s", s.out)
	}
	s.stop(t)
}

func TestServeNoDemo(t *testing.T) {
	data := t.TempDir()
	s := startServe(t, "--data", data, "--no-demo")
	out := s.out.String()
	if !strings.Contains(out, "已创建管理员账号 admin，初始密码 ") || strings.Contains(out, "演示机构") || strings.Contains(out, "gkb") {
		t.Errorf("first-run output: %s", out)
	}
	if code, _ := s.get(t, "/healthz"); code != 200 {
		t.Errorf("/healthz: %d", code)
	}
	s.stop(t)
	st := openData(t, data, "")
	sites, err := st.Sites(context.Background())
	if err != nil || len(sites) != 0 {
		t.Errorf("--no-demo created %d sites, %v", len(sites), err)
	}
	users, _ := st.Users(context.Background())
	if len(users) != 3 {
		t.Errorf("%d accounts, want the three administrators", len(users))
	}
}

func TestServePostgres(t *testing.T) {
	s := startServe(t, "--data", t.TempDir(), "--db", storetest.PostgresDSN(t))
	if !strings.Contains(s.out.String(), "数据库 postgres") {
		t.Errorf("output: %s", s.out)
	}
	if code, _ := s.get(t, "/readyz"); code != 200 {
		t.Errorf("/readyz: %d", code)
	}
	if code, body := s.get(t, "/"); code != 200 || !strings.Contains(body, demo.Agency.Name) {
		t.Errorf("/: %d", code)
	}
	s.stop(t)
}
