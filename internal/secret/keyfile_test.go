package secret

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadCreatesKeyFileOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "secret.key")
	kr, src, err := Load(path, "")
	if err != nil || src != FromCreated {
		t.Fatalf("Load = %v, %q", err, src)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, %v", st.Mode().Perm(), err)
	}
	again, src, err := Load(path, "")
	if err != nil || src != FromFile || again.Primary().ID != kr.Primary().ID {
		t.Fatalf("second Load = %v %q %v", err, src, again.IDs())
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(path, ""); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("world-readable key file accepted: %v", err)
	}
}

func TestLoadFromEnvWins(t *testing.T) {
	a, _ := GenerateKey()
	b, _ := GenerateKey()
	path := filepath.Join(t.TempDir(), "secret.key")
	kr, src, err := Load(path, a.Encode()+", "+strings.TrimPrefix(b.Encode(), b.ID+":"))
	if err != nil || src != FromEnv {
		t.Fatalf("Load env = %v %q", err, src)
	}
	if got := kr.IDs(); len(got) != 2 || got[0] != a.ID || got[1] != b.ID {
		t.Fatalf("ids %v", got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("env key wrote a key file")
	}
	if _, _, err := Load(path, b.ID+":"+strings.TrimPrefix(a.Encode(), a.ID+":")); err == nil {
		t.Fatal("key under the wrong id accepted")
	}
	if _, _, err := Load(path, "not base64!"); err == nil {
		t.Fatal("garbage accepted")
	}
}

func TestAddAndRemoveKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret.key")
	kr, _, err := Load(path, "")
	if err != nil {
		t.Fatal(err)
	}
	oldID := kr.Primary().ID
	newID, err := AddKey(path)
	if err != nil {
		t.Fatal(err)
	}
	kr2, err := ReadKeyFile(path)
	if err != nil || kr2.Primary().ID != newID || len(kr2.IDs()) != 2 || kr2.IDs()[1] != oldID {
		t.Fatalf("after AddKey: %v %v", kr2.IDs(), err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode after AddKey %v", st.Mode().Perm())
	}
	if err := RemoveKey(path, newID); err == nil {
		t.Fatal("removed the primary key")
	}
	if err := RemoveKey(path, "deadbeef"); err == nil {
		t.Fatal("removed an unknown key")
	}
	if err := RemoveKey(path, oldID); err != nil {
		t.Fatal(err)
	}
	kr3, err := ReadKeyFile(path)
	if err != nil || len(kr3.IDs()) != 1 || kr3.Primary().ID != newID {
		t.Fatalf("after RemoveKey: %v %v", kr3.IDs(), err)
	}
}
