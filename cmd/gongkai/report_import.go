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

// runReportImport reads last year's published report (text copied from a
// web page, HTML or DOCX — the linter's parser reads all three and every
// variant of spec legal-rules §2.8) and stores it as a published, imported
// report: a new installation then starts with the right carry-over (its
// table 三 row 四 becomes next year's row 二, G7) and 现行有效 baselines.
// Findings are printed; a report whose tables could not be read whole is
// refused, because a wrong baseline would carry into every later report.
func runReportImport(ctx context.Context, args []string, s streams) error {
	var year int
	var site, unit, name string
	cfg, fs, err := parseData("report import", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "报告年度，例如 2023")
		fs.StringVar(&site, "site", "", "站点代码（只有一个站点时可省略）")
		fs.StringVar(&unit, "unit", "", "机关类型：department、government、township（默认按报告内容判断，判断不出时为 department）")
		fs.StringVar(&name, "name", "", "发布机构名称（默认取报告中的名称，没有时取站点名称）")
	}, "文件")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("用法: gongkai report import 文件 --year 2023（文件为已发布年度报告的文本、HTML或DOCX；- 表示标准输入）")
	}
	if err := checkYear(year); err != nil {
		return err
	}
	path := fs.Arg(0)
	data, err := readInput(path, s.in)
	if err != nil {
		return err
	}
	res, err := annualreport.LintReport(bytes.NewReader(data), annualreport.DetectKind(path, data))
	if err != nil {
		return fmt.Errorf("无法读取 %s: %w", path, err)
	}
	if res.Year != 0 && res.Year != year {
		return fmt.Errorf("%s 是%d年度的报告，与 --year %d 不一致", path, res.Year, year)
	}
	if res.Partial {
		return fmt.Errorf("%s 只是报告的节选，不能作为结转基数", path)
	}
	blocking := false
	for _, f := range res.Findings {
		fmt.Fprintf(s.out, "%s [%s] %s\n", f.Severity.Label(), f.Code, f.Message)
		blocking = blocking || (f.Code == annualreport.CodeTruncated && f.Severity == annualreport.SevError)
	}
	if blocking {
		return fmt.Errorf("%s 的表格不完整，未导入", path)
	}
	rep := res.Report
	rep.Year = year
	if unit != "" {
		rep.Unit = annualreport.UnitKind(unit)
	}
	if !rep.Unit.Valid() {
		if unit != "" {
			return fmt.Errorf("--unit 只能是 department、government 或 township，而不是“%s”", unit)
		}
		rep.Unit = annualreport.UnitDepartment
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
	switch {
	case name != "":
		rep.UnitName = name
	case rep.UnitName == "":
		sv, err := st.Site(ctx, siteID)
		if err != nil {
			return err
		}
		rep.UnitName = sv.Name
	}
	rec, err := importedRecord(siteID, rep)
	if err != nil {
		return err
	}
	if _, err := st.CreateAnnualReport(ctx, rec); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return fmt.Errorf("该站点已有%d年度报告，未导入", year)
		}
		return err
	}
	fmt.Fprintf(s.out, "已导入%s%d年度报告（%d年格式）：上年结转基数 %s 件，规范性文件现行有效 %s 件\n", rep.UnitName, year,
		rep.Format, rep.Value(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColTotal),
		inForceOf(rep))
	// The platform holds none of the cases still open at 12-31; until they
	// are registered, next year's 二、上年结转 is short (annualreport.CarryOverGaps).
	if n := rep.Count(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColTotal); n > 0 {
		fmt.Fprintf(s.out, "请在依申请公开登记中按原收到日期补录结转到%d年度的%d件申请，%d年度报告的“二、上年结转”才会与本报告一致\n", year+1, n, year+1)
	}
	return nil
}

// inForceOf is the 现行有效 count of 行政规范性文件 (规范性文件 in 2019).
func inForceOf(r *annualreport.Report) annualreport.Amount {
	if r.Format == annualreport.Format2019 {
		return r.Value(annualreport.TableTwo, annualreport.RowNormative9, annualreport.ColTotal9)
	}
	return r.Value(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce)
}

// readInput reads a file, or standard input for "-" (up to maxInput: a
// report is kilobytes, a DOCX with images a few megabytes).
func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(io.LimitReader(stdin, maxInput))
	}
	data, err := os.ReadFile(filepath.Clean(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("文件不存在：%s", path)
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s: %w", path, err)
	}
	return data, nil
}

const maxInput = 64 << 20
