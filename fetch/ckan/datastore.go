package ckan

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/frame"
)

// DatastoreLimit is the most rows a default CKAN DataStore gives per call
// (ckan.datastore.search.rows_max); the cap is applied silently.
const DatastoreLimit = 32000

// DatastoreOption narrows or shapes a DatastoreSearch.
type DatastoreOption func(*dsConfig)

type dsConfig struct {
	q        string
	filters  map[string]any
	fields   []string
	sort     string
	maxRows  int
	pageSize int
}

// Q keeps the rows matching a full-text query.
func Q(text string) DatastoreOption { return func(c *dsConfig) { c.q = text } }

// Filters keeps the rows whose columns equal the given values, e.g.
// Filters(map[string]any{"alcaldia": "Coyoacán"}).
func Filters(f map[string]any) DatastoreOption { return func(c *dsConfig) { c.filters = f } }

// Fields asks only for the named columns, in that order.
func Fields(names ...string) DatastoreOption {
	return func(c *dsConfig) { c.fields = append([]string(nil), names...) }
}

// Sort orders the rows, e.g. "fecha desc". Paging a table without a sort
// relies on the portal's natural order.
func Sort(s string) DatastoreOption { return func(c *dsConfig) { c.sort = s } }

// MaxRows stops after n rows (0, the default, reads them all).
func MaxRows(n int) DatastoreOption { return func(c *dsConfig) { c.maxRows = n } }

// PageSize sets the rows asked per call (default DatastoreLimit). The
// portal may apply a lower cap; the limit it echoes is then used.
func PageSize(n int) DatastoreOption { return func(c *dsConfig) { c.pageSize = n } }

type dsPage struct {
	Fields  []dsField                    `json:"fields"`
	Records []map[string]json.RawMessage `json:"records"`
	Total   *int                         `json:"total"`
	Limit   int                          `json:"limit"`
}

type dsField struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// DatastoreSearch reads the rows of a DataStore-enabled resource
// (datastore_search) into a DataFrame. It pages with offset, using the
// limit each answer echoes (portals cap pages at 32,000 rows silently), and
// stops at the total the portal reports; if the pages end early, the rows
// received are returned with an error wrapping ErrIncomplete. Column types
// come from the DataStore field types: int* → Int, numeric/float → Float,
// bool → Bool, timestamp/date → ISO-8601 String ("2024-10-17" when the time
// is midnight), text → String; a column whose values do not all fit its
// declared type is kept as String, so nothing is lost. CKAN's internal
// "_id" column is left out. Fields listed only by later pages, and record
// keys no page lists, become columns too (missing in the rows without
// them), in order of first appearance. A page that repeats the previous
// one ends the paging with ErrIncomplete; a negative total is an error
// wrapping ErrAPI; paging beyond Portal.MaxPages or Portal.MaxBytes, or
// more than DefaultMaxColumns columns, is an error wrapping ErrTooLarge.
func (p *Portal) DatastoreSearch(ctx context.Context, resourceID string, opts ...DatastoreOption) (dataframe.DataFrame, error) {
	cfg := dsConfig{pageSize: DatastoreLimit}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.pageSize <= 0 {
		cfg.pageSize = DatastoreLimit
	}
	if strings.TrimSpace(resourceID) == "" {
		return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search at %s: %w: empty resource id", p.base, ErrNotFound)
	}
	base := url.Values{"resource_id": {resourceID}}
	if cfg.q != "" {
		base.Set("q", cfg.q)
	}
	if len(cfg.filters) > 0 {
		b, err := json.Marshal(cfg.filters)
		if err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search %s: filters: %w", resourceID, err)
		}
		base.Set("filters", string(b))
	}
	if len(cfg.fields) > 0 {
		base.Set("fields", strings.Join(cfg.fields, ","))
	}
	if cfg.sort != "" {
		base.Set("sort", cfg.sort)
	}
	var (
		fields []dsField
		cols   []*dsColumn
		index  = map[string]int{}
		total  = -1
		offset = 0
		limit  = cfg.pageSize
		rows   = 0 // rows held by every column
	)
	bud := p.budget("datastore_search")
	// addColumn adds a column (missing in the rows read so far) for a field
	// or record key the first page did not list.
	addColumn := func(f dsField) error {
		if f.ID == "_id" || f.ID == "_full_text" {
			return nil
		}
		if _, ok := index[f.ID]; ok {
			return nil
		}
		if len(fields) >= DefaultMaxColumns {
			return fmt.Errorf("ckan: datastore_search %s at %s: %w: more than %d distinct fields and record keys", resourceID, p.base, ErrTooLarge, DefaultMaxColumns)
		}
		index[f.ID] = len(fields)
		fields = append(fields, f)
		c := &dsColumn{typ: strings.ToLower(f.Type)}
		for i := 0; i < rows; i++ {
			c.add(nil)
		}
		cols = append(cols, c)
		return nil
	}
	for {
		want := limit
		if cfg.maxRows > 0 && cfg.maxRows-offset < want {
			want = cfg.maxRows - offset
		}
		params := url.Values{}
		for k, v := range base {
			params[k] = v
		}
		params.Set("offset", strconv.Itoa(offset))
		params.Set("limit", strconv.Itoa(want))
		res, err := p.call(ctx, "datastore_search", params)
		if err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("%w (resource %s, offset %d)", err, resourceID, offset)
		}
		if err := bud.page(len(res)); err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("%w; resource %s, %d rows read", err, resourceID, offset)
		}
		var pg dsPage
		dec := json.NewDecoder(bytes.NewReader(res))
		if err := dec.Decode(&pg); err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search %s offset %d at %s: %w: %v", resourceID, offset, p.base, ErrAPI, err)
		}
		first := bud.pages == 1
		for _, f := range pg.Fields {
			if err := addColumn(f); err != nil {
				return dataframe.DataFrame{}, err
			}
		}
		if first && len(fields) == 0 {
			return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search %s at %s: %w: the answer lists no fields", resourceID, p.base, ErrAPI)
		}
		if pg.Total != nil {
			if *pg.Total < 0 {
				return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search %s at %s: %w: the portal reports a total of %d rows", resourceID, p.base, ErrAPI, *pg.Total)
			}
			if total < 0 {
				total = *pg.Total // the first total bounds the paging
			}
		}
		if len(pg.Records) > 0 && bud.repeats(recordsJSON(pg.Records)) {
			return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search %s at %s: %w: the page at offset %d repeats the previous page (the portal ignores offset); %d rows read",
				resourceID, p.base, ErrIncomplete, offset, offset)
		}
		for _, rec := range pg.Records {
			// Record keys the fields did not list become columns too:
			// nothing a record holds is dropped.
			for k := range rec {
				if _, ok := index[k]; !ok {
					if err := addColumn(dsField{ID: k}); err != nil {
						return dataframe.DataFrame{}, err
					}
				}
			}
			for i := range cols {
				cols[i].add(rec[fields[i].ID])
			}
			rows++
		}
		offset += len(pg.Records)
		if pg.Limit > 0 && pg.Limit < limit {
			limit = pg.Limit // the portal's silent cap
		}
		if len(pg.Records) == 0 || (total >= 0 && offset >= total) || (cfg.maxRows > 0 && offset >= cfg.maxRows) {
			break
		}
		if total < 0 && len(pg.Records) < want && pg.Limit >= want {
			break // no total reported and a short page: the end
		}
		if total < 0 && cfg.maxRows <= 0 && bud.pages >= DefaultNoTotalPages {
			return dataframe.DataFrame{}, fmt.Errorf("ckan: datastore_search %s at %s: %w: the portal reports no total and still sends full pages after %d pages (%d rows); pass ckan.MaxRows to read a bounded number of rows",
				resourceID, p.base, ErrTooLarge, bud.pages, offset)
		}
	}
	ss := make([]series.Series, len(cols))
	for i, c := range cols {
		ss[i] = c.series(fields[i].ID)
	}
	df, err := frame.New(ss...)
	if err != nil {
		return df, fmt.Errorf("ckan: datastore_search %s: %w", resourceID, err)
	}
	wantAll := total
	if cfg.maxRows > 0 && cfg.maxRows < total {
		wantAll = cfg.maxRows
	}
	if wantAll >= 0 && offset < wantAll {
		return df, fmt.Errorf("ckan: datastore_search %s at %s: %w: got %d of %d rows", resourceID, p.base, ErrIncomplete, offset, wantAll)
	}
	return df, nil
}

// dsColumn gathers one column's raw JSON values.
type dsColumn struct {
	typ string
	raw []string // JSON-decoded text of each value
	na  []bool
	str []bool // the value was a JSON string (not a number or bool)
}

func (c *dsColumn) add(v json.RawMessage) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || bytes.Equal(v, []byte("null")) {
		c.raw, c.na, c.str = append(c.raw, ""), append(c.na, true), append(c.str, false)
		return
	}
	if v[0] == '"' {
		var s string
		if json.Unmarshal(v, &s) == nil {
			c.raw, c.na, c.str = append(c.raw, s), append(c.na, false), append(c.str, true)
			return
		}
	}
	c.raw, c.na, c.str = append(c.raw, string(v)), append(c.na, false), append(c.str, false)
}

func (c *dsColumn) series(name string) series.Series {
	t := c.typ
	switch {
	case strings.HasPrefix(t, "int") || t == "bigint" || t == "smallint" || t == "serial":
		if s, ok := c.ints(name); ok {
			return s
		}
		if s, ok := c.floats(name); ok {
			return s
		}
	case strings.HasPrefix(t, "float") || t == "numeric" || t == "double precision" || t == "real" || t == "money" || t == "number":
		if s, ok := c.floats(name); ok {
			return s
		}
	case strings.HasPrefix(t, "bool"):
		if s, ok := c.bools(name); ok {
			return s
		}
	case strings.HasPrefix(t, "timestamp") || t == "date":
		v := make([]string, len(c.raw))
		for i, s := range c.raw {
			v[i] = isoDate(s)
		}
		return frame.Strings(name, v, c.na)
	}
	return frame.Strings(name, c.raw, c.na)
}

func (c *dsColumn) ints(name string) (series.Series, bool) {
	v := make([]int, len(c.raw))
	for i, s := range c.raw {
		if c.na[i] {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return series.Series{}, false
		}
		v[i] = int(n)
	}
	return frame.Ints(name, v, c.na), true
}

func (c *dsColumn) floats(name string) (series.Series, bool) {
	v := make([]float64, len(c.raw))
	for i, s := range c.raw {
		if c.na[i] {
			v[i] = math.NaN()
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsInf(f, 0) {
			return series.Series{}, false
		}
		v[i] = f
	}
	return frame.Floats(name, v, c.na), true
}

func (c *dsColumn) bools(name string) (series.Series, bool) {
	v := make([]bool, len(c.raw))
	for i, s := range c.raw {
		if c.na[i] {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "t":
			v[i] = true
		case "false", "f":
		default:
			return series.Series{}, false
		}
	}
	return frame.Bools(name, v, c.na), true
}

// isoDate turns DataStore timestamps into ISO strings, dropping a midnight
// time part: "2024-10-17T00:00:00" → "2024-10-17".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	for _, mid := range []string{"T00:00:00", " 00:00:00"} {
		if strings.HasSuffix(s, mid) && len(s) == 10+len(mid) {
			return s[:10]
		}
	}
	return s
}

// recordsJSON gives a page's records as bytes to compare pages by.
func recordsJSON(recs []map[string]json.RawMessage) []byte {
	b, _ := json.Marshal(recs) // map keys are sorted: equal pages give equal bytes
	return b
}
