// Package files keeps attachment files under the data dir's files/
// directory, as {YYYY}/{MM}/{random hex}.{ext}: the back office's uploads
// and the import's copies alike. Every attachment record owns its file,
// because deleting the attachment deletes the file.
package files

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"gongkai/internal/catalog"
)

// Stored is a saved file.
type Stored struct {
	Rel    string // slash-separated, relative to the files directory
	Size   int64
	SHA256 string // hex
}

// ErrOutside is a stored path that would leave the files directory.
var ErrOutside = errors.New("files: path outside the files directory")

// randRead is replaced in tests to force a clash of names.
var randRead = rand.Read

// china is the zone of the year and month folders: the agency's calendar.
var china = time.FixedZone("CST", 8*3600)

// Save writes src under dir as {YYYY}/{MM}/{random}.{ext}. It writes a
// temporary file first, so a crash never leaves a half-written attachment
// under its final name, and it never replaces an existing file.
func Save(dir, ext string, src io.Reader, now time.Time) (Stored, error) {
	if ext == "" || strings.Trim(ext, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
		return Stored{}, fmt.Errorf("files: bad extension %q", ext)
	}
	now = now.In(china)
	month := path.Join(now.Format("2006"), now.Format("01"))
	sub := filepath.Join(dir, filepath.FromSlash(month))
	if err := os.MkdirAll(sub, 0o750); err != nil {
		return Stored{}, err
	}
	tmp, err := os.CreateTemp(sub, ".saving-*")
	if err != nil {
		return Stored{}, err
	}
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, sum), src)
	if err == nil {
		err = tmp.Chmod(0o640)
	}
	if err == nil {
		err = tmp.Sync() // the record in the database will outlive a crash
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		var name string
		if name, err = place(tmp.Name(), sub, ext); err == nil {
			return Stored{Rel: path.Join(month, name), Size: n, SHA256: hex.EncodeToString(sum.Sum(nil))}, nil
		}
	}
	_ = os.Remove(tmp.Name())
	return Stored{}, err
}

// place renames tmp to a new random name in sub. The name is claimed
// first with O_EXCL, so the rename can only replace that empty claim, never
// a file someone else stored.
func place(tmp, sub, ext string) (string, error) {
	for range 3 {
		var rnd [16]byte
		if _, err := randRead(rnd[:]); err != nil {
			return "", err
		}
		name := hex.EncodeToString(rnd[:]) + "." + ext
		full := filepath.Join(sub, name)
		claim, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_ = claim.Close()
		if err := os.Rename(tmp, full); err != nil {
			_ = os.Remove(full)
			return "", err
		}
		return name, nil
	}
	return "", errors.New("files: no free name")
}

// Head reads the first bytes of a file, up to catalog.HeadSize: what
// FileType.Matches checks.
func Head(r io.Reader) ([]byte, error) {
	head := make([]byte, catalog.HeadSize)
	n, err := io.ReadFull(r, head)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return head[:n], err
}

// Path is the file of a stored attachment, refusing (ErrOutside) any
// stored path that is not a file inside dir, whatever the database says.
func Path(dir, rel string) (string, error) {
	p := filepath.FromSlash(rel)
	// "." names the directory itself, not a file in it.
	if !filepath.IsLocal(p) || filepath.Clean(p) == "." || strings.Contains(rel, `\`) {
		return "", ErrOutside
	}
	return filepath.Join(dir, p), nil
}

// Open opens a stored attachment. Beyond Path's check, os.Root refuses a
// symbolic link that points out of dir.
func Open(dir, rel string) (*os.File, error) {
	if _, err := Path(dir, rel); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.Open(filepath.FromSlash(rel))
}

// Remove deletes a stored attachment; a file already gone is no error.
func Remove(dir, rel string) error {
	if _, err := Path(dir, rel); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.Remove(filepath.FromSlash(rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// HashFile reads the file at p for its SHA-256 and size, which tell a
// re-imported file from a new one.
func HashFile(p string) (sum string, size int64, err error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	if size, err = io.Copy(h, f); err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), size, nil
}
