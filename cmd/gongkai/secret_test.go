package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// TestSecretRotation walks the documented procedure: add-key, rotate,
// remove-key, and the data still reads with only the new key.
func TestSecretRotation(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st := openData(t, dir, "")
	keyFile := filepath.Join(dir, "secret.key")
	if fi, err := os.Stat(keyFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file not created 0600 on first start: %v", err)
	}
	site := seedSite(t, st)
	rec, _, err := st.CreateApplication(ctx, store.NewApplication{SiteID: site.ID, Channel: store.ChannelStaff,
		Applicant: disclosure.Applicant{Kind: disclosure.Person, Name: "张三", IDType: disclosure.IDResidentCard,
			IDNumber: "11010519491231002X", Phone: "13812345678"},
		Description: "名单", Delivery: disclosure.Delivery{Form: disclosure.FormPaper, Method: disclosure.MethodCollect},
		ReceivedOn: workday.NewDate(2025, 3, 3), ReceiptBasis: disclosure.ReceiptInPerson})
	if err != nil {
		t.Fatal(err)
	}
	old, _ := st.Keyring()
	oldID := old.Primary().ID

	if r := gk(t, "secret", "remove-key", "--data", dir, oldID); r.code == 0 {
		t.Fatal("removed the only (primary) key")
	}
	r := gk(t, "secret", "add-key", "--data", dir)
	m := regexp.MustCompile(`新的主密钥 ([0-9a-f]{8})`).FindStringSubmatch(r.out)
	if r.code != 0 || m == nil {
		t.Fatalf("add-key: %d %q %q", r.code, r.out, r.err)
	}
	newID := m[1]
	if r := gk(t, "secret", "remove-key", "--data", dir, oldID); r.code == 0 || !strings.Contains(r.err, "secret rotate") {
		t.Fatalf("removed a key still in use: %q %q", r.out, r.err)
	}
	if r := gk(t, "secret", "rotate", "--data", dir); r.code != 0 || !strings.Contains(r.out, "重新加密 1 条") {
		t.Fatalf("rotate: %d %q %q", r.code, r.out, r.err)
	}
	r = gk(t, "secret", "status", "--data", dir)
	if r.code != 0 || !strings.Contains(r.out, newID+"  主密钥  密文 2 个") || !strings.Contains(r.out, oldID+"  旧密钥  密文 0 个") {
		t.Fatalf("status: %q %q", r.out, r.err)
	}
	if r := gk(t, "secret", "remove-key", "--data", dir, oldID); r.code != 0 {
		t.Fatalf("remove-key: %q %q", r.out, r.err)
	}
	kr, err := secret.ReadKeyFile(keyFile)
	if err != nil || len(kr.IDs()) != 1 || kr.Primary().ID != newID {
		t.Fatalf("key file after removal: %v %v", kr, err)
	}
	fresh := openData(t, dir, "")
	a, err := fresh.ApplicantOf(ctx, rec.ID)
	if err != nil || a.IDNumber != "11010519491231002X" || a.Phone != "13812345678" {
		t.Fatalf("after rotation with the new key only: %+v %v", a, err)
	}
}

func TestSecretWithEnvKey(t *testing.T) {
	k, _ := secret.GenerateKey()
	t.Setenv("GONGKAI_KEY", k.Encode())
	dir := t.TempDir()
	if r := gk(t, "secret", "status", "--data", dir); r.code != 0 || !strings.Contains(r.out, "GONGKAI_KEY") || !strings.Contains(r.out, k.ID+"  主密钥") {
		t.Fatalf("status with env key: %q %q", r.out, r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "secret.key")); !os.IsNotExist(err) {
		t.Fatal("a key file was written although GONGKAI_KEY is set")
	}
	if r := gk(t, "secret", "add-key", "--data", dir); r.code == 0 || !strings.Contains(r.err, "new-key") {
		t.Fatalf("add-key with env key: %q %q", r.out, r.err)
	}
	r := gk(t, "secret", "new-key")
	if _, err := secret.ParseKeys(strings.TrimSpace(r.out)); r.code != 0 || err != nil {
		t.Fatalf("new-key printed %q: %v", r.out, err)
	}
}
