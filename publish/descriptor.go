package publish

import "time"

// The descriptor as written: structs, not maps, so the JSON keys come out
// in a fixed order and the same package writes the same bytes.

// ProfileURL is the v2 Data Package profile every descriptor written here
// declares in "$schema".
const ProfileURL = "https://datapackage.org/profiles/2.0/datapackage.json"

// tableSchemaURL is the v2 Table Schema profile.
const tableSchemaURL = "https://datapackage.org/profiles/2.0/tableschema.json"

type descriptor struct {
	Schema string `json:"$schema"`
	// Profile is the v1 name of the profile: v1 readers look for it, v2
	// readers go by $schema.
	Profile      string        `json:"profile"`
	Name         string        `json:"name"`
	Title        string        `json:"title,omitempty"`
	Description  string        `json:"description,omitempty"`
	Homepage     string        `json:"homepage,omitempty"`
	Version      string        `json:"version,omitempty"`
	Created      string        `json:"created,omitempty"`
	Keywords     []string      `json:"keywords,omitempty"`
	Contributors []contributor `json:"contributors,omitempty"`
	Licenses     []license     `json:"licenses"`
	Sources      []source      `json:"sources,omitempty"`
	Resources    []resource    `json:"resources"`
}

type contributor struct {
	Title        string   `json:"title"`
	Email        string   `json:"email,omitempty"`
	Organization string   `json:"organization,omitempty"`
	Roles        []string `json:"roles,omitempty"`
}

type license struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title,omitempty"`
}

type source struct {
	Title   string    `json:"title"`
	Path    string    `json:"path,omitempty"`
	Hash    string    `json:"hash,omitempty"`
	fetched time.Time // provenance time; not written
}

type resource struct {
	Name string `json:"name"`
	Type string `json:"type"`
	// Profile "tabular-data-resource" is how v1 readers know a table; the
	// v2 standard says it means type "table".
	Profile     string      `json:"profile"`
	Path        string      `json:"path"`
	Title       string      `json:"title,omitempty"`
	Description string      `json:"description,omitempty"`
	Format      string      `json:"format"`
	Mediatype   string      `json:"mediatype"`
	Encoding    string      `json:"encoding"`
	Bytes       int64       `json:"bytes"`
	Hash        string      `json:"hash"`
	Sources     []source    `json:"sources,omitempty"`
	Schema      tableSchema `json:"schema"`
}

type tableSchema struct {
	Schema        string       `json:"$schema"`
	Fields        []field      `json:"fields"`
	MissingValues []string     `json:"missingValues"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
}

type field struct {
	Name        string       `json:"name"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	Categories  []any        `json:"categories,omitempty"`
	Constraints *constraints `json:"constraints,omitempty"`
	// not written: for the dictionary
	unit   string
	sample string
	nMiss  int
}

type constraints struct {
	Required bool   `json:"required,omitempty"`
	Unique   bool   `json:"unique,omitempty"`
	Minimum  any    `json:"minimum,omitempty"`
	Maximum  any    `json:"maximum,omitempty"`
	Pattern  string `json:"pattern,omitempty"`
}

type foreignKey struct {
	Fields    []string  `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string   `json:"resource,omitempty"`
	Fields   []string `json:"fields"`
}
