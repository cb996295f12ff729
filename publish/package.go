package publish

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Package is a dataset being prepared for publication: metadata and
// tables. Build it with New, add tables with AddTable and write it with
// Write. A Package is not safe for concurrent use.
type Package struct {
	name         string
	title        string
	description  string
	contactName  string
	contactEmail string
	publisher    string
	contributors []contributor
	keywords     []string
	licenses     []license
	sources      []source
	temporal     string
	spatial      string
	periodicity  string
	landingPage  string
	downloadBase string
	version      string
	modified     time.Time
	tables       []*table
	// catalogues added by StateKey and MunicipalityKey
	geo map[string]bool
}

// defaultLicense is the licence of Mexican federal open data: the
// Términos de Libre Uso MX.
var defaultLicense = license{Name: "libre-uso-mx", Path: "https://www.datos.gob.mx/libreusomx", Title: "Términos de Libre Uso MX"}

// namePattern is the Data Package rule for names (lower case, digits, -,
// _ and .), kept also for file names and the catalogue identifier (ASCII,
// no accents).
var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// New starts a package. name is its identifier: lower-case ASCII letters,
// digits, "-", "_" and "." ("poblacion-municipal-2020"); it is the
// descriptor's name and the catalogue's ds:identifier. An invalid name is
// reported by AddTable and Write (New never fails, so options chain).
func New(name string, opts ...Option) *Package {
	p := &Package{name: name, licenses: []license{defaultLicense}}
	for _, o := range opts {
		if o != nil {
			o(p)
		}
	}
	return p
}

// Name returns the package's identifier.
func (p *Package) Name() string { return p.name }

// Tables lists the names of the tables added, in order (catalogue tables
// added by StateKey and MunicipalityKey included).
func (p *Package) Tables() []string {
	out := make([]string, len(p.tables))
	for i, t := range p.tables {
		out[i] = t.name
	}
	return out
}

func (p *Package) checkName() error {
	if !namePattern.MatchString(p.name) {
		return fmt.Errorf("publish: package name %q: %w: use lower-case ASCII letters, digits, '-', '_' or '.' (e.g. %q)",
			p.name, ErrArgument, suggestName(p.name))
	}
	return nil
}

// suggestName turns a free name into one the standard accepts.
func suggestName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldAccents(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.Trim(b.String(), "-._")
	if out == "" {
		return "datos"
	}
	return out
}

func (p *Package) table(name string) *table {
	for _, t := range p.tables {
		if t.name == name {
			return t
		}
	}
	return nil
}

// modifiedTime is Modified, or the newest provenance time.
func (p *Package) modifiedTime() time.Time {
	if !p.modified.IsZero() {
		return p.modified
	}
	var newest time.Time
	for _, s := range p.allSources() {
		if s.fetched.After(newest) {
			newest = s.fetched
		}
	}
	return newest
}

// allSources are the package's sources and its tables', without repeats,
// in the order given.
func (p *Package) allSources() []source {
	var out []source
	seen := map[string]bool{}
	add := func(s source) {
		k := s.Title + "\x00" + s.Path + "\x00" + s.Hash
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	for _, s := range p.sources {
		add(s)
	}
	for _, t := range p.tables {
		for _, s := range t.sources {
			add(s)
		}
	}
	return out
}
