package linkage

import (
	"encoding/json"
	"testing"
	"time"

	"gongkai/internal/catalog"
)

// TestEventPayloads: every event names the document the same way; a
// validity change carries the replacing document's address, and a
// withdrawal carries no text and no attachments.
func TestEventPayloads(t *testing.T) {
	site := catalog.Site{Name: "市经信局", USCC: "11420200MB1234567X"}
	doc := catalog.Document{ID: 7, IndexNo: "11420200MB1234567X/2025-00007", Title: "技改奖补办法", Summary: "奖补",
		BodyHTML: "<p>正文</p>", Genre: catalog.GenreNormative, Validity: catalog.Repealed, ValidityOn: "2025-03-11", ReplacedBy: 9,
		PublishedAt: time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC),
		Attachments: []catalog.Attachment{{ID: 3, Name: "附件.pdf", Size: 10, SHA256: "ab"}}}
	read := func(event string) Payload {
		t.Helper()
		b, err := BuildEventPayload(1, event, site, doc, "https://jxj.example.gov.cn")
		var p Payload
		if err == nil {
			err = json.Unmarshal(b, &p)
		}
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	v := read(EventValidity)
	if v.Event != "validity" || v.Document.Validity != "已废止" || v.Document.ReplacedBy != "https://jxj.example.gov.cn/doc/9" ||
		v.Document.BodyHTML == "" || len(v.Attachments) != 1 {
		t.Errorf("validity payload %+v", v)
	}
	w := read(EventWithdrawn)
	if w.Event != "withdrawn" || w.Document.IndexNo != doc.IndexNo || w.Document.URL != "https://jxj.example.gov.cn/doc/7" ||
		w.Document.BodyHTML != "" || w.Document.Summary != "" || len(w.Attachments) != 0 {
		t.Errorf("withdrawal payload %+v", w)
	}
}
