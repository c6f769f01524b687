package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const lintData = "../../internal/annualreport/testdata/lint/"

func TestLintCommand(t *testing.T) {
	seed := lintData + "real/annual-report-2023-huangshi-jingxin.txt"
	valid := lintData + "valid-2021.txt"

	r := gk(t, "lint", valid, lintData+"valid-2021.html")
	if r.code != 0 || !strings.Contains(r.out, "2023年度，2021年格式，0个错误，0个警告") || r.err != "" {
		t.Fatalf("valid reports: %+v", r)
	}

	// The seed's narrative says 4 new and 9 in force, the table 0 and 0.
	r = gk(t, "lint", seed)
	if r.code != 1 || !strings.Contains(r.out, "[narrative-mismatch]") || !strings.Contains(r.out, "新制作行政规范性文件4个") {
		t.Fatalf("seed: %+v", r)
	}

	// JSON: one object per file, findings with code, severity, location.
	r = gk(t, "lint", "--format", "json", seed, valid)
	if r.code != 1 {
		t.Fatalf("json exit %d: %s", r.code, r.err)
	}
	var out struct {
		Files []struct {
			File     string `json:"file"`
			Year     int    `json:"year"`
			Errors   int    `json:"errors"`
			Findings []struct {
				Code, Severity, Table, Row, Col, Message string
				Line                                     int
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.out)
	}
	if len(out.Files) != 2 || out.Files[0].Year != 2023 || out.Files[1].Errors != 0 || len(out.Files[1].Findings) != 0 {
		t.Fatalf("json: %+v", out)
	}
	mismatches := 0
	for _, f := range out.Files[0].Findings {
		if f.Code == "narrative-mismatch" && f.Severity == "error" && f.Table == "二" && f.Row == "行政规范性文件" && f.Line > 0 {
			mismatches++
		}
	}
	if mismatches != 2 {
		t.Errorf("seed mismatches in JSON: %d\n%s", mismatches, r.out)
	}

	// Warnings alone do not fail: 001 is only cut short.
	if r = gk(t, "lint", lintData+"real/001.txt"); r.code != 0 || !strings.Contains(r.out, "[truncated]") {
		t.Errorf("warnings only: %+v", r)
	}
	// Standard input (the pasted text of a report).
	data, err := os.ReadFile(valid)
	if err != nil {
		t.Fatal(err)
	}
	if r = gkIn(t, string(data), "lint", "-"); r.code != 0 {
		t.Errorf("stdin: %+v", r)
	}
}

// Two years of one unit given together are compared (G7, a warning).
func TestLintCommandAcrossYears(t *testing.T) {
	data, err := os.ReadFile(lintData + "valid-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	prev := filepath.Join(dir, "2022.txt")
	if err := os.WriteFile(prev, []byte(strings.ReplaceAll(string(data), "2023", "2022")), 0o600); err != nil {
		t.Fatal(err)
	}
	r := gk(t, "lint", prev, lintData+"valid-2021.txt")
	if !strings.Contains(r.out, "[carry-over]") || !strings.Contains(r.out, "valid-2021.txt: 2023年度，2021年格式，0个错误，3个警告") {
		t.Errorf("across years: %+v", r)
	}
}

func TestLintCommandErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lint"}, "用法"},
		{[]string{"lint", "--format", "xml", lintData + "valid-2021.txt"}, "--format"},
		{[]string{"lint", filepath.Join(t.TempDir(), "none.txt")}, "文件不存在"},
	} {
		r := gk(t, c.args...)
		if r.code != 1 || !strings.Contains(r.err, c.want) {
			t.Errorf("%v: %+v", c.args, r)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.docx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 not a zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := gk(t, "lint", bad); r.code != 1 || !strings.Contains(r.err, "DOCX") {
		t.Errorf("bad docx: %+v", r)
	}
	if r := gk(t, "lint", "--help"); r.code != 0 || !strings.Contains(r.out, "--format") {
		t.Errorf("help: %+v", r)
	}
}
