package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestOpenAPIDocument parses the served document and checks it against the
// routes and the domain: both endpoints with their answers, every $ref
// resolving, and the enums equal to the domain's lists.
func TestOpenAPIDocument(t *testing.T) {
	s := newServer(t, storetest.Open(t, store.SQLite), nil)
	resp, err := http.Get(s.url + "/api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /api/openapi.json: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Fatalf("openapi version %q", v)
	}
	get := func(v any, path ...string) any {
		for _, p := range path {
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("no %v in the document", path)
			}
			v = m[p]
		}
		if v == nil {
			t.Fatalf("no %v in the document", path)
		}
		return v
	}
	for path, codes := range map[string][]string{
		"/api/v1/applications":        {"201", "400", "413", "415", "422", "429"},
		"/api/v1/applications/lookup": {"200", "404", "422", "429"},
	} {
		for _, c := range codes {
			get(doc, "paths", path, "post", "responses", c)
		}
		get(doc, "paths", path, "post", "requestBody", "content", "application/json", "schema")
	}
	// Every $ref points into the document.
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
				get(doc, parts...)
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	schemas := get(doc, "components", "schemas")
	enum := func(path ...string) []string {
		var out []string
		for _, e := range get(schemas, path...).([]any) {
			out = append(out, e.(string))
		}
		return out
	}
	same := func(name string, doc []string, want []string) {
		if !slices.Equal(doc, want) {
			t.Errorf("%s enum %v, domain %v", name, doc, want)
		}
	}
	same("kind", enum("Applicant", "properties", "kind", "enum"), strs(disclosure.ApplicantKinds))
	same("id_type", enum("Applicant", "properties", "id_type", "enum"), strs(disclosure.IDTypes))
	same("form", enum("Delivery", "properties", "form", "enum"), strs(disclosure.DeliveryForms))
	same("method", enum("Delivery", "properties", "method", "enum"), strs(disclosure.DeliveryMethods))
	same("state", enum("LookupAnswer", "properties", "state", "enum"), strs(disclosure.States))
	// The error shape the handlers produce is the documented one.
	r := s.post(t, "/api/v1/applications", map[string]any{})
	item := get(schemas, "Errors", "properties", "errors", "items", "required").([]any)
	for _, e := range r.body["errors"].([]any) {
		for _, k := range item {
			if _, ok := e.(map[string]any)[k.(string)]; !ok {
				t.Fatalf("error entry %v lacks %v", e, k)
			}
		}
	}
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
