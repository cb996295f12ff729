package fetch

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/tableschema"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// ReadPackage reads the resource named resource of the Frictionless Data
// Package whose descriptor (datapackage.json) is at descriptor. Version 2
// descriptors ("$schema": "https://datapackage.org/profiles/2.0/datapackage.json")
// and version 1 ones ("profile": "tabular-data-package") are both read.
//
// The resource's Table Schema decides everything the other readers infer:
// integer and year fields become Int columns, number fields Float, boolean
// fields Bool (with the schema's trueValues and falseValues), and every
// other type String — string fields exactly as written, so codes keep their
// zeros; date, datetime, time and yearmonth fields as ISO 8601 text, also
// when the schema gives a "format" such as "%d/%m/%Y". The schema's (or the
// field's) missingValues become missing values, and only they: "N/D" is a
// value unless the schema lists it. decimalChar, groupChar and bareNumber
// are honoured. The Table Dialect (delimiter, quote, header row,
// skipInitialSpace, commentChar) and the resource's encoding are honoured;
// a multi-part path is read as one table. Inline data (a "data" array) is
// read too. Schemas and dialects given as local paths are read; URLs are
// never fetched.
//
// A resource in another format (xlsx, json…) is an error wrapping
// ErrUnsupported; a resource without a schema is read as strings.
// descriptor may also name the folder that holds datapackage.json.
//
// Options: Columns keeps only the named fields; WithReport fills a Report
// (each column's type says which schema type it came from); Source names
// the package in errors. The other reader options do not apply: the
// schema decides what they would.
//
// Errors name the descriptor, resource, row (1-based among data rows),
// line of the data file, field and value: a value that does not fit its
// field's type wraps ErrType; a resource or field that does not exist wraps
// ErrNoColumn (listing those that do); an unreadable descriptor or data
// file wraps ErrFormat.
func ReadPackage(descriptor, resource string, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	src := cfg.source
	if src == "" {
		src = descriptor
	}
	fail := func(format string, a ...any) (dataframe.DataFrame, error) {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: ReadPackage: %s: "+format, append([]any{src}, a...)...)
	}
	if st, err := os.Stat(descriptor); err == nil && st.IsDir() {
		descriptor = filepath.Join(descriptor, "datapackage.json")
	}
	pkg, err := tableschema.Load(descriptor)
	if err != nil {
		return fail("%w: %v", ErrFormat, err)
	}
	res, ok := pkg.Resource(resource)
	if !ok {
		return fail("resource %q: %w (resources: %s)", resource, ErrNoColumn, strings.Join(pkg.Names(), ", "))
	}
	if !res.Tabular() {
		if len(res.Paths) == 0 {
			return fail("resource %q: %w: its inline data is not an array of rows, so it is not a table", resource, ErrUnsupported)
		}
		return fail("resource %q: format %q: %w: ReadPackage reads delimited text (csv, tsv) and inline data", resource, res.Format, ErrUnsupported)
	}
	rows, err := tableschema.Open(pkg.Dir, res)
	if err != nil {
		return fail("%w: %v", ErrFormat, err)
	}
	defer rows.Close()

	schema := res.Schema
	if schema == nil {
		schema = &tableschema.Schema{MissingValues: []string{""}}
		for _, h := range rows.Header {
			schema.Fields = append(schema.Fields, tableschema.Field{Name: h, Type: "string"})
		}
	}
	// Where each field sits in the file.
	pos := make([]int, len(schema.Fields))
	for i, f := range schema.Fields {
		pos[i] = -1
		for j, h := range rows.Header {
			if h == f.Name {
				pos[i] = j
				break
			}
		}
		if pos[i] < 0 && len(rows.Header) == len(schema.Fields) && !res.Dialect.Header {
			pos[i] = i
		}
		if pos[i] < 0 {
			return fail("resource %q: field %q is in the schema but not in the header: %w (header: %s)",
				resource, f.Name, ErrNoColumn, strings.Join(rows.Header, ", "))
		}
	}
	names := make([]string, len(schema.Fields))
	for i, f := range schema.Fields {
		names[i] = f.Name
	}
	for _, c := range cfg.columns {
		if !contains(names, c) {
			return fail("resource %q: column %q: %w (fields: %s)", resource, c, ErrNoColumn, strings.Join(names, ", "))
		}
	}
	want := cfg.wanted(names)

	cols := make([]*pkgColumn, len(schema.Fields))
	for i := range schema.Fields {
		if want == nil || want[names[i]] {
			cols[i] = &pkgColumn{field: &schema.Fields[i], missing: schema.Missing(i)}
		}
	}
	n := 0
	for {
		row, line, cells, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail("resource %q: %w: %v", resource, ErrFormat, err)
		}
		n = row
		for i, c := range cols {
			if c == nil {
				continue
			}
			raw := ""
			if pos[i] < len(cells) {
				raw = cells[pos[i]]
			}
			if err := c.add(raw); err != nil {
				where := fmt.Sprintf("row %d", row)
				if line > 0 {
					where += fmt.Sprintf(" (%s line %d)", rows.Path, line)
				}
				return fail("resource %q: %s: field %q: %w: %v", resource, where, c.field.Name, ErrType, err)
			}
		}
	}

	var ss []series.Series
	rep := cfg.report
	if rep != nil {
		*rep = Report{Source: src + "#" + resource, Format: "datapackage", Encoding: encodingLabel(res.Encoding),
			Delimiter: delimiterLabel(res.Dialect.Delimiter), Rows: n}
		if res.Dialect.Header {
			rep.HeaderLine = res.Dialect.HeaderRow
		}
	}
	for _, c := range cols {
		if c == nil {
			continue
		}
		s := c.series()
		ss = append(ss, s)
		if rep != nil {
			rep.Columns = append(rep.Columns, ColumnReport{Name: c.field.Name, Type: s.Type(),
				Why: "schema type " + c.field.Type, Missing: c.nMissing, MissingValues: c.missingSeen})
		}
	}
	df, err := frame.New(ss...)
	if err != nil {
		return fail("resource %q: %w", resource, err)
	}
	return df, nil
}

// pkgColumn collects one field's cast values.
type pkgColumn struct {
	field       *tableschema.Field
	missing     []string
	na          []bool
	ints        []int
	floats      []float64
	bools       []bool
	strs        []string
	nMissing    int
	missingSeen map[string]int
}

func (c *pkgColumn) kind() series.Type {
	switch c.field.Type {
	case "integer", "year":
		return series.Int
	case "number":
		return series.Float
	case "boolean":
		return series.Bool
	}
	return series.String
}

func (c *pkgColumn) add(raw string) error {
	for _, m := range c.missing {
		if raw == m {
			c.na = append(c.na, true)
			c.nMissing++
			if c.missingSeen == nil {
				c.missingSeen = map[string]int{}
			}
			c.missingSeen[raw]++
			c.push(nil)
			return nil
		}
	}
	v, err := c.field.Cast(raw)
	if err != nil {
		return err
	}
	c.na = append(c.na, false)
	c.push(v)
	return nil
}

func (c *pkgColumn) push(v any) {
	switch c.kind() {
	case series.Int:
		x, _ := v.(int64)
		c.ints = append(c.ints, int(x))
	case series.Float:
		x, _ := v.(float64)
		c.floats = append(c.floats, x)
	case series.Bool:
		x, _ := v.(bool)
		c.bools = append(c.bools, x)
	default:
		s := ""
		if v != nil {
			s = tableschema.ISO(c.field.Type, v)
		}
		c.strs = append(c.strs, s)
	}
}

func (c *pkgColumn) series() series.Series {
	switch c.kind() {
	case series.Int:
		return frame.Ints(c.field.Name, c.ints, c.na)
	case series.Float:
		return frame.Floats(c.field.Name, c.floats, c.na)
	case series.Bool:
		return frame.Bools(c.field.Name, c.bools, c.na)
	}
	return frame.Strings(c.field.Name, c.strs, c.na)
}

func encodingLabel(e string) string {
	if e == "" {
		return "UTF-8"
	}
	return e
}

func delimiterLabel(r rune) string {
	if r == '\t' {
		return "tab"
	}
	return string(r)
}
