package docimport

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// fileType is an accepted attachment type: its MIME type and a check of the
// first bytes, so a renamed executable cannot pass as a PDF.
type fileType struct {
	mime  string
	magic func(head []byte) bool
}

func prefix(p string) func([]byte) bool {
	return func(h []byte) bool { return bytes.HasPrefix(h, []byte(p)) }
}

var (
	ole     = prefix("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") // .doc .xls .wps .et
	zipped  = prefix("PK\x03\x04")                       // .docx .xlsx .ofd .zip
	isPlain = func(h []byte) bool { return !bytes.ContainsRune(h, 0) && utf8.Valid(trimPartialRune(h)) }
)

// fileTypes lists what government sites publish as attachments: office
// documents (Microsoft and WPS), OFD and PDF, images, archives and text.
var fileTypes = map[string]fileType{
	".pdf":  {"application/pdf", prefix("%PDF-")},
	".ofd":  {"application/ofd", zipped},
	".doc":  {"application/msword", ole},
	".xls":  {"application/vnd.ms-excel", ole},
	".wps":  {"application/wps-office.wps", ole},
	".et":   {"application/wps-office.et", ole},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", zipped},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zipped},
	".zip":  {"application/zip", zipped},
	".rar":  {"application/vnd.rar", prefix("Rar!\x1a\x07")},
	".jpg":  {"image/jpeg", prefix("\xff\xd8\xff")},
	".jpeg": {"image/jpeg", prefix("\xff\xd8\xff")},
	".png":  {"image/png", prefix("\x89PNG\r\n\x1a\n")},
	".gif":  {"image/gif", prefix("GIF8")},
	".txt":  {"text/plain; charset=utf-8", isPlain},
	".csv":  {"text/csv; charset=utf-8", isPlain},
}

// trimPartialRune drops a multi-byte character cut off by the 512-byte head.
func trimPartialRune(h []byte) []byte {
	for i := 0; i < 3 && len(h) > 0; i++ {
		if utf8.Valid(h) {
			return h
		}
		h = h[:len(h)-1]
	}
	return h
}

// attachmentFile is an attachment line resolved against the file system.
type attachmentFile struct {
	name, path, ext string
	typ             fileType
}

// checkAttachment resolves a line's attachment and checks its type and size
// without reading more than its head.
func checkAttachment(a AttachmentLine, baseDir string, maxSize int64) (attachmentFile, error) {
	p := strings.TrimSpace(a.Path)
	if p == "" {
		return attachmentFile{}, errors.New("附件缺少路径（path）")
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(baseDir, filepath.FromSlash(p))
	}
	name := strings.TrimSpace(a.Name)
	if name == "" {
		name = filepath.Base(p)
	}
	name = strings.NewReplacer("/", "_", "\\", "_").Replace(name)
	f := attachmentFile{name: name, path: p, ext: strings.ToLower(filepath.Ext(p))}
	typ, ok := fileTypes[f.ext]
	if !ok {
		return f, fmt.Errorf("附件“%s”的类型不允许（允许 pdf、ofd、doc、docx、xls、xlsx、wps、et、zip、rar、jpg、png、gif、txt、csv）", a.Path)
	}
	f.typ = typ
	fi, err := os.Stat(p)
	switch {
	case err != nil:
		return f, fmt.Errorf("附件“%s”不存在或无法读取", a.Path)
	case !fi.Mode().IsRegular():
		return f, fmt.Errorf("附件“%s”不是普通文件", a.Path)
	case fi.Size() == 0:
		return f, fmt.Errorf("附件“%s”是空文件", a.Path)
	case maxSize > 0 && fi.Size() > maxSize:
		return f, fmt.Errorf("附件“%s”超过 %d MB 的大小上限", a.Path, maxSize>>20)
	}
	head, err := readHead(p)
	if err != nil {
		return f, fmt.Errorf("附件“%s”无法读取", a.Path)
	}
	if !typ.magic(head) {
		return f, fmt.Errorf("附件“%s”的内容与扩展名 %s 不符", a.Path, f.ext)
	}
	return f, nil
}

func readHead(p string) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(fh, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return head[:n], nil
}

// describe reads the whole file for its size and SHA-256, which tell a
// re-imported file from a new one.
func (f attachmentFile) describe() (catalog.Attachment, error) {
	sum, size, err := hashFile(f.path)
	if err != nil {
		return catalog.Attachment{}, fmt.Errorf("附件“%s”无法读取", f.name)
	}
	return catalog.Attachment{Name: f.name, MIME: f.typ.mime, Size: size, SHA256: sum}, nil
}

// copyAttachment copies src under filesDir as {YYYY}/{MM}/{random}{ext},
// the layout of uploads: every attachment record owns its file, because
// deleting an attachment in the back office deletes its file.
func copyAttachment(src, filesDir, ext string, now time.Time) (string, error) {
	var rnd [16]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	rel := path.Join(now.Format("2006"), now.Format("01"), hex.EncodeToString(rnd[:])+ext)
	if err := copyFile(src, filepath.Join(filesDir, filepath.FromSlash(rel))); err != nil {
		return "", err
	}
	return rel, nil
}

func hashFile(p string) (string, int64, error) {
	fh, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer fh.Close()
	h := sha256.New()
	n, err := io.Copy(h, fh)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// copyFile writes dst through a temporary file and a rename, so a crash
// never leaves a half-written attachment under its final name; an existing
// dst is never replaced.
func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".import-*")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o640); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if _, err := os.Stat(dst); err == nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s 已存在", dst)
	}
	return os.Rename(tmp.Name(), dst)
}
