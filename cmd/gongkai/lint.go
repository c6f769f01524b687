package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"gongkai/internal/annualreport"
	"gongkai/internal/config"
)

// lintFile is one linted file in the JSON output.
type lintFile struct {
	File     string                     `json:"file"`
	Kind     annualreport.InputKind     `json:"kind"`
	Year     int                        `json:"year,omitempty"`
	Unit     annualreport.UnitKind      `json:"unit,omitempty"`
	UnitName string                     `json:"unit_name,omitempty"`
	Format   annualreport.Format        `json:"format"`
	Partial  bool                       `json:"partial,omitempty"`
	Findings []annualreport.LintFinding `json:"findings"`
	Errors   int                        `json:"errors"`
	Warnings int                        `json:"warnings"`
}

// runLint checks published annual reports (text copied from a web page,
// HTML or DOCX; "-" reads standard input) and exits 1 when any error is
// found (条例第五十条 content, 国办公开办函〔2021〕30号 format, G1–G7).
func runLint(ctx context.Context, args []string, s streams) error {
	var format string
	_, fs, err := parseData("lint", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.StringVar(&format, "format", "text", "输出格式：text 或 json")
	}, "文件…")
	if err != nil {
		return err
	}
	if format != "text" && format != "json" {
		return fmt.Errorf("--format 只能是 text 或 json，而不是“%s”", format)
	}
	if fs.NArg() == 0 {
		return errors.New("用法: gongkai lint [--format text|json] 年度报告文件…（文本、HTML或DOCX；- 表示标准输入）")
	}
	var files []lintFile
	var results []*annualreport.LintResult
	failed := false
	for _, name := range fs.Args() {
		f, res, err := lintOne(name, s.in)
		if err != nil {
			fmt.Fprintf(s.errOut, "错误: %s: %v\n", name, err)
			failed = true
			continue
		}
		failed = failed || f.Errors > 0
		files, results = append(files, f), append(results, res)
	}
	// Reports of one unit for consecutive years given together are
	// compared: G7 carry-over and the 现行有效 continuity (warnings).
	for _, prev := range results {
		for j, cur := range results {
			if prev.UnitName != "" && prev.UnitName == cur.UnitName {
				for _, x := range annualreport.LintAcross(prev, cur) {
					files[j].Findings = append(files[j].Findings, x)
					files[j].Warnings++
				}
				slices.SortStableFunc(files[j].Findings, func(a, b annualreport.LintFinding) int { return a.Line - b.Line })
			}
		}
	}
	if format == "json" {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		if files == nil {
			files = []lintFile{}
		}
		if err := enc.Encode(map[string]any{"files": files}); err != nil {
			return err
		}
	} else {
		for _, f := range files {
			printLint(s.out, f)
		}
	}
	if failed {
		return errReported
	}
	return nil
}

// lintOne reads and lints one file.
func lintOne(name string, stdin io.Reader) (lintFile, *annualreport.LintResult, error) {
	data, err := readInput(name, stdin)
	if err != nil {
		return lintFile{}, nil, err
	}
	kind := annualreport.DetectKind(name, data[:min(len(data), 512)])
	res, err := annualreport.LintReport(bytes.NewReader(data), kind)
	if err != nil {
		return lintFile{}, nil, err
	}
	f := lintFile{File: name, Kind: kind, Year: res.Year, Unit: res.Unit, UnitName: res.UnitName,
		Format: res.Format, Partial: res.Partial, Findings: res.Findings}
	f.Errors, f.Warnings = res.Counts()
	return f, res, nil
}

// printLint writes one file's findings as "file:line: 错误 [code] 位置: message".
func printLint(w io.Writer, f lintFile) {
	base := f.File
	if base != "-" {
		base = filepath.Clean(base)
	}
	year := "年度不明"
	if f.Year != 0 {
		year = fmt.Sprintf("%d年度", f.Year)
	}
	fmt.Fprintf(w, "%s: %s，%d年格式，%d个错误，%d个警告\n", base, year, f.Format, f.Errors, f.Warnings)
	for _, x := range f.Findings {
		loc := x.Place("/")
		if loc != "" {
			loc += ": "
		}
		fmt.Fprintf(w, "%s:%d: %s [%s] %s%s\n", base, x.Line, x.Severity.Label(), x.Code, loc, x.Message)
	}
}
