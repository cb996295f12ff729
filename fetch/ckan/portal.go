package ckan

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
)

// Sentinel errors. Every error of the package wraps one of these (or an
// error of the fetch client, such as fetch.ErrOffline).
var (
	// ErrAPI: the portal's answer is not a successful CKAN answer: an HTML
	// page, invalid JSON, success:false (the message is the portal's).
	ErrAPI = errors.New("CKAN API error")
	// ErrNotFound: the dataset or resource does not exist (HTTP 404).
	ErrNotFound = errors.New("not found")
	// ErrIncomplete: paging ended before the count the portal reported.
	// The rows or datasets received are returned with it.
	ErrIncomplete = errors.New("incomplete results")
)

// DatosGobMX is the Action API base of Mexico's federal open-data portal
// (CKAN 2.11; the older https://datos.gob.mx/busca/api/3/action now
// redirects and fails).
const DatosGobMX = "https://www.datos.gob.mx/api/3/action"

// DatosCDMX is the Action API base of Mexico City's open-data portal.
const DatosCDMX = "https://datos.cdmx.gob.mx/api/3/action"

// SearchRowsMax is the most rows package_search gives per call on a
// default CKAN.
const SearchRowsMax = 1000

// Portal is a CKAN portal reached through a caching fetch.Client, so
// answers and files are cached, work offline and appear in the manifest.
type Portal struct {
	base string
	c    *fetch.Client
	// Rows is the page size asked of package_search (default and maximum
	// SearchRowsMax). The portal may give fewer; paging goes on until the count.
	Rows int
	// MaxPages bounds the answers one Search or DatastoreSearch reads
	// (0 means DefaultMaxPages), and MaxBytes their total size (0 means
	// DefaultMaxBytes); passing one is an error wrapping ErrTooLarge.
	MaxPages int
	MaxBytes int64
}

// New returns a client for the CKAN portal at baseURL: the Action API base
// (DatosGobMX, "https://example.org/api/3/action") or the portal's root, to
// which "/api/3/action" is added. c may be nil for a default fetch.Client.
func New(baseURL string, c *fetch.Client) *Portal {
	b := strings.TrimRight(strings.TrimSpace(baseURL), "/")
	if !strings.HasSuffix(b, "/api/3/action") {
		b += "/api/3/action"
	}
	if c == nil {
		c = fetch.NewClient()
	}
	return &Portal{base: b, c: c, Rows: SearchRowsMax}
}

// Base returns the Action API base the portal calls.
func (p *Portal) Base() string { return p.base }

// call performs one action and returns its result. Answers are fetched
// through the cache as JSON; an answer that is not a successful CKAN answer
// is dropped from the cache.
func (p *Portal) call(ctx context.Context, action string, params url.Values) (json.RawMessage, error) {
	u := p.base + "/" + action
	if len(params) > 0 {
		u += "?" + params.Encode()
	}
	res, err := p.c.GetAs(ctx, u, "json")
	if err != nil {
		var he *fetch.HTTPError
		if errors.As(err, &he) {
			msg := he.StatusText
			if m, ok := portalMessage(he.Body); ok {
				msg = m
			}
			if he.Status == 404 {
				return nil, fmt.Errorf("ckan: %s at %s: %w: %w (HTTP %d): %s", action, p.base, ErrNotFound, ErrAPI, he.Status, msg)
			}
			return nil, fmt.Errorf("ckan: %s at %s: %w: %s: %w", action, p.base, ErrAPI, msg, err)
		}
		if errors.Is(err, fetch.ErrNotData) {
			return nil, fmt.Errorf("ckan: %s at %s: %w: %w", action, p.base, ErrAPI, err)
		}
		return nil, fmt.Errorf("ckan: %s at %s: %w", action, p.base, err)
	}
	if max := p.budget(action).maxBytes; res.Size > max {
		return nil, fmt.Errorf("ckan: %s at %s: %w: one answer of %d bytes, more than Portal.MaxBytes (%d)", action, p.base, ErrTooLarge, res.Size, max)
	}
	b, err := os.ReadFile(res.Path)
	if err != nil {
		return nil, fmt.Errorf("ckan: %s at %s: %w", action, p.base, err)
	}
	out, err := decodeAnswer(action, b)
	if err != nil {
		p.c.Forget(u)
		return nil, fmt.Errorf("%w (%s)", err, u)
	}
	return out, nil
}

// Search returns every dataset that matches query (Solr syntax: words,
// "organization:inegi", "res_format:CSV"; "" for all), paging with start
// and rows until it has the count the portal reports (the first page's).
// If the pages end early, or a page brings no dataset not already received,
// the datasets received are returned with an error wrapping ErrIncomplete;
// a negative count is an error wrapping ErrAPI; paging beyond MaxPages or
// MaxBytes is an error wrapping ErrTooLarge.
func (p *Portal) Search(ctx context.Context, query string) ([]Dataset, error) {
	rows := p.Rows
	if rows <= 0 || rows > SearchRowsMax {
		rows = SearchRowsMax
	}
	var out []Dataset
	seen := map[string]bool{}
	count, start := -1, 0
	bud := p.budget("package_search")
	for page := 0; count < 0 || start < count; page++ {
		params := url.Values{"rows": {strconv.Itoa(rows)}, "start": {strconv.Itoa(start)}}
		if strings.TrimSpace(query) != "" {
			params.Set("q", query)
		}
		res, err := p.call(ctx, "package_search", params)
		if err != nil {
			return out, err
		}
		if err := bud.page(len(res)); err != nil {
			return out, fmt.Errorf("%w; got %d datasets", err, len(out))
		}
		var sp searchPage
		if err := json.Unmarshal(res, &sp); err != nil {
			return out, fmt.Errorf("ckan: package_search at %s: %w: %v", p.base, ErrAPI, err)
		}
		if sp.Count < 0 {
			return out, fmt.Errorf("ckan: package_search %q at %s: %w: the portal reports a count of %d", query, p.base, ErrAPI, sp.Count)
		}
		if count < 0 {
			// The first count bounds the paging: a count that changes
			// from page to page cannot make it endless.
			count = sp.Count
		}
		if len(sp.Results) == 0 {
			break
		}
		added := 0
		for _, r := range sp.Results {
			d := r.dataset()
			key := d.ID
			if key == "" {
				key = d.Name
			}
			if key == "" {
				key = fmt.Sprintf("\x00%v", d)
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, d)
			added++
		}
		if added == 0 {
			return out, fmt.Errorf("ckan: package_search %q at %s: %w: the page at start=%d brings no dataset not already received (the portal repeats its pages); got %d of %d datasets",
				query, p.base, ErrIncomplete, start, len(out), count)
		}
		start += len(sp.Results)
	}
	if count > 0 && len(out) < count {
		return out, fmt.Errorf("ckan: package_search %q at %s: %w: got %d of %d datasets", query, p.base, ErrIncomplete, len(out), count)
	}
	return out, nil
}

// Dataset returns one dataset by name (slug) or id (package_show). A
// dataset that does not exist is an error wrapping ErrNotFound.
func (p *Portal) Dataset(ctx context.Context, nameOrID string) (Dataset, error) {
	if strings.TrimSpace(nameOrID) == "" {
		return Dataset{}, fmt.Errorf("ckan: package_show at %s: %w: empty dataset name", p.base, ErrNotFound)
	}
	res, err := p.call(ctx, "package_show", url.Values{"id": {nameOrID}})
	if err != nil {
		return Dataset{}, err
	}
	d, err := DecodeDataset(res)
	if err != nil {
		return Dataset{}, fmt.Errorf("ckan: package_show %q at %s: %w", nameOrID, p.base, err)
	}
	return d, nil
}

// dataFormats are resource formats whose download must be data, so an
// HTML page in their place is an error.
var dataFormats = map[string]bool{
	"CSV": true, "TSV": true, "TXT": true, "JSON": true, "GEOJSON": true,
	"XLSX": true, "XLS": true, "ODS": true, "ZIP": true, "XML": true,
}

// Download fetches a resource's file through the portal's cached client
// and returns its provenance record (res.Path is the local file). When the
// resource's format is a data format (CSV, JSON, XLSX, ZIP…), an HTML page
// in its place is an error wrapping fetch.ErrNotData.
func (p *Portal) Download(ctx context.Context, r Resource) (*fetch.Resource, error) {
	if strings.TrimSpace(r.URL) == "" {
		return nil, fmt.Errorf("ckan: resource %q (%s): %w: it has no URL", r.Name, r.ID, ErrAPI)
	}
	var (
		res *fetch.Resource
		err error
	)
	if dataFormats[r.Format] {
		res, err = p.c.GetAs(ctx, r.URL, r.Format)
	} else {
		res, err = p.c.Get(ctx, r.URL)
	}
	if err != nil {
		return nil, fmt.Errorf("ckan: resource %q: %w", r.Name, err)
	}
	return res, nil
}

// ByFormat returns the dataset's resources of a format ("csv", ".CSV" and
// "CSV" are the same).
func (d Dataset) ByFormat(format string) []Resource {
	f := NormalizeFormat(format)
	var out []Resource
	for _, r := range d.Resources {
		if r.Format == f {
			out = append(out, r)
		}
	}
	return out
}

// String prints the dataset as a short block: title, name, organization
// and one line per resource.
func (d Dataset) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)", d.Title, d.Name)
	if d.Organization != "" {
		fmt.Fprintf(&b, " — %s", d.Organization)
	}
	b.WriteString("\n")
	for _, r := range d.Resources {
		ds := ""
		if r.DatastoreActive {
			ds = " [datastore]"
		}
		fmt.Fprintf(&b, "  %-5s %s%s\n        %s\n", r.Format, r.Name, ds, r.URL)
	}
	return b.String()
}
