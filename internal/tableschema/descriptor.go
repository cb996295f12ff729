package tableschema

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// MaxDescriptorBytes caps a descriptor (or a schema or dialect it points
// to) read from disk.
const MaxDescriptorBytes = 64 << 20

// ErrDescriptor: the descriptor is not valid JSON or not a Data Package.
var ErrDescriptor = errors.New("invalid descriptor")

// Package is the part of a Data Package descriptor that readers use. Raw
// keeps the whole parsed JSON document for profile validation.
type Package struct {
	Dir       string // folder of the descriptor; relative paths start here
	Profile   string // "$schema" (v2) or "profile" (v1)
	Name      string
	Resources []Resource
	Raw       map[string]any
}

// V2 reports whether the descriptor declares the v2 profile.
func (p *Package) V2() bool { return strings.Contains(p.Profile, "/2.") }

// Resource is one Data Resource.
type Resource struct {
	Index    int // 0-based position in resources
	Name     string
	Paths    []string // path, or the parts of a multi-part path
	Data     any      // inline data, when there is no path
	Format   string
	Encoding string
	Bytes    int64
	Hash     string
	Dialect  Dialect
	Schema   *Schema // nil when the resource has none
}

// Schema is a Table Schema.
type Schema struct {
	Fields        []Field
	MissingValues []string
	PrimaryKey    []string
	ForeignKeys   []ForeignKey
}

// ForeignKey links fields of a resource to fields of another (or the same)
// resource in the package.
type ForeignKey struct {
	Fields    []string
	Resource  string // "" means the same resource
	RefFields []string
}

// Constraints are a field's constraints.
type Constraints struct {
	Required  bool
	Unique    bool
	Minimum   any
	Maximum   any
	MinLength *int
	MaxLength *int
	Pattern   string
	Enum      []any
}

// Field is one field of a Table Schema.
type Field struct {
	Name          string
	Type          string // "" means string
	Format        string
	Title         string
	Description   string
	MissingValues []string // nil: the schema's
	DecimalChar   string
	GroupChar     string
	BareNumber    bool
	TrueValues    []string
	FalseValues   []string
	Constraints   Constraints
	Categories    []any
}

// Dialect is the part of a Table Dialect that CSV reading needs.
type Dialect struct {
	Delimiter        rune
	QuoteChar        rune
	DoubleQuote      bool
	Header           bool
	HeaderRow        int // 1-based; default 1
	CommentChar      string
	SkipInitialSpace bool
}

// Load reads the descriptor at path (a datapackage.json) and resolves the
// schemas and dialects that resources give as local paths. URLs are never
// fetched: a schema given as a URL is an error.
func Load(path string) (*Package, error) {
	b, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return Parse(b, filepath.Dir(path))
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxDescriptorBytes {
		return nil, fmt.Errorf("%s: %d bytes, more than %d: %w", path, st.Size(), MaxDescriptorBytes, ErrDescriptor)
	}
	return os.ReadFile(path)
}

// Parse reads a descriptor's bytes; dir is the folder relative paths start
// from.
func Parse(b []byte, dir string) (*Package, error) {
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDescriptor, err)
	}
	if raw == nil {
		return nil, fmt.Errorf("%w: not a JSON object", ErrDescriptor)
	}
	p := &Package{Dir: dir, Raw: raw, Name: str(raw["name"])}
	p.Profile = str(raw["$schema"])
	if p.Profile == "" {
		p.Profile = str(raw["profile"])
	}
	rs, ok := raw["resources"].([]any)
	if !ok {
		return nil, fmt.Errorf("%w: no resources array", ErrDescriptor)
	}
	for i, r := range rs {
		m, ok := r.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: resource %d is not an object", ErrDescriptor, i+1)
		}
		res, err := parseResource(m, dir)
		if err != nil {
			return nil, fmt.Errorf("resource %d (%q): %w", i+1, str(m["name"]), err)
		}
		res.Index = i
		p.Resources = append(p.Resources, res)
	}
	return p, nil
}

// Resource returns the resource with this name.
func (p *Package) Resource(name string) (*Resource, bool) {
	for i := range p.Resources {
		if p.Resources[i].Name == name {
			return &p.Resources[i], true
		}
	}
	return nil, false
}

// Tabular reports whether the resource's data can be read as rows here:
// inline data that is an array (of rows or of objects), or files in a
// delimited text format (csv, tsv, txt, or no format given). Inline data
// that is an object or a single value is a valid resource, but not a
// table.
func (r *Resource) Tabular() bool {
	if len(r.Paths) == 0 {
		_, rows := r.Data.([]any)
		return rows
	}
	switch strings.ToLower(r.Format) {
	case "", "csv", "tsv", "txt", "tab":
		return true
	}
	return false
}

// Names lists the resources' names.
func (p *Package) Names() []string {
	out := make([]string, len(p.Resources))
	for i, r := range p.Resources {
		out[i] = r.Name
	}
	return out
}

func parseResource(m map[string]any, dir string) (Resource, error) {
	r := Resource{Name: str(m["name"]), Format: str(m["format"]), Encoding: str(m["encoding"]), Hash: str(m["hash"]), Data: m["data"]}
	switch p := m["path"].(type) {
	case string:
		r.Paths = []string{p}
	case []any:
		for _, x := range p {
			r.Paths = append(r.Paths, str(x))
		}
	}
	if f, ok := m["bytes"].(float64); ok {
		r.Bytes = int64(f)
	}
	dm, err := resolve(m["dialect"], dir)
	if err != nil {
		return r, fmt.Errorf("dialect: %w", err)
	}
	r.Dialect = parseDialect(dm)
	if (dm == nil || dm["delimiter"] == nil) && strings.EqualFold(r.Format, "tsv") {
		r.Dialect.Delimiter = '\t'
	}
	if m["schema"] != nil {
		sm, err := resolve(m["schema"], dir)
		if err != nil {
			return r, fmt.Errorf("schema: %w", err)
		}
		s, err := ParseSchema(sm)
		if err != nil {
			return r, err
		}
		r.Schema = s
	}
	return r, nil
}

// resolve returns v as an object, reading it from a local JSON file when v
// is a path.
func resolve(v any, dir string) (map[string]any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return x, nil
	case string:
		if strings.Contains(x, "://") {
			return nil, fmt.Errorf("%w: %q is a URL; only local paths are read", ErrDescriptor, x)
		}
		if err := SafePath(x); err != nil {
			return nil, err
		}
		b, err := readLimited(filepath.Join(dir, filepath.FromSlash(x)))
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w: %v", x, ErrDescriptor, err)
		}
		return m, nil
	}
	return nil, fmt.Errorf("%w: expected an object or a path, got %T", ErrDescriptor, v)
}

// SafePath rejects the paths the standard forbids: absolute paths and paths
// that climb out of the package with "..".
func SafePath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "~") || strings.Contains(p, "\\") ||
		p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "/../") || strings.HasSuffix(p, "/..") {
		return fmt.Errorf("%w: path %q must be relative and stay inside the package", ErrDescriptor, p)
	}
	return nil
}

func parseDialect(m map[string]any) Dialect {
	d := Dialect{Delimiter: ',', QuoteChar: '"', DoubleQuote: true, Header: true, HeaderRow: 1}
	if m == nil {
		return d
	}
	if s := str(m["delimiter"]); s != "" {
		d.Delimiter = []rune(s)[0]
	}
	if s, ok := m["quoteChar"].(string); ok && s != "" {
		d.QuoteChar = []rune(s)[0]
	}
	if b, ok := m["doubleQuote"].(bool); ok {
		d.DoubleQuote = b
	}
	if b, ok := m["header"].(bool); ok {
		d.Header = b
	}
	if rows, ok := m["headerRows"].([]any); ok && len(rows) > 0 {
		if f, ok := rows[0].(float64); ok && f >= 1 {
			d.HeaderRow = int(f)
		}
	}
	switch c := m["commentChar"].(type) {
	case string:
		d.CommentChar = c
	}
	if b, ok := m["skipInitialSpace"].(bool); ok {
		d.SkipInitialSpace = b
	}
	return d
}

// ParseSchema reads a Table Schema object.
func ParseSchema(m map[string]any) (*Schema, error) {
	s := &Schema{MissingValues: []string{""}}
	if mv, ok := m["missingValues"]; ok {
		s.MissingValues = missingList(mv)
	}
	fs, ok := m["fields"].([]any)
	if !ok {
		return nil, fmt.Errorf("%w: schema has no fields array", ErrDescriptor)
	}
	for i, f := range fs {
		fm, ok := f.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: field %d is not an object", ErrDescriptor, i+1)
		}
		s.Fields = append(s.Fields, parseField(fm))
	}
	s.PrimaryKey = strList(m["primaryKey"])
	if fks, ok := m["foreignKeys"].([]any); ok {
		for _, fk := range fks {
			fm, ok := fk.(map[string]any)
			if !ok {
				continue
			}
			k := ForeignKey{Fields: strList(fm["fields"])}
			if ref, ok := fm["reference"].(map[string]any); ok {
				k.Resource = str(ref["resource"])
				k.RefFields = strList(ref["fields"])
			}
			s.ForeignKeys = append(s.ForeignKeys, k)
		}
	}
	return s, nil
}

func parseField(m map[string]any) Field {
	f := Field{Name: str(m["name"]), Type: str(m["type"]), Format: str(m["format"]), Title: str(m["title"]),
		Description: str(m["description"]), DecimalChar: str(m["decimalChar"]), GroupChar: str(m["groupChar"]), BareNumber: true}
	if f.Type == "" {
		f.Type = "string"
	}
	if mv, ok := m["missingValues"]; ok {
		f.MissingValues = missingList(mv)
	}
	if b, ok := m["bareNumber"].(bool); ok {
		f.BareNumber = b
	}
	if v, ok := m["trueValues"]; ok {
		f.TrueValues = strList(v)
	}
	if v, ok := m["falseValues"]; ok {
		f.FalseValues = strList(v)
	}
	if c, ok := m["constraints"].(map[string]any); ok {
		f.Constraints.Required, _ = c["required"].(bool)
		f.Constraints.Unique, _ = c["unique"].(bool)
		f.Constraints.Minimum = c["minimum"]
		f.Constraints.Maximum = c["maximum"]
		f.Constraints.Pattern = str(c["pattern"])
		if e, ok := c["enum"].([]any); ok {
			f.Constraints.Enum = e
		}
		if n, ok := c["minLength"].(float64); ok {
			k := int(n)
			f.Constraints.MinLength = &k
		}
		if n, ok := c["maxLength"].(float64); ok {
			k := int(n)
			f.Constraints.MaxLength = &k
		}
	}
	if cs, ok := m["categories"].([]any); ok {
		for _, c := range cs {
			if cm, ok := c.(map[string]any); ok {
				f.Categories = append(f.Categories, cm["value"])
			} else {
				f.Categories = append(f.Categories, c)
			}
		}
	}
	return f
}

// missingList reads missingValues given as strings or as {value, label}
// objects.
func missingList(v any) []string {
	arr, ok := v.([]any)
	if !ok {
		return nil
	}
	out := []string{}
	for _, x := range arr {
		switch y := x.(type) {
		case string:
			out = append(out, y)
		case map[string]any:
			out = append(out, str(y["value"]))
		}
	}
	return out
}

func strList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, y := range x {
			out = append(out, str(y))
		}
		return out
	}
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// FieldIndex returns the position of the named field, or -1.
func (s *Schema) FieldIndex(name string) int {
	for i, f := range s.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// Missing returns the missing-value markers in force for field i.
func (s *Schema) Missing(i int) []string {
	if s.Fields[i].MissingValues != nil {
		return s.Fields[i].MissingValues
	}
	return s.MissingValues
}
