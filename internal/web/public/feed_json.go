package public

import (
	"encoding/json"
	"io"
	"time"

	"github.com/gorilla/feeds"
)

// jsonFeedType is the media type of JSON Feed.
const jsonFeedType = "application/feed+json; charset=utf-8"

// jsonFeed is a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1).
// gorilla/feeds writes version 1 only, whose "author" field 1.1
// deprecated for "authors", so the few fields are written here.
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url,omitempty"`
	FeedURL     string         `json:"feed_url,omitempty"`
	Description string         `json:"description,omitempty"`
	Language    string         `json:"language"`
	Authors     []jsonAuthor   `json:"authors,omitempty"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentText   string       `json:"content_text"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
}

// writeJSONFeed writes f as JSON Feed 1.1 with dates in RFC 3339 and
// Beijing time, like the RSS and Atom feeds.
func writeJSONFeed(f *feeds.Feed, w io.Writer) error {
	jf := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, Description: f.Description,
		Language: "zh-CN", Items: make([]jsonFeedItem, 0, len(f.Items))}
	if f.Link != nil {
		jf.HomePageURL = f.Link.Href
		jf.FeedURL = f.Link.Href + "feed.json"
	}
	if f.Author != nil {
		jf.Authors = []jsonAuthor{{Name: f.Author.Name}}
	}
	for _, it := range f.Items {
		ji := jsonFeedItem{ID: it.Id, Title: it.Title, ContentText: it.Description, Summary: it.Description,
			DatePublished: it.Created.Format(time.RFC3339)}
		if it.Link != nil {
			ji.URL = it.Link.Href
		}
		if !it.Updated.IsZero() {
			ji.DateModified = it.Updated.Format(time.RFC3339)
		}
		if it.Author != nil {
			ji.Authors = []jsonAuthor{{Name: it.Author.Name}}
		}
		jf.Items = append(jf.Items, ji)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(jf)
}
