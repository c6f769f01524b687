package staff

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// upload is an attachment that passed the checks, waiting to be stored.
type upload struct {
	hdr  *multipart.FileHeader
	name string
	ext  string
	kind fileKind
}

// tooLarge is the 413 page of an oversized upload.
func (h handlers) tooLarge(name string) error {
	msg := "附件超过" + megabytes(h.app.Cfg.MaxUpload) + "，请压缩或拆分后重新上传"
	if name != "" {
		msg = "附件“" + name + "”超过" + megabytes(h.app.Cfg.MaxUpload) + "，请压缩或拆分后重新上传"
	}
	return &web.Error{Status: http.StatusRequestEntityTooLarge, Message: msg}
}

// parseUploadForm reads a form that may carry files. A body beyond the
// limit becomes the 413 page with the size in words.
func (h handlers) parseUploadForm(r *http.Request) error {
	err := r.ParseMultipartForm(1 << 20)
	var mbe *http.MaxBytesError
	switch {
	case err == nil, errors.Is(err, http.ErrNotMultipart):
		return r.ParseForm()
	case errors.As(err, &mbe):
		return h.tooLarge("")
	}
	return web.ErrBadRequest
}

// checkUploads checks the posted attachments: the size limit (413) and the
// type by extension and content (a message beside the file field).
func (h handlers) checkUploads(r *http.Request, fe catalog.FieldErrors) ([]upload, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var ups []upload
	for _, hdr := range r.MultipartForm.File["attachments"] {
		if hdr.Filename == "" && hdr.Size == 0 {
			continue // the empty file input of a form without attachments
		}
		name := cleanFileName(hdr.Filename)
		if hdr.Size > h.app.Cfg.MaxUpload {
			return nil, h.tooLarge(name)
		}
		ext := fileExt(name)
		kind, ok := fileKinds[ext]
		if !ok {
			fe.Add("attachments", fmt.Sprintf("附件“%s”的类型不允许。只能上传 PDF、Word、Excel、WPS、OFD、JPG、PNG、ZIP 或 TXT 文件", name))
			continue
		}
		if hdr.Size == 0 {
			fe.Add("attachments", fmt.Sprintf("附件“%s”是空文件", name))
			continue
		}
		head, err := readHead(hdr)
		if err != nil {
			return nil, err
		}
		if !kind.magic(head) {
			fe.Add("attachments", fmt.Sprintf("附件“%s”的内容与扩展名 .%s 不符，请确认文件未损坏或被改名", name, ext))
			continue
		}
		ups = append(ups, upload{hdr: hdr, name: name, ext: ext, kind: kind})
	}
	return ups, nil
}

func readHead(hdr *multipart.FileHeader) ([]byte, error) {
	f, err := hdr.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return head[:n], nil
}

// saveUploads stores the files under <files dir>/YYYY/MM/<random>.<ext>
// with their SHA-256 and records them on the document.
func (h handlers) saveUploads(ctx context.Context, docID int64, ups []upload) ([]catalog.Attachment, error) {
	var out []catalog.Attachment
	for _, up := range ups {
		a, err := h.saveUpload(ctx, docID, up)
		if err != nil {
			return out, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (h handlers) saveUpload(ctx context.Context, docID int64, up upload) (catalog.Attachment, error) {
	now := h.app.Now().In(china)
	var rnd [16]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return catalog.Attachment{}, err
	}
	rel := path.Join(now.Format("2006"), now.Format("01"), hex.EncodeToString(rnd[:])+"."+up.ext)
	full := filepath.Join(h.app.Cfg.FilesDir(), filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o750); err != nil {
		return catalog.Attachment{}, err
	}
	src, err := up.hdr.Open()
	if err != nil {
		return catalog.Attachment{}, err
	}
	defer src.Close()
	dst, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return catalog.Attachment{}, err
	}
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(dst, sum), src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(full)
		return catalog.Attachment{}, err
	}
	a := catalog.Attachment{DocumentID: docID, Name: up.name, StoredAs: rel, MIME: up.kind.mime, Size: n,
		SHA256: hex.EncodeToString(sum.Sum(nil))}
	if a.ID, err = h.app.Store.CreateAttachment(ctx, a); err != nil {
		_ = os.Remove(full)
		return catalog.Attachment{}, err
	}
	return a, nil
}
