package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The files Write creates besides the data files.
const (
	// DescriptorFile is the Data Package descriptor.
	DescriptorFile = "datapackage.json"
	// DictionaryCSVFile is the data dictionary as a table.
	DictionaryCSVFile = "diccionario.csv"
	// DictionaryFile is the data dictionary for people (Markdown).
	DictionaryFile = "diccionario.md"
	// CatalogueFile is the catalogue record in the guide's template.
	CatalogueFile = "catalogo.csv"
	// CatalogueDCATFile is the catalogue record as DCAT JSON-LD.
	CatalogueDCATFile = "catalogo.jsonld"
)

// Write writes the package into dir (created if needed):
//
//   - one CSV per table (name.csv): UTF-8 without BOM, comma-separated,
//     one header row, LF line ends, fields quoted only when needed;
//     missing values are empty cells; numbers without thousands
//     separators, units or exponent; codes as text with their zeros;
//     dates as ISO 8601 as the table holds them.
//   - datapackage.json: the Data Package v2 descriptor ("$schema"
//     https://datapackage.org/profiles/2.0/datapackage.json) with each
//     resource's Table Schema, byte size and SHA-256 hash, licence,
//     contributors and sources.
//   - diccionario.csv and diccionario.md: the data dictionary in Spanish,
//     one row (or entry) per column of every table.
//   - catalogo.csv: the catalogue record in the template of the open-data
//     guide behind datos.gob.mx (the columns of catalogo_v3.0: ds:… for the
//     dataset, rs:… for each resource), one row per resource.
//   - catalogo.jsonld: the same record as DCAT in JSON-LD.
//
// Same package, same bytes: nothing depends on the clock or on map order.
// Write refuses a package with no tables (ErrEmpty), an invalid name
// (ErrArgument) or a foreign key to a table it does not have
// (ErrReference); an I/O error names the file.
func (p *Package) Write(dir string) error {
	if err := p.checkName(); err != nil {
		return err
	}
	if len(p.tables) == 0 {
		return fmt.Errorf("publish: Write %q: %w: add a table with AddTable", p.name, ErrEmpty)
	}
	tables := append(append([]*table(nil), p.tables...), p.catalogueTables()...)
	names := map[string]bool{}
	for _, t := range tables {
		names[t.name] = true
	}
	for _, t := range tables {
		for _, fk := range t.foreignKeys {
			if fk.Reference.Resource != "" && !names[fk.Reference.Resource] {
				return fmt.Errorf("publish: Write: table %q: foreign key (%v) refers to table %q: %w (tables: %v)",
					t.name, fk.Fields, fk.Reference.Resource, ErrReference, p.Tables())
			}
			ref := t
			if fk.Reference.Resource != "" {
				for _, o := range tables {
					if o.name == fk.Reference.Resource {
						ref = o
					}
				}
			}
			for _, f := range fk.Reference.Fields {
				if ref.col(f) == nil {
					return fmt.Errorf("publish: Write: table %q: foreign key refers to column %q of %q: %w (columns: %v)",
						t.name, f, ref.name, ErrNoColumn, ref.colNames())
				}
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("publish: Write: %w", err)
	}
	d := p.descriptor()
	for _, t := range tables {
		data := t.csv()
		path := t.name + ".csv"
		if err := writeFile(dir, path, data); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		d.Resources = append(d.Resources, t.resource(path, int64(len(data)), "sha256:"+hex.EncodeToString(sum[:])))
	}
	js, err := marshal(d)
	if err != nil {
		return fmt.Errorf("publish: Write: %w", err)
	}
	if err := writeFile(dir, DescriptorFile, js); err != nil {
		return err
	}
	if err := writeFile(dir, DictionaryCSVFile, dictionaryCSV(d)); err != nil {
		return err
	}
	if err := writeFile(dir, DictionaryFile, dictionaryMarkdown(p, d)); err != nil {
		return err
	}
	if err := writeFile(dir, CatalogueFile, p.catalogueCSV(d)); err != nil {
		return err
	}
	ld, err := p.catalogueDCAT(d)
	if err != nil {
		return err
	}
	return writeFile(dir, CatalogueDCATFile, ld)
}

func writeFile(dir, name string, data []byte) error {
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		return fmt.Errorf("publish: Write: %w", err)
	}
	return nil
}

// csv writes the table's cells.
func (t *table) csv() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(t.colNames())
	row := make([]string, len(t.cols))
	for r := 0; r < t.nrow; r++ {
		for j, c := range t.cols {
			row[j] = c.cells[r]
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

func (p *Package) descriptor() descriptor {
	d := descriptor{Schema: ProfileURL, Profile: "tabular-data-package", Name: p.name, Title: p.title, Description: p.description,
		Homepage: p.landingPage, Version: p.version, Keywords: p.keywords, Licenses: p.licenses}
	if t := p.modifiedTime(); !t.IsZero() {
		d.Created = t.Format(time.RFC3339)
	}
	if p.contactName != "" || p.contactEmail != "" {
		name := p.contactName
		if name == "" {
			name = p.contactEmail
		}
		d.Contributors = append(d.Contributors, contributor{Title: name, Email: p.contactEmail, Organization: p.publisher, Roles: []string{"contact"}})
	}
	if p.publisher != "" {
		d.Contributors = append(d.Contributors, contributor{Title: p.publisher, Roles: []string{"publisher"}})
	}
	d.Contributors = append(d.Contributors, p.contributors...)
	for _, s := range p.allSources() {
		d.Sources = append(d.Sources, s.written())
	}
	if len(p.geo) > 0 {
		for _, t := range p.catalogueTables()[:1] {
			d.Sources = append(d.Sources, t.sources[0])
		}
	}
	return d
}

// written is the source as the descriptor holds it: a path only when it is
// a URL or a relative file name the standard accepts.
func (s source) written() source {
	out := source{Title: s.Title, Hash: s.Hash}
	if isURL(s.Path) {
		out.Path = s.Path
	} else if s.Path != "" {
		base := filepath.Base(s.Path)
		if out.Title == s.Path || out.Title == "" {
			out.Title = base
		} else {
			out.Title += " (" + base + ")"
		}
	}
	return out
}

func isURL(s string) bool {
	for _, p := range []string{"http://", "https://", "ftp://", "ftps://"} {
		if len(s) > len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}

func (t *table) resource(path string, size int64, hash string) resource {
	r := resource{Name: t.name, Type: "table", Profile: "tabular-data-resource", Path: path, Title: t.title, Description: t.description,
		Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Bytes: size, Hash: hash}
	for _, s := range t.sources {
		r.Sources = append(r.Sources, s.written())
	}
	r.Schema = tableSchema{Schema: tableSchemaURL, MissingValues: []string{""}, PrimaryKey: t.primaryKey, ForeignKeys: t.foreignKeys}
	for _, c := range t.cols {
		r.Schema.Fields = append(r.Schema.Fields, c.field)
	}
	return r
}

// marshal writes v as indented JSON ending in a line break, with "&", "<"
// and ">" as themselves (JSON allows them; only HTML needs them escaped).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
