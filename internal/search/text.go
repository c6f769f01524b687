package search

import (
	"html"
	"strings"

	"github.com/microcosm-cc/bluemonday"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// strict drops every tag; block ends become spaces first so words of two
// paragraphs do not run together. Policies are safe for concurrent use.
var strict = bluemonday.StrictPolicy()

var blockEnds = strings.NewReplacer("</p>", " </p>", "<br>", " <br>", "<br/>", " <br/>", "</li>", " </li>",
	"</td>", " </td>", "</div>", " </div>", "</h1>", " </h1>", "</h2>", " </h2>", "</h3>", " </h3>")

// PlainText is the readable text of a document body.
func PlainText(bodyHTML string) string {
	t := html.UnescapeString(strict.Sanitize(blockEnds.Replace(bodyHTML)))
	return strings.Join(strings.Fields(t), " ")
}

// indexer is the store.SearchIndexer the search package installs.
type indexer struct{ seg *Segmenter }

// DocumentTokens cuts a document for the index. The title field carries
// the title and the 文号 (people search for 示经信规〔2024〕3号); the body
// field the summary, the body text and the 发布机构.
func (ix indexer) DocumentTokens(d catalog.Document) store.SearchTokens {
	return store.SearchTokens{
		Title: ix.seg.IndexTokens(d.Title + " " + d.DocNo),
		Body:  ix.seg.IndexTokens(d.Summary + " " + PlainText(d.BodyHTML) + " " + d.Issuer),
	}
}

// Tokens cuts a document for the index, for bulk indexing.
func (s *Segmenter) Tokens(d catalog.Document) store.SearchTokens {
	return indexer{s}.DocumentTokens(d)
}

// Attach makes st keep the search index in every document write. The
// dictionary loads on the first write or search, once per process.
func Attach(st *store.Store) { st.UseSearchIndexer(lazyIndexer{}) }

// lazyIndexer loads the segmenter when the first document is indexed, so
// commands that never publish do not pay for the dictionary.
type lazyIndexer struct{}

func (lazyIndexer) DocumentTokens(d catalog.Document) (store.SearchTokens, error) {
	seg, err := Default()
	if err != nil {
		return store.SearchTokens{}, err
	}
	return seg.Tokens(d), nil
}
