package docimport

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Options tune an import.
type Options struct {
	BaseDir   string // attachment paths are relative to it; default: the file's directory
	FilesDir  string // where attachments are copied (config.FilesDir)
	MaxSize   int64  // largest attachment in bytes; 0 = no limit
	BatchSize int    // lines per transaction; default 500
	Now       func() time.Time
	// Progress, when set, is called after each line of the writing pass.
	Progress func(done, total int)
}

// Rejection is a line that was not imported, with the reason in Chinese.
type Rejection struct {
	Line   int             `json:"line"`
	Reason string          `json:"reason"`
	Data   json.RawMessage `json:"data,omitempty"` // the line, when it was valid JSON
	Text   string          `json:"text,omitempty"` // the line, when it was not
}

// Result counts what an import did.
type Result struct {
	Lines     int // non-blank lines read
	Imported  int // new documents
	Updated   int // existing documents (same 索引号) that changed
	Unchanged int // existing documents the line did not change
	Generated int // new documents whose line had no 索引号: a re-run imports them again
	Rejected  []Rejection
}

// maxLine bounds one line (a body with inline images can be large).
const maxLine = 64 << 20

// ImportFile imports the JSONL file at path. Lines are checked in a first
// pass, so that a repealed_by_index_no may point to a line further down;
// the second pass writes them in batches of BatchSize per transaction; the
// third links repealed and amended documents to their replacements. A line
// whose 索引号 exists already updates that document, so re-running a file
// creates nothing new. Only an unreadable file or a database failure is an
// error; bad lines are returned as rejections.
func ImportFile(ctx context.Context, st *store.Store, path string, opt Options) (Result, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 500
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.BaseDir == "" {
		opt.BaseDir = filepath.Dir(path)
	}
	if fi, err := os.Stat(path); err != nil {
		return Result{}, fmt.Errorf("无法读取文件 %s: %w", path, err)
	} else if fi.IsDir() {
		return Result{}, fmt.Errorf("%s 是目录，不是 JSONL 文件", path)
	}
	r, err := newResolver(ctx, st)
	if err != nil {
		return Result{}, err
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return Result{}, err
	}
	im := &importer{st: st, opt: opt, r: r, cal: cal, today: opt.Now().In(china).Format("2006-01-02"),
		rejected: map[int]*Rejection{}, accepted: map[int]*accepted{}}
	if err := im.check(ctx, path); err != nil {
		return Result{}, err
	}
	if err := im.write(ctx, path); err != nil {
		return im.result(), err
	}
	if err := im.link(ctx); err != nil {
		return im.result(), err
	}
	return im.result(), nil
}

type importer struct {
	st    *store.Store
	opt   Options
	r     *resolver
	cal   *workday.Calendar
	today string

	lines    int
	lastNo   int // number of the last non-blank line, the progress total
	rejected map[int]*Rejection
	accepted map[int]*accepted // by line number
	res      Result

	// filled by write, used by link
	links   map[int64]string // document ID → 索引号 of its replacement ("" = none)
	current map[int64]int64  // document ID → replaced_by before this import
	touched map[int64]bool   // documents counted as unchanged
}

// accepted is what the check pass keeps of a good line: enough to resolve
// links, not its body.
type accepted struct {
	indexNo, repealedBy, writtenOn string
	siteID                         int64
	validityOn                     string
}

func (im *importer) reject(line int, raw []byte, format string, args ...any) {
	rj := &Rejection{Line: line, Reason: fmt.Sprintf(format, args...)}
	rj.attach(raw)
	im.rejected[line] = rj
	delete(im.accepted, line)
}

func (rj *Rejection) attach(raw []byte) {
	if raw == nil || rj.Data != nil || rj.Text != "" {
		return
	}
	if json.Valid(raw) {
		rj.Data = append(json.RawMessage(nil), raw...)
	} else {
		rj.Text = string(raw)
	}
}

// eachLine calls fn with every non-blank line and its 1-based number.
func eachLine(ctx context.Context, path string, fn func(no int, raw []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("无法读取文件 %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	no := 0
	for sc.Scan() {
		no++
		raw := bytes.TrimSpace(sc.Bytes())
		if no == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")) // a BOM left by Windows editors
		}
		if len(raw) == 0 {
			continue
		}
		if no%1000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := fn(no, raw); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("读取文件 %s 第%d行之后出错: %w", path, no, err)
	}
	return nil
}

func (im *importer) result() Result {
	res := im.res
	res.Lines = im.lines
	res.Rejected = make([]Rejection, 0, len(im.rejected))
	for _, rj := range im.rejected {
		res.Rejected = append(res.Rejected, *rj)
	}
	sort.Slice(res.Rejected, func(i, j int) bool { return res.Rejected[i].Line < res.Rejected[j].Line })
	return res
}

// sameDocument reports whether writing doc over old would change nothing
// a reader sees (the state and replaced_by are handled apart).
func sameDocument(old, doc catalog.Document) bool {
	if old.ColumnID != doc.ColumnID || old.OrgID != doc.OrgID || old.Title != doc.Title || old.Summary != doc.Summary ||
		old.BodyHTML != doc.BodyHTML || old.DocNo != doc.DocNo || old.Topic != doc.Topic || old.Issuer != doc.Issuer ||
		old.Genre != doc.Genre || old.WrittenOn != doc.WrittenOn || old.ChangedOn != doc.ChangedOn ||
		old.Validity != doc.Validity || old.ValidityOn != doc.ValidityOn || !old.PublishedAt.Equal(doc.PublishedAt) ||
		old.LateWorkdays != doc.LateWorkdays || len(old.Channels) != len(doc.Channels) ||
		len(old.Attachments) != len(doc.Attachments) {
		return false
	}
	key := func(c catalog.ChannelRecord) string { return c.Date + "\x00" + string(c.Channel) + "\x00" + c.Ref }
	a, b := make([]string, len(old.Channels)), make([]string, len(doc.Channels))
	for i := range old.Channels {
		a[i], b[i] = key(old.Channels[i]), key(doc.Channels[i])
	}
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	for _, att := range doc.Attachments {
		if att.ID == 0 {
			return false // a file the document did not have
		}
	}
	return true
}
