package catalog

import (
	"strings"
	"testing"
)

func validDoc() Document {
	return Document{Title: "关于开展2026年度技术改造项目申报的通知", ColumnID: 1, WrittenOn: "2026-02-10",
		Genre: GenreOther, Validity: Valid, DocNo: "示经信发〔2026〕3号",
		Channels: []ChannelRecord{{Channel: ChannelWeChat, Date: "2026-02-11"}}}
}

func TestDocumentValidate(t *testing.T) {
	if fe := validDoc().Validate(); len(fe) != 0 {
		t.Fatalf("valid document rejected: %v", fe)
	}
	cases := []struct {
		name  string
		edit  func(*Document)
		field string
	}{
		{"missing title", func(d *Document) { d.Title = "  " }, "title"},
		{"long title", func(d *Document) { d.Title = strings.Repeat("文", 201) }, "title"},
		{"no column", func(d *Document) { d.ColumnID = 0 }, "column"},
		{"bad written date", func(d *Document) { d.WrittenOn = "2026-02-30" }, "written_on"},
		{"slashed date", func(d *Document) { d.WrittenOn = "2026/02/10" }, "written_on"},
		{"changed before written", func(d *Document) { d.ChangedOn = "2026-01-01" }, "changed_on"},
		{"doc no with ASCII brackets", func(d *Document) { d.DocNo = "示经信发[2026]3号" }, "doc_no"},
		{"doc no with 【】", func(d *Document) { d.DocNo = "示经信发【2026】3号" }, "doc_no"},
		{"normative without doc no", func(d *Document) { d.Genre, d.DocNo = GenreNormative, "" }, "doc_no"},
		{"unknown genre", func(d *Document) { d.Genre = "memo" }, "genre"},
		{"unknown validity", func(d *Document) { d.Validity = "作废" }, "validity"},
		{"unknown channel", func(d *Document) { d.Channels = []ChannelRecord{{Channel: "抖音", Date: "2026-02-11"}} }, "channels"},
		{"channel without date", func(d *Document) { d.Channels = []ChannelRecord{{Channel: ChannelTV}} }, "channels"},
	}
	for _, c := range cases {
		d := validDoc()
		c.edit(&d)
		fe := d.Validate()
		if _, ok := fe[c.field]; !ok {
			t.Errorf("%s: no error on %s (got %v)", c.name, c.field, fe)
		}
		if fe.Err() == nil {
			t.Errorf("%s: Err() is nil", c.name)
		}
	}
}

func TestIndexNoAndUSCC(t *testing.T) {
	if got := FormatIndexNo("11420200MB1234567X", 2026, 42); got != "11420200MB1234567X/2026-00042" {
		t.Fatalf("FormatIndexNo = %q", got)
	}
	for s, ok := range map[string]bool{"11420200MB1234567X": true, "11420200MB123456": false, "11420200MB1234567I": false, "1142020OMB1234567X": false} {
		if ValidUSCC(s) != ok {
			t.Errorf("ValidUSCC(%q) != %v", s, ok)
		}
	}
	if !Repealed.Superseded() || Valid.Superseded() || !Amended.Superseded() {
		t.Error("Superseded wrong")
	}
	if d := (Document{WrittenOn: "2026-01-05", ChangedOn: "2026-02-01"}); d.FormedOn() != "2026-02-01" {
		t.Errorf("FormedOn = %s, want the change date (条例第二十六条)", d.FormedOn())
	}
}
