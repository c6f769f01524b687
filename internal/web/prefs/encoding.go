package prefs

import (
	"encoding/json"
	"net/url"
	"strings"
)

// Encode is the canonical form of p: the settings that differ from
// Default, in Keys order ("" for the defaults). Equal preferences always
// encode the same, so the encoding can key the page cache.
func (p Prefs) Encode() string {
	cur, def := p.Values(), Default().Values()
	var b strings.Builder
	for _, k := range Keys {
		if cur[k] == def[k] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(cur[k]) // whitelisted values: [a-z0-9] only
	}
	return b.String()
}

// Parse reads an encoding made by Encode. Anything it does not recognise
// falls back to the default, so a damaged cookie never fails a page.
func Parse(s string) Prefs {
	if s == "" || len(s) > maxEncoded {
		return Default()
	}
	v, _ := url.ParseQuery(s) // keeps the pairs that parse
	return Default().Apply(v)
}

// JSON is the form a citizen's account keeps: an object of the settings
// that differ from the defaults ("{}" for none).
func (p Prefs) JSON() string {
	v, _ := url.ParseQuery(p.Encode())
	m := map[string]string{}
	for k := range v {
		m[k] = v.Get(k)
	}
	b, _ := json.Marshal(m) // a map of strings always marshals
	return string(b)
}

// FromJSON reads what JSON wrote, through the same whitelist as Parse.
func FromJSON(s string) Prefs {
	var m map[string]string
	if len(s) > 4*maxEncoded || json.Unmarshal([]byte(s), &m) != nil {
		return Default()
	}
	v := url.Values{}
	for k, x := range m {
		v.Set(k, x)
	}
	return Default().Apply(v)
}
