package docimport

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/store"
)

// pending is a checked line on its way to the database.
type pending struct {
	line        int
	doc         catalog.Document
	repealedBy  string
	lateUnknown bool             // the calendar does not cover the years in between
	sources     []attachmentFile // the source of each of doc.Attachments
}

// write is the second pass: good lines are built again, their bodies
// sanitised and attachments copied, and written batch by batch.
func (im *importer) write(ctx context.Context, path string) error {
	im.links, im.current, im.touched = map[int64]string{}, map[int64]int64{}, map[int64]bool{}
	batch := make([]pending, 0, im.opt.BatchSize)
	err := eachLine(ctx, path, func(no int, raw []byte) error {
		defer im.progress(no)
		if rj, ok := im.rejected[no]; ok {
			rj.attach(raw) // rejected after the first pass: keep the line for the report
			return nil
		}
		acc, ok := im.accepted[no]
		if !ok {
			return nil
		}
		p, problem := im.prepare(no, raw, acc)
		if problem != "" {
			im.reject(no, raw, "%s", problem)
			return nil
		}
		if batch = append(batch, p); len(batch) >= im.opt.BatchSize {
			err := im.flush(ctx, batch)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	return im.flush(ctx, batch)
}

func (im *importer) progress(no int) {
	if im.opt.Progress != nil {
		im.opt.Progress(no, im.lastNo)
	}
}

// prepare turns a checked line into the document to write. The file may
// have changed since the check, so the checks run again.
func (im *importer) prepare(no int, raw []byte, acc *accepted) (pending, string) {
	l, err := decodeLine(raw)
	if err != nil {
		return pending{}, err.Error()
	}
	b := build(l, im.r, im.today)
	if len(b.problems) > 0 {
		return pending{}, strings.Join(b.problems, "；")
	}
	d := b.doc
	d.BodyHTML = catalog.SanitizeBody(l.BodyHTML)
	if d.Summary == "" {
		d.Summary = SummaryOf(d.BodyHTML)
	}
	d.State = catalog.StatePublished
	d.ValidityOn = acc.validityOn
	late, lateErr := LateWorkdays(im.cal, d.FormedOn(), d.PublishedAt)
	d.LateWorkdays = late
	p := pending{line: no, repealedBy: b.repealedBy, lateUnknown: lateErr != nil}
	for _, a := range l.Attachments {
		f, err := checkAttachment(a, im.opt.BaseDir, im.opt.MaxSize)
		if err != nil {
			return pending{}, err.Error()
		}
		att, err := f.describe()
		if err != nil {
			return pending{}, err.Error()
		}
		d.Attachments, p.sources = append(d.Attachments, att), append(p.sources, f)
	}
	p.doc = d
	return p, ""
}

// flush writes one batch in one transaction, skipping lines that would
// change nothing.
func (im *importer) flush(ctx context.Context, batch []pending) error {
	if len(batch) == 0 {
		return nil
	}
	var nos []string
	for _, p := range batch {
		if p.doc.IndexNo != "" {
			nos = append(nos, p.doc.IndexNo)
		}
	}
	existing, err := im.st.DocumentsByIndexNo(ctx, nos)
	if err != nil {
		return err
	}
	var writes []catalog.Document
	var written []pending
	var copied, dropped []string // files under FilesDir
	for _, p := range batch {
		old, ok := existing[p.doc.IndexNo]
		if !ok || p.doc.IndexNo == "" {
			im.res.Imported++
			if p.doc.IndexNo == "" {
				im.res.Generated++
			}
			writes, written = append(writes, p.doc), append(written, p)
			continue
		}
		p.doc.ID, p.doc.State = old.ID, old.State
		dropped = append(dropped, keepAttachmentIDs(&p.doc, old.Attachments)...)
		im.current[old.ID] = old.ReplacedBy
		im.links[old.ID] = p.repealedBy
		if sameDocument(old, p.doc) {
			im.res.Unchanged++
			im.touched[old.ID] = true
			continue
		}
		im.res.Updated++
		writes, written = append(writes, p.doc), append(written, p)
	}
	for i := range written {
		p := &written[i]
		for j := range p.doc.Attachments {
			if p.doc.Attachments[j].ID != 0 {
				continue
			}
			src := p.sources[j]
			st, err := src.save(im.opt.FilesDir, im.opt.Now())
			if err != nil {
				im.removeFiles(copied)
				return fmt.Errorf("第%d行: 保存附件“%s”失败: %w", p.line, src.name, err)
			}
			// What was copied, should the file have changed since prepare.
			a := &p.doc.Attachments[j]
			a.StoredAs, a.Size, a.SHA256 = st.Rel, st.Size, st.SHA256
			copied = append(copied, st.Rel)
		}
		writes[i] = p.doc
	}
	ids, err := im.st.ImportDocuments(ctx, writes)
	if err != nil {
		im.removeFiles(copied)
		return err
	}
	im.removeFiles(dropped) // their records are gone with the transaction
	for i, p := range written {
		im.links[ids[i]] = p.repealedBy
		if p.lateUnknown && p.doc.ID == 0 {
			// Filled in by the back office once the calendar covers the year.
			if _, err := im.st.FlagDocument(ctx, ids[i], store.FlagLateUnknown, "导入时工作日历未覆盖成文至发布期间"); err != nil {
				return err
			}
		}
	}
	return nil
}

// keepAttachmentIDs matches the line's files with the document's current
// ones by name and content, so an unchanged file keeps its record (and URL).
// It returns the stored files of the records the line no longer lists.
func keepAttachmentIDs(d *catalog.Document, old []catalog.Attachment) []string {
	used := map[int64]bool{}
	for i, a := range d.Attachments {
		for _, o := range old {
			if !used[o.ID] && o.Name == a.Name && o.SHA256 == a.SHA256 {
				d.Attachments[i] = o
				used[o.ID] = true
				break
			}
		}
	}
	var dropped []string
	for _, o := range old {
		if !used[o.ID] {
			dropped = append(dropped, o.StoredAs)
		}
	}
	return dropped
}

// removeFiles deletes stored attachment files, inside FilesDir only. A
// file that cannot be removed is left: its record is gone either way.
func (im *importer) removeFiles(rels []string) {
	for _, rel := range rels {
		_ = files.Remove(im.opt.FilesDir, rel)
	}
}

// link is the third pass: repealed and amended documents point to their
// replacements, which by now are all in the database.
func (im *importer) link(ctx context.Context) error {
	var targets []string
	for _, idx := range im.links {
		if idx != "" {
			targets = append(targets, idx)
		}
	}
	refs, err := im.st.IndexRefs(ctx, targets)
	if err != nil {
		return err
	}
	changes := map[int64]int64{}
	for id, idx := range im.links {
		want := int64(0)
		if idx != "" {
			ref, ok := refs[idx]
			if !ok {
				continue // checked in the first pass; vanished since
			}
			want = ref.ID
		}
		if want != im.current[id] {
			changes[id] = want
			if im.touched[id] {
				im.res.Unchanged--
				im.res.Updated++
			}
		}
	}
	if len(changes) == 0 {
		return nil
	}
	_, err = im.st.SetReplacements(ctx, changes)
	return err
}
