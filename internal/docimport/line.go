// Package docimport brings documents from an agency's old CMS into Gongkai:
// one JSON object per line, validated like a document entered in the back
// office, published with its original 索引号 and dates, and idempotent by
// 索引号 so a migration can be re-run until it is right.
package docimport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Line is one line of an import file. Field names are the file format.
type Line struct {
	Site              string           `json:"site"`   // site code or name; may be empty when there is one site
	Column            string           `json:"column"` // column slug or name
	Title             string           `json:"title"`
	Summary           string           `json:"summary"` // 内容概述; derived from the body when empty
	BodyHTML          string           `json:"body_html"`
	DocNo             string           `json:"doc_no"`   // 文号
	IndexNo           string           `json:"index_no"` // 索引号; generated when empty
	Org               string           `json:"org"`      // 科室 name; the column's org when empty
	Issuer            string           `json:"issuer"`   // 发布机构; the site's name when empty
	Topic             string           `json:"topic"`    // 主题分类
	Genre             string           `json:"genre"`    // normative | rule | other, or the Chinese label
	WrittenOn         string           `json:"written_on"`
	ChangedOn         string           `json:"changed_on"`
	PublishedOn       string           `json:"published_on"`
	Validity          string           `json:"validity"` // 有效 (default) | 已修改 | 已废止 | 已失效
	ValidityOn        string           `json:"validity_on"`
	RepealedByIndexNo string           `json:"repealed_by_index_no"`
	Channels          []ChannelLine    `json:"channels"`
	Attachments       []AttachmentLine `json:"attachments"`
}

// ChannelLine is another channel the document went out on.
type ChannelLine struct {
	Channel string `json:"channel"`
	Date    string `json:"date"`
	Ref     string `json:"ref"`
}

// AttachmentLine names a file relative to the import file's directory.
type AttachmentLine struct {
	Name string `json:"name"`
	Path string `json:"path"`
}

// decodeLine parses one line strictly: an unknown field is more likely a
// misspelt one (whose data would be silently lost) than an extra.
func decodeLine(raw []byte) (Line, error) {
	var l Line
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return l, jsonProblem(err)
	}
	if dec.More() {
		return l, errors.New("一行只能有一个 JSON 对象")
	}
	return l, nil
}

// jsonProblem says in Chinese what is wrong with a line's JSON.
func jsonProblem(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("不是有效的 JSON（第%d个字节附近有误）", syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			return fmt.Errorf("字段“%s”的类型不正确", typ.Field)
		}
		return errors.New("每行必须是一个 JSON 对象")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("未知字段 %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return errors.New("不是有效的 JSON")
}
