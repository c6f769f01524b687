package gongkai

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// packageRow matches a row of CONTRIBUTING.md's package map: | `path` | … |
var packageRow = regexp.MustCompile("(?m)^\\|\\s*`([a-z0-9_/.]+)`\\s*\\|")

// TestPackageMapIsTrue fails when CONTRIBUTING.md lists a package that does
// not exist, or a Go package exists that the map does not list.
func TestPackageMapIsTrue(t *testing.T) {
	doc, err := os.ReadFile("CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range packageRow.FindAllStringSubmatch(string(doc), -1) {
		listed = append(listed, strings.TrimSuffix(m[1], "/"))
	}
	var actual []string
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "data") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			dir := filepath.ToSlash(filepath.Dir(path))
			if !slices.Contains(actual, dir) {
				actual = append(actual, dir)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range listed {
		if !slices.Contains(actual, p) {
			t.Errorf("CONTRIBUTING.md lists %s, which has no Go files", p)
		}
	}
	for _, p := range actual {
		if !slices.Contains(listed, p) {
			t.Errorf("package %s is not listed in CONTRIBUTING.md's package map", p)
		}
	}
	if len(listed) == 0 {
		t.Fatal("no package map found in CONTRIBUTING.md")
	}
}
