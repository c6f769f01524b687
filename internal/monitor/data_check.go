package monitor

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/store"
)

// dataCheck is 缺失和失真数据: documents lacking 目录 metadata, 发布日期
// before 成文日期, attachments whose file is gone or damaged, superseded
// documents whose replacement is missing or older, and a register of
// normative documents that disagrees with the published documents.
type dataCheck struct{}

func (dataCheck) Name() string         { return "data" }
func (dataCheck) Title() string        { return "目录数据完整性" }
func (dataCheck) Every() time.Duration { return 24 * time.Hour }

// Offset runs the check at 01:00, before the office starts work.
func (dataCheck) Offset() time.Duration { return time.Hour }

func (dataCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return rep, err
	}
	docs, atts := 0, 0
	for _, site := range sites {
		n, found, err := documentProblems(ctx, env, site)
		if err != nil {
			return rep, err
		}
		docs += n
		rep.Findings = append(rep.Findings, found...)
		n, found, err = attachmentProblems(ctx, env, site)
		if err != nil {
			return rep, err
		}
		atts += n
		rep.Findings = append(rep.Findings, found...)
		found, err = registerProblems(ctx, env, site)
		if err != nil {
			return rep, err
		}
		rep.Findings = append(rep.Findings, found...)
	}
	rep.Summary = fmt.Sprintf("检查已发布信息%d条、附件%d个，发现问题%d个", docs, atts, len(rep.Findings))
	return rep, nil
}

func docFinding(d catalog.Document, key, kind, msg string) store.MonitorFinding {
	return store.MonitorFinding{Key: fmt.Sprintf("%s:%d", key, d.ID), Kind: kind, Severity: SevDeduct, SiteID: d.SiteID,
		ColumnID: d.ColumnID, OrgID: d.OrgID, DocumentID: d.ID, Message: "《" + d.Title + "》" + msg}
}

// documentProblems walks a site's published documents in batches.
func documentProblems(ctx context.Context, env *Env, site catalog.Site) (int, []store.MonitorFinding, error) {
	var out []store.MonitorFinding
	var after int64
	n := 0
	for {
		batch, err := env.Store.MonitorDocuments(ctx, site.ID, after, 500, false)
		if err != nil || len(batch) == 0 {
			return n, out, err
		}
		var replIDs []int64
		for _, d := range batch {
			if d.ReplacedBy != 0 {
				replIDs = append(replIDs, d.ReplacedBy)
			}
		}
		repls, err := env.Store.DocumentHeads(ctx, replIDs)
		if err != nil {
			return n, out, err
		}
		for _, d := range batch {
			n++
			after = d.ID
			if miss := MissingMetadata(d); len(miss) > 0 {
				out = append(out, docFinding(d, "meta", "metadata_missing", "缺少目录信息："+strings.Join(miss, "、")))
			}
			if PublishedBeforeWritten(d) {
				out = append(out, docFinding(d, "dates", "date_order",
					fmt.Sprintf("发布日期（%s）早于成文日期（%s）", day(d.PublishedAt), d.WrittenOn)))
			}
			var repl *catalog.Document
			if r, ok := repls[d.ReplacedBy]; ok {
				repl = &r
			}
			if p := RepealProblem(d, repl); p != "" {
				out = append(out, docFinding(d, "repeal", "repeal_dangling", "（"+string(d.Validity)+"）"+p))
			}
		}
	}
}

// attachmentProblems checks that every attachment of a published document
// is on disk with the size recorded at upload. (Hashing every file daily
// would read the whole archive; the size catches truncation and loss.)
func attachmentProblems(ctx context.Context, env *Env, site catalog.Site) (int, []store.MonitorFinding, error) {
	var out []store.MonitorFinding
	var after int64
	n := 0
	for {
		batch, err := env.Store.MonitorAttachments(ctx, site.ID, after, 500)
		if err != nil || len(batch) == 0 {
			return n, out, err
		}
		ids := make([]int64, len(batch))
		for i, a := range batch {
			ids[i] = a.DocumentID
		}
		docs, err := env.Store.DocumentHeads(ctx, ids)
		if err != nil {
			return n, out, err
		}
		for _, a := range batch {
			n++
			after = a.ID
			problem := attachmentProblem(env.FilesDir, a)
			if problem == "" {
				continue
			}
			d := docs[a.DocumentID]
			f := docFinding(d, "attach", "attachment_broken", "的附件“"+a.Name+"”"+problem)
			f.Key = fmt.Sprintf("attach:%d", a.ID)
			out = append(out, f)
		}
	}
}

func attachmentProblem(dir string, a catalog.Attachment) string {
	p, err := files.Path(dir, a.StoredAs)
	if err != nil {
		return "的存储位置无效"
	}
	fi, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件丢失，公众无法下载"
	case err != nil:
		return "无法读取"
	case fi.Size() != a.Size:
		return fmt.Sprintf("文件大小（%d字节）与上传时（%d字节）不符，可能已损坏", fi.Size(), a.Size)
	}
	return ""
}

// registerProblems compares the register the annual report counts with the
// register page, and names the documents that make them differ.
func registerProblems(ctx context.Context, env *Env, site catalog.Site) ([]store.MonitorFinding, error) {
	docs, err := env.Store.RegisterDocuments(ctx, site.ID)
	if err != nil {
		return nil, err
	}
	var out []store.MonitorFinding
	for _, d := range docs {
		if p := RegisterProblem(d); p != "" {
			out = append(out, docFinding(d, "register", "register_mismatch", p))
		}
	}
	year := env.Now().In(china).Year()
	counts, err := env.Store.NormativeRegister(ctx, site.ID, year)
	if err != nil {
		return nil, err
	}
	inForce, err := env.Store.InForce(ctx, site.ID)
	if err != nil {
		return nil, err
	}
	registered := 0
	for _, c := range counts {
		registered += c.InForce
	}
	if registered != len(inForce) && len(out) == 0 {
		out = append(out, store.MonitorFinding{Key: fmt.Sprintf("register-count:%d", site.ID), Kind: "register_mismatch",
			Severity: SevDeduct, SiteID: site.ID,
			Message: fmt.Sprintf("%d年现行有效规章和规范性文件统计为%d件，现行有效文件库列出%d件，两者不一致", year, registered, len(inForce))})
	}
	return out, nil
}
