package annualreport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The seed report (黄石市经信局 2023) says it made 4 行政规范性文件 and has 9
// in force, while its table says 0 and 0: exactly two mismatches, and no
// other finding from its narrative (its channel counts do add up).
func TestSeedNarrativeMismatches(t *testing.T) {
	// The copy in testdata (TestLintRealReportsAreTheSharedData keeps it equal
	// to ../shared/seed): CI runs on a clean clone without the shared folder.
	path := filepath.Join("testdata", "lint", "real", "annual-report-2023-huangshi-jingxin.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := New(2023, UnitDepartment, Format2021) // the seed's tables are all 0
	r.Sections[1] = string(raw)                // the whole page: table rows must not be read as narrative numbers
	fs := CheckNarrative(r)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Code)+" "+f.Row+"/"+f.Col+" "+f.Quote)
	}
	want := []string{
		"narrative-mismatch 行政规范性文件/本年制发件数 4个",
		"narrative-mismatch 行政规范性文件/现行有效件数 9个",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// With the table corrected the narrative agrees.
	_ = r.SetCount(TableTwo, RowNormative, ColIssued, 4)
	_ = r.SetCount(TableTwo, RowNormative, ColInForce, 9)
	if fs := CheckNarrative(r); len(fs) != 0 {
		t.Fatalf("corrected table still has findings: %+v", fs)
	}
}
