package docimport

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
)

// attachmentFile is an attachment line resolved against the file system.
type attachmentFile struct {
	name, path string
	typ        catalog.FileType
}

// checkAttachment resolves a line's attachment and checks its type and size
// without reading more than its head: the same types and checks as the
// back office's uploads.
func checkAttachment(a AttachmentLine, baseDir string, maxSize int64) (attachmentFile, error) {
	p := strings.TrimSpace(a.Path)
	if p == "" {
		return attachmentFile{}, errors.New("附件缺少路径（path）")
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(baseDir, filepath.FromSlash(p))
	}
	name := catalog.CleanFileName(a.Name)
	if name == "" {
		name = catalog.CleanFileName(filepath.Base(p))
	}
	f := attachmentFile{name: name, path: p}
	typ, ok := catalog.FileTypeOf(p)
	if !ok {
		return f, fmt.Errorf("附件“%s”的类型不允许（允许 %s）", a.Path, strings.Join(catalog.FileTypeExts(), "、"))
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
	if !typ.Matches(head) {
		return f, fmt.Errorf("附件“%s”的内容与扩展名 .%s 不符。%s", a.Path, typ.Ext, typ.Hint())
	}
	return f, nil
}

func readHead(p string) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return files.Head(fh)
}

// describe reads the whole file for its size and SHA-256, which tell a
// re-imported file from a new one.
func (f attachmentFile) describe() (catalog.Attachment, error) {
	sum, size, err := files.HashFile(f.path)
	if err != nil {
		return catalog.Attachment{}, fmt.Errorf("附件“%s”无法读取", f.name)
	}
	return catalog.Attachment{Name: f.name, MIME: f.typ.MIME, Size: size, SHA256: sum}, nil
}

// save copies the file under filesDir in the layout of uploads: every
// attachment record owns its file, because deleting an attachment in the
// back office deletes its file.
func (f attachmentFile) save(filesDir string, now time.Time) (files.Stored, error) {
	src, err := os.Open(f.path)
	if err != nil {
		return files.Stored{}, err
	}
	defer src.Close()
	return files.Save(filesDir, f.typ.Ext, src, now)
}
