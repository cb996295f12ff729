package ckan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Dataset is a CKAN package: a published dataset and its files.
type Dataset struct {
	ID           string
	Name         string // the slug used in URLs and package_show
	Title        string
	Notes        string // the description
	Organization string // the publishing organization's title (or name)
	OrgName      string // the organization's slug
	License      string
	Tags         []string
	Created      string // metadata_created, as given (ISO 8601)
	Modified     string // metadata_modified, as given
	Resources    []Resource
}

// Resource is a file (or API) attached to a dataset, as the portal's
// catalogue describes it (CKAN's own term). Downloading it gives a
// fetch.Resource, the record of the bytes actually fetched (path, size,
// SHA-256).
type Resource struct {
	ID          string
	Name        string
	Description string
	// Format is normalised: trimmed, upper-case, without a leading dot
	// ("csv", ".CSV" → "CSV"; "text/csv" → "CSV"). When the portal gives no
	// format, it is taken from the URL's extension.
	Format string
	// RawFormat is the format as the portal gave it.
	RawFormat       string
	URL             string
	Size            int64 // bytes, when the portal knows
	Created         string
	LastModified    string
	DatastoreActive bool // the rows can be queried with DatastoreSearch
}

// text decodes a CKAN text field given as a string, a number, null, or an
// object keyed by language (multilingual portals).
type text string

// languageOrder is the preference among language keys.
var languageOrder = []string{"es", "en", "fr", "de", "it"}

func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || bytes.Equal(b, []byte("null")) {
		*t = ""
		return nil
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
	case '{':
		var m map[string]text
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		*t = text(pickLanguage(m))
	case '[':
		var xs []text
		if err := json.Unmarshal(b, &xs); err != nil {
			return err
		}
		parts := make([]string, 0, len(xs))
		for _, x := range xs {
			if x != "" {
				parts = append(parts, string(x))
			}
		}
		*t = text(strings.Join(parts, "; "))
	default: // a number or a boolean
		*t = text(b)
	}
	return nil
}

// pickLanguage takes the first non-empty value in the order es, en, fr, de,
// it, then the other keys sorted.
func pickLanguage(m map[string]text) string {
	for _, k := range languageOrder {
		if v := strings.TrimSpace(string(m[k])); v != "" {
			return v
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := strings.TrimSpace(string(m[k])); v != "" {
			return v
		}
	}
	return ""
}

// flexBool decodes true, "true", "True", 1.
type flexBool bool

func (f *flexBool) UnmarshalJSON(b []byte) error {
	switch strings.ToLower(strings.Trim(string(bytes.TrimSpace(b)), `"`)) {
	case "true", "1", "yes", "t":
		*f = true
	default:
		*f = false
	}
	return nil
}

// flexInt decodes 123, "123", null.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	var n json.Number
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	n = json.Number(s)
	if v, err := n.Int64(); err == nil {
		*f = flexInt(v)
	} else if v, err := n.Float64(); err == nil {
		*f = flexInt(int64(v))
	} else {
		*f = 0
	}
	return nil
}

type rawDataset struct {
	ID           text            `json:"id"`
	Name         text            `json:"name"`
	Title        text            `json:"title"`
	Notes        text            `json:"notes"`
	Description  text            `json:"description"`
	LicenseTitle text            `json:"license_title"`
	LicenseID    text            `json:"license_id"`
	Created      text            `json:"metadata_created"`
	Modified     text            `json:"metadata_modified"`
	Organization json.RawMessage `json:"organization"`
	Tags         []struct {
		Name  text `json:"name"`
		Title text `json:"display_name"`
	} `json:"tags"`
	Resources []rawResource `json:"resources"`
}

type rawResource struct {
	ID              text     `json:"id"`
	Name            text     `json:"name"`
	Description     text     `json:"description"`
	Format          text     `json:"format"`
	URL             text     `json:"url"`
	Size            flexInt  `json:"size"`
	Created         text     `json:"created"`
	LastModified    text     `json:"last_modified"`
	DatastoreActive flexBool `json:"datastore_active"`
}

func clean(t text) string { return strings.TrimSpace(string(t)) }

func (r rawDataset) dataset() Dataset {
	d := Dataset{
		ID: clean(r.ID), Name: clean(r.Name), Title: clean(r.Title), Notes: clean(r.Notes),
		License: clean(r.LicenseTitle), Created: clean(r.Created), Modified: clean(r.Modified),
	}
	if d.Notes == "" {
		d.Notes = clean(r.Description)
	}
	if d.License == "" {
		d.License = clean(r.LicenseID)
	}
	if o := bytes.TrimSpace(r.Organization); len(o) > 0 && o[0] == '{' {
		var org struct {
			Name  text `json:"name"`
			Title text `json:"title"`
		}
		if json.Unmarshal(o, &org) == nil {
			d.OrgName = clean(org.Name)
			d.Organization = clean(org.Title)
			if d.Organization == "" {
				d.Organization = d.OrgName
			}
		}
	} else if len(o) > 0 {
		var s text
		if json.Unmarshal(o, &s) == nil {
			d.Organization, d.OrgName = clean(s), clean(s)
		}
	}
	for _, t := range r.Tags {
		if n := clean(t.Name); n != "" {
			d.Tags = append(d.Tags, n)
		}
	}
	for _, rr := range r.Resources {
		res := Resource{
			ID: clean(rr.ID), Name: clean(rr.Name), Description: clean(rr.Description),
			RawFormat: string(rr.Format), URL: clean(rr.URL), Size: int64(rr.Size),
			Created: clean(rr.Created), LastModified: clean(rr.LastModified),
			DatastoreActive: bool(rr.DatastoreActive),
		}
		res.Format = NormalizeFormat(string(rr.Format))
		if res.Format == "" {
			res.Format = formatFromURL(res.URL)
		}
		d.Resources = append(d.Resources, res)
	}
	return d
}

var mimeFormats = map[string]string{
	"text/csv": "CSV", "application/csv": "CSV", "text/comma-separated-values": "CSV",
	"application/json": "JSON", "application/geo+json": "GEOJSON",
	"application/zip": "ZIP", "application/x-zip-compressed": "ZIP",
	"application/vnd.ms-excel": "XLS",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
	"application/pdf": "PDF", "text/html": "HTML", "application/xml": "XML", "text/xml": "XML",
	"text/plain": "TXT", "text/tab-separated-values": "TSV",
}

// NormalizeFormat normalises a resource format as publishers type it:
// " csv", ".CSV", "Csv" → "CSV"; a MIME type such as "text/csv" → "CSV".
func NormalizeFormat(f string) string {
	f = strings.TrimSpace(f)
	if f == "" {
		return ""
	}
	if m, ok := mimeFormats[strings.ToLower(strings.SplitN(f, ";", 2)[0])]; ok {
		return m
	}
	f = strings.TrimLeft(f, ". \t")
	return strings.ToUpper(strings.TrimSpace(f))
}

func formatFromURL(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	ext := strings.TrimPrefix(path.Ext(u), ".")
	if ext == "" || len(ext) > 8 || !utf8.ValidString(ext) {
		return ""
	}
	return strings.ToUpper(ext)
}

// envelope is the frame of every CKAN answer.
type envelope struct {
	Help    json.RawMessage `json:"help"`
	Success *bool           `json:"success"`
	Result  json.RawMessage `json:"result"`
	Error   json.RawMessage `json:"error"`
}

// decodeAnswer checks a CKAN answer's envelope and returns its result.
// action names the call for errors.
func decodeAnswer(action string, b []byte) (json.RawMessage, error) {
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if len(t) == 0 {
		return nil, fmt.Errorf("ckan: %s: %w: empty answer", action, ErrAPI)
	}
	if t[0] == '<' {
		return nil, fmt.Errorf("ckan: %s: %w: the portal sent an HTML page, not a CKAN answer (%q); check the API base URL", action, ErrAPI, snippet(t))
	}
	var env envelope
	if err := json.Unmarshal(t, &env); err != nil {
		return nil, fmt.Errorf("ckan: %s: %w: not a CKAN answer: %v (%q)", action, ErrAPI, err, snippet(t))
	}
	if env.Success == nil {
		return nil, fmt.Errorf("ckan: %s: %w: the answer has no \"success\" field (%q)", action, ErrAPI, snippet(t))
	}
	if !*env.Success {
		return nil, fmt.Errorf("ckan: %s: %w: %s", action, ErrAPI, errorMessage(env.Error))
	}
	if len(env.Result) == 0 || bytes.Equal(env.Result, []byte("null")) {
		return nil, fmt.Errorf("ckan: %s: %w: success but no result", action, ErrAPI)
	}
	return env.Result, nil
}

// portalMessage returns the message of a success:false CKAN answer.
func portalMessage(b []byte) (string, bool) {
	var env envelope
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if json.Unmarshal(t, &env) != nil || env.Success == nil || *env.Success {
		return "", false
	}
	return errorMessage(env.Error), true
}

// errorMessage renders CKAN's error object: {"__type": "...", "message":
// "..."} or validation errors {"field": ["msg"]}.
func errorMessage(raw json.RawMessage) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		if len(raw) == 0 {
			return "the portal said success:false without a message"
		}
		return snippet(raw)
	}
	var typ, msg string
	json.Unmarshal(m["__type"], &typ)
	json.Unmarshal(m["message"], &msg)
	var extra []string
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "__type" && k != "message" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		extra = append(extra, k+": "+strings.Trim(string(m[k]), "[]"))
	}
	out := strings.TrimSpace(strings.Join([]string{typ, msg}, ": "))
	out = strings.Trim(out, ": ")
	if len(extra) > 0 {
		if out != "" {
			out += "; "
		}
		out += strings.Join(extra, "; ")
	}
	if out == "" {
		out = "the portal said success:false without a message"
	}
	return out
}

func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}

// DecodeDataset decodes a package object (the result of package_show, or
// one of package_search's results).
func DecodeDataset(b []byte) (Dataset, error) {
	var r rawDataset
	if err := json.Unmarshal(b, &r); err != nil {
		return Dataset{}, fmt.Errorf("ckan: dataset: %w: %v", ErrAPI, err)
	}
	return r.dataset(), nil
}

// searchPage is the result of package_search.
type searchPage struct {
	Count   int          `json:"count"`
	Results []rawDataset `json:"results"`
}

// DecodeSearch decodes a whole package_search answer (envelope included)
// into its reported count and its datasets.
func DecodeSearch(b []byte) (count int, ds []Dataset, err error) {
	res, err := decodeAnswer("package_search", b)
	if err != nil {
		return 0, nil, err
	}
	var p searchPage
	if err := json.Unmarshal(res, &p); err != nil {
		return 0, nil, fmt.Errorf("ckan: package_search: %w: %v", ErrAPI, err)
	}
	ds = make([]Dataset, len(p.Results))
	for i, r := range p.Results {
		ds[i] = r.dataset()
	}
	return p.Count, ds, nil
}
