package staff

import (
	"context"
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/web"
)

// upload is an attachment that passed the checks, waiting to be stored.
type upload struct {
	hdr  *multipart.FileHeader
	name string
	typ  catalog.FileType
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
		name := uploadName(hdr.Filename)
		if hdr.Size > h.app.Cfg.MaxUpload {
			return nil, h.tooLarge(name)
		}
		typ, ok := catalog.FileTypeOf(name)
		if !ok {
			fe.Add("attachments", fmt.Sprintf("附件“%s”的类型不允许。只能上传以下类型的文件：%s", name, catalog.FileTypeNames()))
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
		if !typ.Matches(head) {
			fe.Add("attachments", fmt.Sprintf("附件“%s”的内容与扩展名 .%s 不符。%s", name, typ.Ext, typ.Hint()))
			continue
		}
		ups = append(ups, upload{hdr: hdr, name: name, typ: typ})
	}
	return ups, nil
}

// uploadName is the name staff see for an uploaded file. Internet Explorer
// in the intranet zone sends the whole local path, which may hold the
// user's name: only its last element is kept (RFC 7578 §4.2).
func uploadName(sent string) string {
	return catalog.CleanFileName(sent[strings.LastIndexAny(sent, `/\`)+1:])
}

func readHead(hdr *multipart.FileHeader) ([]byte, error) {
	f, err := hdr.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return files.Head(f)
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
	src, err := up.hdr.Open()
	if err != nil {
		return catalog.Attachment{}, err
	}
	defer src.Close()
	dir := h.app.Cfg.FilesDir()
	st, err := files.Save(dir, up.typ.Ext, src, h.app.Now())
	if err != nil {
		return catalog.Attachment{}, err
	}
	a := catalog.Attachment{DocumentID: docID, Name: up.name, StoredAs: st.Rel, MIME: up.typ.MIME, Size: st.Size,
		SHA256: st.SHA256}
	if a.ID, err = h.app.Store.CreateAttachment(ctx, a); err != nil {
		_ = files.Remove(dir, st.Rel)
		return catalog.Attachment{}, err
	}
	return a, nil
}
