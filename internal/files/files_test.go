package files

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"
)

func TestSaveLayout(t *testing.T) {
	dir := t.TempDir()
	data := []byte("%PDF-1.7 政务公开")
	// 17:00 UTC on 31 January is 1 February in China: the folder follows China.
	st, err := Save(dir, "pdf", bytes.NewReader(data), time.Date(2025, 1, 31, 17, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^2025/02/[0-9a-f]{32}\.pdf$`).MatchString(st.Rel) {
		t.Fatalf("rel %q", st.Rel)
	}
	sum := sha256.Sum256(data)
	if st.Size != int64(len(data)) || st.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("stored %+v", st)
	}
	p, err := Path(dir, st.Rel)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("content %q %v", got, err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v", fi.Mode())
	}
	if h, n, err := HashFile(p); err != nil || h != st.SHA256 || n != st.Size {
		t.Fatalf("HashFile %s %d %v", h, n, err)
	}
	assertOnly(t, filepath.Dir(p), filepath.Base(p))
}

// assertOnly checks that dir holds exactly the named files: no temporary
// file or claimed name is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	slices.Sort(names) // as ReadDir sorts
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Fatalf("%s holds %v, want %v", dir, got, names)
	}
}

func TestSaveRefusesAndCleansUp(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 3, 10, 10, 0, 0, 0, time.UTC)
	for _, ext := range []string{"", ".pdf", "PDF", "pdf/../x", "p df"} {
		if _, err := Save(dir, ext, strings.NewReader("x"), now); err == nil {
			t.Errorf("extension %q accepted", ext)
		}
	}
	broken := iotest.TimeoutReader(iotest.OneByteReader(strings.NewReader("abc")))
	if _, err := Save(dir, "txt", broken, now); err == nil {
		t.Fatal("a failing reader saved")
	}
	assertOnly(t, filepath.Join(dir, "2025", "03"))
}

func TestSaveNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 3, 10, 10, 0, 0, 0, time.UTC)
	first, err := Save(dir, "txt", strings.NewReader("first"), now)
	if err != nil {
		t.Fatal(err)
	}
	taken, _ := hex.DecodeString(strings.TrimSuffix(filepath.Base(first.Rel), ".txt"))
	calls := 0
	randRead = func(b []byte) (int, error) {
		calls++
		if calls <= 2 { // the name already taken, twice
			return copy(b, taken), nil
		}
		return copy(b, bytes.Repeat([]byte{0xab}, len(b))), nil
	}
	t.Cleanup(func() { randRead = defaultRandRead })
	second, err := Save(dir, "txt", strings.NewReader("second"), now)
	if err != nil {
		t.Fatal(err)
	}
	if second.Rel != "2025/03/"+strings.Repeat("ab", 16)+".txt" {
		t.Fatalf("second %q", second.Rel)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(first.Rel))); string(got) != "first" {
		t.Fatalf("first file replaced: %q", got)
	}
	// Only clashes: an error, and the existing file is untouched.
	randRead = func(b []byte) (int, error) { return copy(b, taken), nil }
	if _, err := Save(dir, "txt", strings.NewReader("third"), now); err == nil {
		t.Fatal("saved over a taken name")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(first.Rel))); string(got) != "first" {
		t.Fatalf("first file replaced: %q", got)
	}
	assertOnly(t, filepath.Join(dir, "2025", "03"), filepath.Base(first.Rel), filepath.Base(second.Rel))
}

var defaultRandRead = randRead

func TestConcurrentSaves(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 3, 10, 10, 0, 0, 0, time.UTC)
	const n = 24
	rels := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			st, err := Save(dir, "txt", strings.NewReader(strings.Repeat("x", i+1)), now)
			if err != nil {
				t.Error(err)
			}
			rels[i] = st.Rel
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, rel := range rels {
		if seen[rel] {
			t.Fatalf("name %q given twice", rel)
		}
		seen[rel] = true
		if got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel))); len(got) != i+1 {
			t.Fatalf("%s holds %d bytes, want %d", rel, len(got), i+1)
		}
	}
}

func TestPathEscapeRefused(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "files")
	if err := os.MkdirAll(filepath.Join(dir, "2025"), 0o750); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(base, "secret.txt")
	if err := os.WriteFile(secret, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"", ".", "2025/..", "../secret.txt", "/etc/passwd", "2025/../../secret.txt", `..\secret.txt`, `2025\a.pdf`} {
		if p, err := Path(dir, rel); !errors.Is(err, ErrOutside) {
			t.Errorf("Path(%q) = %q, %v", rel, p, err)
		}
		if f, err := Open(dir, rel); err == nil {
			f.Close()
			t.Errorf("Open(%q) succeeded", rel)
		}
		if err := Remove(dir, rel); !errors.Is(err, ErrOutside) {
			t.Errorf("Remove(%q): %v", rel, err)
		}
	}
	// A link inside the directory that points out of it.
	if err := os.Symlink(secret, filepath.Join(dir, "2025", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if f, err := Open(dir, "2025/link.txt"); err == nil {
		f.Close()
		t.Fatal("Open followed a link out of the directory")
	}
	if _, err := os.Stat(secret); err != nil {
		t.Fatal(err)
	}
	if p, err := Path(dir, "2025/a.pdf"); err != nil || p != filepath.Join(dir, "2025", "a.pdf") {
		t.Fatalf("Path: %q %v", p, err)
	}
}

func TestOpenAndRemove(t *testing.T) {
	dir := t.TempDir()
	st, err := Save(dir, "csv", strings.NewReader("a,b\n"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(dir, st.Rel)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if string(got) != "a,b\n" {
		t.Fatalf("read %q", got)
	}
	if err := Remove(dir, st.Rel); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(st.Rel))); !os.IsNotExist(err) {
		t.Fatalf("still there: %v", err)
	}
	if err := Remove(dir, st.Rel); err != nil {
		t.Fatalf("removing a removed file: %v", err)
	}
	if err := Remove(filepath.Join(dir, "missing"), "2025/x.pdf"); err != nil {
		t.Fatalf("missing directory: %v", err)
	}
}

func TestHead(t *testing.T) {
	long := bytes.Repeat([]byte("政"), 300)
	cases := []struct {
		in   []byte
		want int
	}{{long, 512}, {[]byte("%PDF-1.4"), 8}, {nil, 0}}
	for _, c := range cases {
		r := bytes.NewReader(c.in)
		h, err := Head(r)
		if err != nil || len(h) != c.want || !bytes.Equal(h, c.in[:c.want]) {
			t.Errorf("Head(%d bytes) = %d bytes, %v", len(c.in), len(h), err)
		}
	}
	if _, err := Head(iotest.ErrReader(errors.New("disk"))); err == nil {
		t.Fatal("read error hidden")
	}
}
