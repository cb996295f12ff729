package publish

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/tableschema"
)

// fkCheck holds one foreign key's values to look up once every resource
// has been read.
type fkCheck struct {
	resource string
	fk       tableschema.ForeignKey
	rows     []fkRow
}

type fkRow struct {
	row, line int
	key       string
	parts     []string
}

// keyIndex identifies a set of fields of a resource whose tuples some
// foreign key refers to.
type keyIndex struct {
	resource string
	fields   string // joined with \x00
}

// checkData checks every resource's data against its schema.
func checkData(rep *ValidationReport, pkg *tableschema.Package) {
	// Which (resource, fields) tuples foreign keys need.
	needed := map[keyIndex]map[string]bool{}
	for _, r := range pkg.Resources {
		if r.Schema == nil {
			continue
		}
		for _, fk := range r.Schema.ForeignKeys {
			to := fk.Resource
			if to == "" {
				to = r.Name
			}
			needed[keyIndex{to, strings.Join(fk.RefFields, "\x00")}] = map[string]bool{}
		}
	}
	names := map[string]bool{}
	var fks []*fkCheck
	for i := range pkg.Resources {
		r := &pkg.Resources[i]
		if names[r.Name] {
			rep.add(Problem{Resource: r.Name, Code: "descriptor-error", Message: "two resources share this name"})
		}
		names[r.Name] = true
		rep.Resources = append(rep.Resources, ResourceSummary{Name: r.Name, Path: strings.Join(r.Paths, ", ")})
		fks = append(fks, checkResource(rep, pkg, r, needed)...)
	}
	for _, c := range fks {
		to := c.fk.Resource
		if to == "" {
			to = c.resource
		}
		if _, ok := pkg.Resource(to); !ok {
			rep.add(Problem{Resource: c.resource, Field: strings.Join(c.fk.Fields, ", "), Code: "foreign-key",
				Message: fmt.Sprintf("foreign key refers to resource %q, which the package does not have", to)})
			continue
		}
		set := needed[keyIndex{to, strings.Join(c.fk.RefFields, "\x00")}]
		for _, fr := range c.rows {
			if !set[fr.key] {
				rep.add(Problem{Resource: c.resource, Row: fr.row, Line: fr.line, Field: strings.Join(c.fk.Fields, ", "),
					Value: strings.Join(fr.parts, ", "), Code: "foreign-key",
					Message: fmt.Sprintf("%s is not a value of %s in resource %q", quoteAll(fr.parts), strings.Join(c.fk.RefFields, ", "), to)})
			}
		}
	}
}

// checkResource reads one resource and checks its size, hash, header and
// cells; it returns its foreign keys' values for the final lookup.
func checkResource(rep *ValidationReport, pkg *tableschema.Package, r *tableschema.Resource, needed map[keyIndex]map[string]bool) []*fkCheck {
	sum := &rep.Resources[len(rep.Resources)-1]
	add := func(p Problem) {
		p.Resource = r.Name
		rep.add(p)
	}
	if len(r.Paths) > 0 && !dataFilesExist(r, pkg.Dir, add) {
		return nil
	}
	if len(r.Paths) > 0 {
		checkIntegrity(r, pkg.Dir, add)
	}
	if r.Schema == nil {
		if r.Format == "csv" || strings.HasSuffix(strings.ToLower(strings.Join(r.Paths, ",")), ".csv") {
			add(Problem{Code: "schema-error", Message: "a tabular resource without a Table Schema: its columns are not described"})
		}
		return nil
	}
	s := r.Schema
	fieldNames := map[string]bool{}
	for _, f := range s.Fields {
		if fieldNames[f.Name] {
			add(Problem{Field: f.Name, Code: "schema-error", Message: "two fields share this name"})
		}
		fieldNames[f.Name] = true
	}
	keyFields := func(what string, fs []string) bool {
		ok := true
		for _, f := range fs {
			if !fieldNames[f] {
				add(Problem{Field: f, Code: "schema-error", Message: what + " names a field the schema does not have"})
				ok = false
			}
		}
		return ok
	}
	pkOK := keyFields("primaryKey", s.PrimaryKey)
	var fks []*fkCheck
	for _, fk := range s.ForeignKeys {
		if keyFields("foreignKey", fk.Fields) && len(fk.Fields) == len(fk.RefFields) {
			fks = append(fks, &fkCheck{resource: r.Name, fk: fk})
		} else if len(fk.Fields) != len(fk.RefFields) {
			add(Problem{Field: strings.Join(fk.Fields, ", "), Code: "schema-error", Message: "foreign key has a different number of fields and reference fields"})
		}
	}
	if !r.Tabular() {
		if len(r.Paths) == 0 {
			add(Problem{Code: "source-error", Message: "the resource has a Table Schema but its inline data is not an array of rows"})
			return fks
		}
		add(Problem{Code: "source-error", Message: fmt.Sprintf("format %q: only delimited text (csv, tsv) and inline data are checked against the schema", r.Format)})
		return fks
	}
	rows, err := tableschema.Open(pkg.Dir, r)
	if err != nil {
		add(Problem{Code: "source-error", Message: err.Error()})
		return nil
	}
	defer rows.Close()
	nf := len(s.Fields)
	header := rows.Header
	headerLine := 0
	if r.Dialect.Header {
		headerLine = r.Dialect.HeaderRow
	}
	for i, f := range s.Fields {
		switch {
		case i >= len(header):
			add(Problem{Line: headerLine, Field: f.Name, Code: "missing-label", Message: fmt.Sprintf("the header has no column %d for this field", i+1)})
		case header[i] != f.Name:
			add(Problem{Line: headerLine, Field: f.Name, Value: header[i], Code: "incorrect-label",
				Message: fmt.Sprintf("column %d of the header is %q, the schema says %q", i+1, header[i], f.Name)})
		}
	}
	seenLabel := map[string]int{}
	for i, h := range header {
		if j, dup := seenLabel[h]; dup {
			add(Problem{Line: headerLine, Value: h, Code: "duplicate-label", Message: fmt.Sprintf("columns %d and %d of the header are both %q", j+1, i+1, h)})
		} else {
			seenLabel[h] = i
		}
	}
	for i := nf; i < len(header); i++ {
		add(Problem{Line: headerLine, Value: header[i], Code: "extra-label", Message: fmt.Sprintf("the header has a column %d (%q) the schema does not describe", i+1, header[i])})
	}
	checks := make([]*cellCheck, nf)
	for i := range s.Fields {
		checks[i] = newCellCheck(&s.Fields[i], s.Missing(i), add)
	}
	inPK := map[int]bool{}
	pkIdx := []int{}
	if pkOK {
		for _, k := range s.PrimaryKey {
			j := s.FieldIndex(k)
			pkIdx = append(pkIdx, j)
			inPK[j] = true
		}
	}
	pkSeen := map[string]int{}
	// The tuples this resource must index for foreign keys.
	type idx struct {
		cols []int
		set  map[string]bool
	}
	var indexes []idx
	for k, set := range needed {
		if k.resource != r.Name {
			continue
		}
		var cols []int
		for _, f := range strings.Split(k.fields, "\x00") {
			cols = append(cols, s.FieldIndex(f))
		}
		indexes = append(indexes, idx{cols, set})
	}
	fkCols := make([][]int, len(fks))
	for i, c := range fks {
		for _, f := range c.fk.Fields {
			fkCols[i] = append(fkCols[i], s.FieldIndex(f))
		}
	}
	cellsOf := func(cells []string, cols []int) ([]string, bool) {
		out := make([]string, len(cols))
		for i, j := range cols {
			if j < 0 || j >= len(cells) || s.IsMissing(j, cells[j]) {
				return nil, false
			}
			out[i] = cells[j]
		}
		return out, true
	}
	for {
		row, line, cells, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			add(Problem{Row: sum.Rows + 1, Code: "source-error", Message: err.Error()})
			break
		}
		sum.Rows = row
		if blank(cells) {
			add(Problem{Row: row, Line: line, Code: "blank-row", Message: "every cell of the row is empty"})
			continue
		}
		if len(cells) > nf {
			add(Problem{Row: row, Line: line, Code: "extra-cell", Value: cells[nf],
				Message: fmt.Sprintf("the row has %d cells, the schema %d fields", len(cells), nf)})
		}
		for j, c := range checks {
			if j >= len(cells) {
				add(Problem{Row: row, Line: line, Field: c.f.Name, Code: "missing-cell", Message: fmt.Sprintf("the row has only %d cells", len(cells))})
				continue
			}
			c.check(row, line, cells[j], inPK[j])
		}
		if len(pkIdx) > 0 {
			if parts, ok := cellsOf(cells, pkIdx); ok {
				k := strings.Join(parts, "\x00")
				if first, dup := pkSeen[k]; dup {
					add(Problem{Row: row, Line: line, Field: strings.Join(s.PrimaryKey, ", "), Value: strings.Join(parts, ", "), Code: "primary-key",
						Message: fmt.Sprintf("primary key %s repeats row %d", quoteAll(parts), first)})
				} else {
					pkSeen[k] = row
				}
			}
		}
		for _, ix := range indexes {
			if parts, ok := cellsOf(cells, ix.cols); ok {
				ix.set[strings.Join(parts, "\x00")] = true
			}
		}
		for i, c := range fks {
			if parts, ok := cellsOf(cells, fkCols[i]); ok {
				c.rows = append(c.rows, fkRow{row: row, line: line, key: strings.Join(parts, "\x00"), parts: parts})
			}
		}
	}
	return fks
}

// dataFilesExist reports whether every local data file of r can be
// opened, and adds a problem for each that cannot: a resource whose data
// are missing is not valid, with a schema or without one. Remote and
// unsafe paths are left to the reader, which reports them.
func dataFilesExist(r *tableschema.Resource, dir string, add func(Problem)) bool {
	ok := true
	for _, p := range r.Paths {
		if strings.Contains(p, "://") || tableschema.SafePath(p) != nil {
			continue
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			add(Problem{Code: "source-error", Message: fmt.Sprintf("data file %s cannot be opened: %v", p, err)})
			ok = false
			continue
		}
		f.Close()
	}
	return ok
}

// checkIntegrity compares the resource's files with its bytes and hash,
// and checks that a UTF-8 resource is valid UTF-8.
func checkIntegrity(r *tableschema.Resource, dir string, add func(Problem)) {
	algo, want := "md5", strings.ToLower(r.Hash)
	if a, h, ok := strings.Cut(want, ":"); ok {
		algo, want = a, h
	}
	var h hash.Hash
	if r.Hash != "" {
		switch algo {
		case "md5":
			h = md5.New()
		case "sha1":
			h = sha1.New()
		case "sha256":
			h = sha256.New()
		case "sha512":
			h = sha512.New()
		default:
			add(Problem{Code: "hash-count", Message: fmt.Sprintf("hash algorithm %q is not one of md5, sha1, sha256, sha512", algo)})
		}
	}
	enc := strings.ToLower(strings.ReplaceAll(r.Encoding, "_", "-"))
	checkUTF8 := enc == "" || enc == "utf-8" || enc == "utf8" || enc == "utf-8-sig"
	var size int64
	for _, p := range r.Paths {
		if strings.Contains(p, "://") || tableschema.SafePath(p) != nil {
			return
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return // reported when the rows are read
		}
		u := &utf8Checker{bad: -1, line: 1}
		w := []io.Writer{u}
		if h != nil {
			w = append(w, h)
		}
		n, err := io.Copy(io.MultiWriter(w...), f)
		f.Close()
		if err != nil {
			return
		}
		if checkUTF8 && u.bad >= 0 {
			add(Problem{Code: "encoding-error", Message: fmt.Sprintf("%s is not valid UTF-8: byte %d (line %d) is 0x%02X; the descriptor says %q",
				p, u.bad+1, u.line, u.badByte, orUTF8(r.Encoding))})
		}
		size += n
	}
	if r.Bytes != 0 && size != r.Bytes {
		add(Problem{Code: "byte-count", Message: fmt.Sprintf("the data are %d bytes, the descriptor says %d", size, r.Bytes)})
	}
	if h != nil {
		if got := hex.EncodeToString(h.Sum(nil)); got != want {
			add(Problem{Code: "hash-count", Message: fmt.Sprintf("the data's %s is %s, the descriptor says %s", algo, got, want)})
		}
	}
}

func orUTF8(e string) string {
	if e == "" {
		return "utf-8 (the default)"
	}
	return e
}

// utf8Checker finds the first invalid UTF-8 byte of a stream written to
// it in pieces.
type utf8Checker struct {
	carry   []byte
	off     int64 // offset of carry[0]
	line    int
	bad     int64
	badByte byte
}

func (u *utf8Checker) Write(p []byte) (int, error) {
	if u.bad >= 0 {
		return len(p), nil
	}
	b := append(u.carry, p...)
	i := 0
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				u.line++
			}
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			break // wait for the next piece
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			u.bad, u.badByte = u.off+int64(i), c
			return len(p), nil
		}
		i += size
	}
	u.carry = append(u.carry[:0:0], b[i:]...)
	u.off += int64(i)
	return len(p), nil
}

// cellCheck checks the cells of one field.
type cellCheck struct {
	f        *tableschema.Field
	missing  []string
	add      func(Problem)
	min, max any
	enum     []any
	cats     []any
	pattern  *regexp.Regexp
	seen     map[string]int
}

func newCellCheck(f *tableschema.Field, missing []string, add func(Problem)) *cellCheck {
	c := &cellCheck{f: f, missing: missing, add: add}
	bound := func(name string, v any) any {
		if v == nil {
			return nil
		}
		b, err := f.Bound(v)
		if err != nil {
			add(Problem{Field: f.Name, Code: "schema-error", Message: fmt.Sprintf("constraint %s %v does not fit the field's type %s", name, v, f.Type)})
			return nil
		}
		return b
	}
	c.min = bound("minimum", f.Constraints.Minimum)
	c.max = bound("maximum", f.Constraints.Maximum)
	for _, e := range f.Constraints.Enum {
		if b := bound("enum", e); b != nil {
			c.enum = append(c.enum, b)
		}
	}
	for _, e := range f.Categories {
		if b := bound("categories", e); b != nil {
			c.cats = append(c.cats, b)
		}
	}
	if p := f.Constraints.Pattern; p != "" {
		re, err := regexp.Compile("^(?:" + p + ")$")
		if err != nil {
			add(Problem{Field: f.Name, Code: "schema-error", Message: fmt.Sprintf("pattern %q does not compile: %v", p, err)})
		} else {
			c.pattern = re
		}
	}
	if f.Constraints.Unique {
		c.seen = map[string]int{}
	}
	return c
}

func (c *cellCheck) check(row, line int, raw string, key bool) {
	p := Problem{Row: row, Line: line, Field: c.f.Name, Value: raw}
	bad := func(code, msg string) {
		p.Code, p.Message = code, msg
		c.add(p)
	}
	for _, m := range c.missing {
		if raw == m {
			if c.f.Constraints.Required || key {
				why := "required"
				if key && !c.f.Constraints.Required {
					why = "part of the primary key"
				}
				bad("constraint-error", fmt.Sprintf("the value is missing (%q) and the field is %s", raw, why))
			}
			return
		}
	}
	v, err := c.f.Cast(raw)
	if err != nil {
		bad("type-error", strings.TrimSuffix(err.Error(), ": "+tableschema.ErrCast.Error()))
		return
	}
	if c.min != nil {
		if k, ok := tableschema.Compare(v, c.min); ok && k < 0 {
			bad("constraint-error", fmt.Sprintf("%q is less than the minimum %v", raw, tableschema.ISO(c.f.Type, c.min)))
		}
	}
	if c.max != nil {
		if k, ok := tableschema.Compare(v, c.max); ok && k > 0 {
			bad("constraint-error", fmt.Sprintf("%q is more than the maximum %v", raw, tableschema.ISO(c.f.Type, c.max)))
		}
	}
	if c.f.Constraints.MinLength != nil || c.f.Constraints.MaxLength != nil {
		n := utf8.RuneCountInString(raw)
		if a, ok := v.([]any); ok {
			n = len(a)
		}
		if l := c.f.Constraints.MinLength; l != nil && n < *l {
			bad("constraint-error", fmt.Sprintf("%q is shorter than the minimum length %d", raw, *l))
		}
		if l := c.f.Constraints.MaxLength; l != nil && n > *l {
			bad("constraint-error", fmt.Sprintf("%q is longer than the maximum length %d", raw, *l))
		}
	}
	if c.pattern != nil && !c.pattern.MatchString(raw) {
		bad("constraint-error", fmt.Sprintf("%q does not match the pattern %q", raw, c.f.Constraints.Pattern))
	}
	if len(c.f.Constraints.Enum) > 0 && !member(v, c.enum) {
		bad("constraint-error", fmt.Sprintf("%q is not one of the allowed values (enum)", raw))
	}
	if len(c.f.Categories) > 0 && !member(v, c.cats) {
		bad("constraint-error", fmt.Sprintf("%q is not one of the field's categories", raw))
	}
	if c.seen != nil {
		k := tableschema.ISO(c.f.Type, v)
		if first, dup := c.seen[k]; dup {
			bad("unique-error", fmt.Sprintf("%q repeats row %d and the field is unique", raw, first))
		} else {
			c.seen[k] = row
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

func member(v any, set []any) bool {
	for _, s := range set {
		if k, ok := tableschema.Compare(v, s); ok && k == 0 {
			return true
		}
		if x, ok := v.(bool); ok {
			if y, ok := s.(bool); ok && x == y {
				return true
			}
		}
		if x, ok := v.(float64); ok && math.IsNaN(x) {
			if y, ok := s.(float64); ok && math.IsNaN(y) {
				return true
			}
		}
	}
	return false
}
