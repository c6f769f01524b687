package web

import (
	"mime"
	"testing"
)

func TestAttachmentNamesForOldAndNewBrowsers(t *testing.T) {
	tests := []struct{ fallback, name, want string }{
		{"annual-report-2024.docx", "示例市经信局2024年政府信息公开工作年度报告.docx",
			`attachment; filename="annual-report-2024.docx"; filename*=UTF-8''%E7%A4%BA%E4%BE%8B%E5%B8%82%E7%BB%8F%E4%BF%A1%E5%B1%802024%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx`},
		{"a;b\"c.pdf", "a;b\"c d.pdf", `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%3Bb%22c%20d.pdf`},
		{"", "申请表.docx", `attachment; filename="download"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8.docx`},
		{"x.xlsx", "", `attachment; filename="x.xlsx"; filename*=UTF-8''x.xlsx`},
	}
	for _, tt := range tests {
		got := Attachment(tt.fallback, tt.name)
		if got != tt.want {
			t.Errorf("Attachment(%q, %q) = %s, want %s", tt.fallback, tt.name, got, tt.want)
		}
		// What a client parses back: the UTF-8 name wins.
		disp, params, err := mime.ParseMediaType(got)
		want := tt.name
		if want == "" {
			want = tt.fallback
		}
		if err != nil || disp != "attachment" || params["filename"] != want {
			t.Errorf("parsed %q: %s %v %v, want filename %q", got, disp, params, err, want)
		}
	}
}
