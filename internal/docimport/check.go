package docimport

import (
	"context"
	"strings"

	"gongkai/internal/catalog"
)

// check is the first pass: every line is validated on its own, then the
// 索引号 are checked against each other and the database.
func (im *importer) check(ctx context.Context, path string) error {
	seen := map[string]int{} // 索引号 → first line carrying it
	err := eachLine(ctx, path, func(no int, raw []byte) error {
		im.lines++
		im.lastNo = no
		l, err := decodeLine(raw)
		if err != nil {
			im.reject(no, raw, "%v", err)
			return nil
		}
		b := build(l, im.r, im.today)
		for _, a := range l.Attachments {
			if _, err := checkAttachment(a, im.opt.BaseDir, im.opt.MaxSize); err != nil {
				b.fail("%v", err)
			}
		}
		if idx := b.doc.IndexNo; idx != "" {
			if first, dup := seen[idx]; dup {
				b.fail("索引号“%s”与第%d行重复", idx, first)
			} else {
				seen[idx] = no
			}
		}
		if len(b.problems) > 0 {
			im.reject(no, raw, "%s", strings.Join(b.problems, "；"))
			return nil
		}
		im.accepted[no] = &accepted{indexNo: b.doc.IndexNo, repealedBy: b.repealedBy, writtenOn: b.doc.WrittenOn,
			siteID: b.site.ID, validityOn: b.doc.ValidityOn}
		if b.doc.Validity == catalog.Valid {
			im.accepted[no].validityOn = ""
		}
		return nil
	})
	if err != nil {
		return err
	}
	return im.resolveLinks(ctx)
}

// resolveLinks rejects lines whose 索引号 belongs to another site's document
// and lines whose repealed_by_index_no is neither a good line of the file
// nor a document in the database. Rejecting a line can orphan another line
// that points to it, so this repeats until nothing changes.
func (im *importer) resolveLinks(ctx context.Context) error {
	var nos []string
	for _, a := range im.accepted {
		if a.indexNo != "" {
			nos = append(nos, a.indexNo)
		}
		if a.repealedBy != "" {
			nos = append(nos, a.repealedBy)
		}
	}
	refs, err := im.st.IndexRefs(ctx, nos)
	if err != nil {
		return err
	}
	for no, a := range im.accepted {
		if ref, ok := refs[a.indexNo]; ok && a.indexNo != "" && ref.SiteID != a.siteID {
			im.reject(no, nil, "索引号“%s”已被其他站点的文件使用", a.indexNo)
		}
	}
	for changed := true; changed; {
		changed = false
		inFile := make(map[string]*accepted, len(im.accepted))
		for _, a := range im.accepted {
			if a.indexNo != "" {
				inFile[a.indexNo] = a
			}
		}
		for no, a := range im.accepted {
			if a.repealedBy == "" {
				continue
			}
			target, ok := inFile[a.repealedBy]
			if !ok {
				if ref, found := refs[a.repealedBy]; found {
					target = &accepted{writtenOn: ref.WrittenOn}
				}
			}
			if target == nil {
				im.reject(no, nil, "找不到索引号为“%s”的废止或修改文件（repealed_by_index_no），它既不在本文件的有效行中，也不在系统中", a.repealedBy)
				changed = true
				continue
			}
			// 有效性变更日期: when the file does not say, the replacement's
			// 成文日期 is the day the old document stopped being current.
			if a.validityOn == "" {
				a.validityOn = target.writtenOn
			}
		}
	}
	return nil
}
