package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gongkai/internal/annualreport"
	"gongkai/internal/config"
	"gongkai/internal/store"
)

var runReport = group("report", []command{
	{"build", "生成政府信息公开工作年度报告（report build --year 2024 --format json|html|md|docx|xlsx --out 文件）", runReportBuild},
	{"import", "导入已发布的上年度报告作为结转和现行有效件数的基数（report import 文件 --year 2023）", runReportImport},
})

// runReportBuild builds a year's report from the records (or its frozen
// tables once approved) and writes it in one format. Findings are printed;
// the exit status is 1 when any is an error (the report cannot be approved).
func runReportBuild(ctx context.Context, args []string, s streams) error {
	var year int
	var site, format, out, unit string
	var earlier bool
	cfg, _, err := parseData("report build", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "报告年度，例如 2024")
		fs.StringVar(&site, "site", "", "站点代码（只有一个站点时可省略）")
		fs.StringVar(&format, "format", "html", "输出格式：json、html、md、docx、xlsx")
		fs.StringVar(&out, "out", "", "输出文件（- 表示标准输出）")
		fs.StringVar(&unit, "unit", string(annualreport.UnitDepartment), "机关类型（尚无该年度报告记录时使用）：department 政府部门、government 人民政府、township 乡镇（街道）")
		fs.BoolVar(&earlier, "include-earlier-reviews", true, "表四计入以前年度立案、本年度审结的复议诉讼案件")
	})
	if err != nil {
		return err
	}
	f, err := annualreport.ParseExportFormat(format)
	if err != nil {
		return err
	}
	if err := checkYear(year); err != nil {
		return err
	}
	if out == "" {
		return errors.New("请用 --out 指定输出文件（- 表示标准输出）")
	}
	kind := annualreport.UnitKind(unit)
	if !kind.Valid() {
		return fmt.Errorf("--unit 只能是 department、government 或 township，而不是“%s”", unit)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	siteID, err := siteByCode(ctx, st, site)
	if err != nil {
		return err
	}
	sv, err := st.Site(ctx, siteID)
	if err != nil {
		return err
	}
	b, err := annualreport.Build(ctx, st, annualreport.BuildOptions{SiteID: siteID, Year: year, Unit: kind,
		UnitName: sv.Name, IncludeEarlierReviews: earlier})
	if err != nil {
		return fmt.Errorf("生成%d年度报告失败: %w", year, err)
	}
	var buf bytes.Buffer
	if err := annualreport.Export(&buf, f, b.Report, b.Findings); err != nil {
		return fmt.Errorf("导出失败: %w", err)
	}
	if err := writeOut(out, buf.Bytes(), s.out); err != nil {
		return err
	}
	msg := s.out
	if out == "-" {
		msg = s.errOut // keep standard output for the report itself
	}
	nerr := printFindings(msg, b.Findings)
	if out != "-" {
		fmt.Fprintf(msg, "已生成%d年度报告: %s（%s，%d 项错误，%d 项警告）\n", year, out, f.Label(), nerr, len(b.Findings)-nerr)
	}
	if nerr > 0 {
		return errReported
	}
	return nil
}

// printFindings lists findings one per line and returns the error count.
func printFindings(w io.Writer, fs []annualreport.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == annualreport.SevError {
			n++
		}
		fmt.Fprintf(w, "%s [%s] %s\n", f.Severity.Label(), f.Code, f.Message)
	}
	return n
}

func checkYear(year int) error {
	if year < 2008 || year > 2200 {
		// 条例 in force since 2008-05-01: there are no reports before it.
		return errors.New("请用 --year 指定报告年度（2008 年以后），例如 --year 2024")
	}
	return nil
}

// writeOut writes data to a file (through a temporary file, so a failed
// export never leaves half a file) or to standard output for "-".
func writeOut(path string, data []byte, stdout io.Writer) error {
	if path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*")
	if err != nil {
		return fmt.Errorf("无法写入 %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("无法写入 %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法写入 %s: %w", path, err)
	}
	return nil
}

// importedRecord is a published report read from a file, stored as the
// baseline of next year's carry-over (table 三 四 → 二) and 现行有效 counts.
func importedRecord(siteID int64, rep *annualreport.Report) (store.AnnualReportRecord, error) {
	cells, err := annualreport.MarshalCells(rep)
	if err != nil {
		return store.AnnualReportRecord{}, err
	}
	rec := store.AnnualReportRecord{SiteID: siteID, Year: rep.Year, UnitKind: string(rep.Unit), UnitName: rep.UnitName,
		State: store.ReportPublished, Source: store.ReportImported, Cells: cells}
	for _, s := range annualreport.Sections {
		rec.Sections[s-1] = rep.Sections[s]
	}
	return rec, nil
}
