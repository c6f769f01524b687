package public

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/store"
)

// Citizens' uploads (ID scans, powers of attorney, 补正 material, payment
// slips) are documents and pictures. Archives cannot be checked for what
// they hold and text files are not proof of anything, so of the platform's
// attachment types (catalog.FileTypeOf) only these are taken.
var citizenExts = []string{"pdf", "ofd", "jpg", "jpeg", "png", "doc", "docx", "wps"}

const (
	citizenTypeNames = "PDF、OFD、JPG、PNG、Word、WPS"
	// citizenMaxFile is the largest file a citizen may upload: a scan or a
	// photo of a document fits easily; the configured MaxUpload, meant for
	// the agency's own attachments, caps it further.
	citizenMaxFile = 10 << 20
	// citizenMaxFiles is how many files one file field takes.
	citizenMaxFiles = 5
	// maxTextField bounds one text field; the longest is the 2000-character
	// description (6000 bytes of UTF-8), with room for the 补正 text.
	maxTextField = 32 << 10
)

// savedUpload is a citizen's file already written under the files
// directory, waiting to be recorded on an application.
type savedUpload struct {
	field  string
	kind   store.AttachmentKind
	name   string
	mime   string
	stored files.Stored
}

// uploadForm is a form read part by part: its text fields, the files that
// passed the checks, and a message per file field that did not.
type uploadForm struct {
	values url.Values
	files  []savedUpload
	errs   catalog.FieldErrors
	// truncated is true when the body went past the service's limit: the
	// fields after that point were not received.
	truncated bool
}

// maxFileSize is the per-file limit of citizens' uploads.
func (h handlers) maxFileSize() int64 {
	return min(int64(citizenMaxFile), h.app.Cfg.MaxUpload)
}

// readUploadForm reads a form that may carry files in the fields named by
// kinds, streaming each file to disk after checking its type by name and
// first bytes, so a file that is too large or of the wrong type is refused
// with a message beside its field while every text field typed is kept
// (they come first in the page, and so in the body). Callers remove the
// saved files (discardUploads) unless they record them.
func (h handlers) readUploadForm(r *http.Request, kinds map[string]store.AttachmentKind) (*uploadForm, error) {
	f := &uploadForm{values: url.Values{}, errs: catalog.FieldErrors{}}
	mr, err := r.MultipartReader()
	if errors.Is(err, http.ErrNotMultipart) {
		// A form without a file input (or a client that sends none).
		if err := r.ParseForm(); err != nil {
			return nil, err
		}
		f.values = r.PostForm
		return f, nil
	}
	if err != nil {
		return nil, err
	}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return f, f.stop(err, kinds)
		}
		name := p.FormName()
		if p.FileName() == "" && kinds[name] == "" {
			b, err := io.ReadAll(io.LimitReader(p, maxTextField+1))
			if err != nil {
				return f, f.stop(err, kinds)
			}
			if len(b) > maxTextField {
				f.errs.Add(name, "填写的内容过长")
				continue
			}
			f.values.Add(name, string(b))
			continue
		}
		kind, ok := kinds[name]
		if !ok {
			continue // a file in a field the form does not have: ignored
		}
		if err := h.readFile(f, p, name, kind); err != nil {
			return f, f.stop(err, kinds)
		}
	}
}

// stop ends the reading: a body past the limit becomes a message beside
// the file fields (the files are what made it large); anything else fails.
func (f *uploadForm) stop(err error, kinds map[string]store.AttachmentKind) error {
	var mbe *http.MaxBytesError
	if !errors.As(err, &mbe) {
		return err
	}
	f.truncated = true
	for field := range kinds {
		f.errs.Add(field, fmt.Sprintf("上传的文件合计超过%s，未能全部接收。请压缩或分次上传", sizeWords(mbe.Limit)))
	}
	return nil
}

// readFile checks and saves one file part.
func (h handlers) readFile(f *uploadForm, p *multipart.Part, field string, kind store.AttachmentKind) error {
	sent := p.FileName()
	name := catalog.CleanFileName(sent[strings.LastIndexAny(sent, `/\`)+1:])
	head, err := files.Head(p)
	if err != nil {
		return err
	}
	if name == "" && len(head) == 0 {
		return nil // the empty file input of a form sent without a file
	}
	if name == "" {
		name = "未命名文件"
	}
	if n := f.count(field); n >= citizenMaxFiles {
		f.errs.Add(field, fmt.Sprintf("每项最多上传%d个文件", citizenMaxFiles))
		return nil
	}
	typ, ok := catalog.FileTypeOf(name)
	switch {
	case !ok || !slices.Contains(citizenExts, typ.Ext):
		f.errs.Add(field, fmt.Sprintf("文件“%s”的类型不能上传。请上传 %s 格式的文件", name, citizenTypeNames))
		return nil
	case len(head) == 0:
		f.errs.Add(field, fmt.Sprintf("文件“%s”是空文件", name))
		return nil
	case !typ.Matches(head):
		f.errs.Add(field, fmt.Sprintf("文件“%s”的内容与扩展名 .%s 不符。%s", name, typ.Ext, typ.Hint()))
		return nil
	}
	limit := h.maxFileSize()
	src := io.MultiReader(bytes.NewReader(head), io.LimitReader(p, limit+1-int64(len(head))))
	dir := h.app.Cfg.FilesDir()
	st, err := files.Save(dir, typ.Ext, src, h.app.Now())
	if err != nil {
		return err
	}
	if st.Size > limit {
		_ = files.Remove(dir, st.Rel)
		f.errs.Add(field, fmt.Sprintf("文件“%s”超过%s，请压缩或拆分后上传", name, sizeWords(limit)))
		return nil
	}
	f.files = append(f.files, savedUpload{field: field, kind: kind, name: name, mime: typ.MIME, stored: st})
	return nil
}

func (f *uploadForm) count(field string) int {
	n := 0
	for _, s := range f.files {
		if s.field == field {
			n++
		}
	}
	return n
}

// names lists the files received, for "please choose them again".
func (f *uploadForm) names() []string {
	out := make([]string, 0, len(f.files))
	for _, s := range f.files {
		out = append(out, s.name)
	}
	return out
}

// discardUploads removes saved files that will not be recorded.
func (h handlers) discardUploads(ups []savedUpload) {
	for _, u := range ups {
		_ = files.Remove(h.app.Cfg.FilesDir(), u.stored.Rel)
	}
}

// recordUploads attaches the saved files to an application. A file whose
// record fails is removed, and the error returned after the others.
func (h handlers) recordUploads(r *http.Request, appID int64, ups []savedUpload) error {
	var errs []error
	for _, u := range ups {
		_, err := h.app.Store.CreateApplicationAttachment(r.Context(), store.ApplicationAttachment{
			ApplicationID: appID, Kind: u.kind, Name: u.name, StoredAs: u.stored.Rel, MIME: u.mime,
			Size: u.stored.Size, SHA256: u.stored.SHA256,
		})
		if err != nil {
			_ = files.Remove(h.app.Cfg.FilesDir(), u.stored.Rel)
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// sizeWords is a byte count as people read it: 10MB, 1.5MB, 64KB.
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%dKB", max(n>>10, 1))
}
