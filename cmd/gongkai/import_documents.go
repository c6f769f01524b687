package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"gongkai/internal/auth"
	"gongkai/internal/config"
	"gongkai/internal/docimport"
)

var runImport = group("import", []command{
	{"documents", "导入 JSONL 格式的文件（每行一个 JSON 对象）: import documents 文件.jsonl [--report 报告.jsonl]", runImportDocuments},
})

// importFormat documents the file format in --help.
const importFormat = `文件格式: 每行一个 JSON 对象，字段如下（未列出的字段视为错误）:
  site                 站点代码或名称（只有一个站点时可省略）
  column               栏目代码（如 tzgg）或栏目名称
  title, body_html     标题、正文（正文会经过安全过滤）
  summary              内容概述（省略时取正文开头）
  doc_no, index_no     文号、索引号（索引号省略时自动编号；再次导入时按索引号更新，不会重复）
  org, issuer, topic   科室名称、发布机构（默认站点名称）、主题分类
  genre                normative（行政规范性文件）、rule（规章）或 other
  written_on, changed_on, published_on   成文日期、变更日期、发布日期（YYYY-MM-DD）
  validity, validity_on                  有效性（有效、已修改、已废止、已失效）及其变更日期
  repealed_by_index_no                   修改或废止本文件的文件的索引号（可在文件后面的行中）
  channels             [{"channel":"政务微信","date":"2024-03-05","ref":"…"}]
  attachments          [{"name":"附件.pdf","path":"相对本文件所在目录的路径"}]
`

func runImportDocuments(ctx context.Context, args []string, s streams) error {
	var reportPath string
	var batch int
	cfg, fs, err := parseData("import documents", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.StringVar(&reportPath, "report", "", "把被拒绝的行及原因写入此文件（JSONL）")
		fs.IntVar(&batch, "batch", 500, "每个数据库事务写入的行数")
	}, "文件.jsonl")
	var help *helpError
	if errors.As(err, &help) {
		return &helpError{text: help.text + importFormat}
	}
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("请给出要导入的 JSONL 文件，例如: gongkai import documents old-cms.jsonl")
	}
	path := fs.Arg(0)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("无法读取文件 %s", path)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(s.errOut)
	start := time.Now()
	res, err := docimport.ImportFile(ctx, st, path, docimport.Options{FilesDir: cfg.FilesDir(), MaxSize: cfg.MaxUpload,
		BatchSize: batch, Progress: prog.update})
	prog.finish()
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "导入完成（用时 %.1f 秒）：共 %d 行，新导入 %d 条，更新 %d 条，未变化 %d 条，拒绝 %d 行\n",
		time.Since(start).Seconds(), res.Lines, res.Imported, res.Updated, res.Unchanged, len(res.Rejected))
	if res.Generated > 0 {
		fmt.Fprintf(s.out, "注意：%d 行没有索引号，已自动编号；再次导入同一文件会再次创建这些文件（按索引号去重）\n", res.Generated)
	}
	for _, rj := range res.Rejected {
		fmt.Fprintf(s.out, "第%d行: %s\n", rj.Line, rj.Reason)
	}
	if reportPath != "" {
		if err := writeReport(reportPath, res.Rejected); err != nil {
			return err
		}
		fmt.Fprintf(s.out, "被拒绝的行已写入 %s\n", reportPath)
	}
	return st.AppendAudit(ctx, auth.AuditEntry{Username: cliUser, Action: "document.import", Target: filepath.Base(path),
		Detail: fmt.Sprintf("新导入 %d，更新 %d，未变化 %d，拒绝 %d", res.Imported, res.Updated, res.Unchanged, len(res.Rejected))})
}

// writeReport writes the rejected lines, one JSON object each, so they can
// be fixed and imported again.
func writeReport(path string, rejected []docimport.Rejection) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("无法写入报告文件 %s: %w", path, err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, rj := range rejected {
		if err := enc.Encode(rj); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// progress shows a bar on a terminal and plain lines anywhere else (a log
// file or CI output must not fill with carriage returns).
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	shown int // last line number printed as a plain line
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("导入"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	return p
}

func (p *progress) update(done, total int) {
	if p.bar != nil {
		if p.bar.GetMax() != total {
			p.bar.ChangeMax(total)
		}
		_ = p.bar.Set(done)
		return
	}
	// A plain line every tenth of the file (at least every 1,000 lines).
	step := max(total/10, 1000)
	if done == total || done-p.shown >= step {
		fmt.Fprintf(p.w, "已处理 %d/%d 行\n", done, total)
		p.shown = done
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
