package publish

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// CatalogueColumns are the columns of the catalogue template of Mexico's
// open-data guide (catalogo_v3.0.csv): ds: for the dataset, rs: for each
// resource.
var CatalogueColumns = []string{"ds:identifier", "ds:title", "ds:description", "ds:keyword", "ds:modified",
	"ds:contactPoint", "ds:mbox", "ds:temporal", "ds:spatial", "ds:landingPage", "ds:accrualPeriodicity",
	"rs:title", "rs:description", "rs:downloadURL", "rs:mediaType", "rs:byteSize", "rs:temporal", "rs:spatial"}

func (p *Package) modifiedText() string {
	if t := p.modifiedTime(); !t.IsZero() {
		return t.Format(time.RFC3339)
	}
	return ""
}

func (p *Package) downloadURL(path string) string {
	return p.downloadBase + path
}

func resourceDescription(r resource) string {
	d := r.Description
	if d != "" && !strings.HasSuffix(d, ".") {
		d += "."
	}
	return strings.TrimSpace(d + " Diccionario de datos: " + DictionaryFile + " (" + DictionaryCSVFile + ").")
}

// catalogueCSV writes catalogo.csv: the guide's template, one row per
// resource.
func (p *Package) catalogueCSV(d descriptor) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(CatalogueColumns)
	for _, r := range d.Resources {
		title := r.Title
		if title == "" {
			title = r.Name
		}
		_ = w.Write([]string{p.name, d.Title, d.Description, strings.Join(p.keywords, ","), p.modifiedText(),
			p.contactName, p.contactEmail, p.temporal, p.spatial, p.landingPage, p.periodicity,
			title, resourceDescription(r), p.downloadURL(r.Path), r.Mediatype, fmt.Sprint(r.Bytes), p.temporal, p.spatial})
	}
	w.Flush()
	return b.Bytes()
}

// The DCAT record, with a fixed key order.
type dcatDataset struct {
	Context            map[string]string `json:"@context"`
	Type               string            `json:"@type"`
	ID                 string            `json:"@id,omitempty"`
	Identifier         string            `json:"dct:identifier"`
	Title              string            `json:"dct:title,omitempty"`
	Description        string            `json:"dct:description,omitempty"`
	Keyword            []string          `json:"dcat:keyword,omitempty"`
	Modified           string            `json:"dct:modified,omitempty"`
	Publisher          *dcatAgent        `json:"dct:publisher,omitempty"`
	ContactPoint       *dcatContact      `json:"dcat:contactPoint,omitempty"`
	Temporal           string            `json:"dct:temporal,omitempty"`
	Spatial            string            `json:"dct:spatial,omitempty"`
	LandingPage        *iri              `json:"dcat:landingPage,omitempty"`
	AccrualPeriodicity string            `json:"dct:accrualPeriodicity,omitempty"`
	License            *iri              `json:"dct:license,omitempty"`
	ConformsTo         *iri              `json:"dct:conformsTo"`
	Distribution       []dcatDist        `json:"dcat:distribution"`
}

// iri is a JSON-LD node reference: a URL that names something, not text.
type iri struct {
	ID string `json:"@id"`
}

func iriOf(u string) *iri {
	if u == "" {
		return nil
	}
	return &iri{ID: u}
}

type checksum struct {
	Type      string `json:"@type"`
	Algorithm *iri   `json:"spdx:algorithm"`
	Value     string `json:"spdx:checksumValue"`
}

type dcatAgent struct {
	Type string `json:"@type"`
	Name string `json:"foaf:name"`
}

type dcatContact struct {
	Type  string `json:"@type"`
	Name  string `json:"vcard:fn,omitempty"`
	Email string `json:"vcard:hasEmail,omitempty"`
}

type dcatDist struct {
	Type        string    `json:"@type"`
	Title       string    `json:"dct:title"`
	Description string    `json:"dct:description,omitempty"`
	DownloadURL *iri      `json:"dcat:downloadURL"`
	MediaType   string    `json:"dcat:mediaType"`
	ByteSize    int64     `json:"dcat:byteSize"`
	Checksum    *checksum `json:"spdx:checksum,omitempty"`
	ConformsTo  *iri      `json:"dct:conformsTo,omitempty"`
}

// catalogueDCAT writes catalogo.jsonld.
func (p *Package) catalogueDCAT(d descriptor) ([]byte, error) {
	ds := dcatDataset{
		Context: map[string]string{
			"dcat":  "http://www.w3.org/ns/dcat#",
			"dct":   "http://purl.org/dc/terms/",
			"foaf":  "http://xmlns.com/foaf/0.1/",
			"vcard": "http://www.w3.org/2006/vcard/ns#",
			"spdx":  "http://spdx.org/rdf/terms#",
		},
		Type: "dcat:Dataset", ID: p.landingPage, Identifier: p.name, Title: d.Title, Description: d.Description,
		Keyword: p.keywords, Modified: p.modifiedText(), Temporal: p.temporal, Spatial: p.spatial,
		LandingPage: iriOf(p.landingPage), AccrualPeriodicity: p.periodicity, ConformsTo: iriOf(ProfileURL),
	}
	if len(d.Licenses) > 0 {
		ds.License = iriOf(d.Licenses[0].Path)
	}
	if p.publisher != "" {
		ds.Publisher = &dcatAgent{Type: "foaf:Organization", Name: p.publisher}
	}
	if p.contactName != "" || p.contactEmail != "" {
		c := &dcatContact{Type: "vcard:Kind", Name: p.contactName}
		if p.contactEmail != "" {
			c.Email = "mailto:" + p.contactEmail
		}
		ds.ContactPoint = c
	}
	for _, r := range d.Resources {
		title := r.Title
		if title == "" {
			title = r.Name
		}
		dist := dcatDist{Type: "dcat:Distribution", Title: title,
			Description: resourceDescription(r), DownloadURL: iriOf(p.downloadURL(r.Path)), MediaType: r.Mediatype,
			ByteSize: r.Bytes, ConformsTo: iriOf(tableSchemaURL)}
		if h, ok := strings.CutPrefix(r.Hash, "sha256:"); ok {
			dist.Checksum = &checksum{Type: "spdx:Checksum", Algorithm: iriOf("http://spdx.org/rdf/terms#checksumAlgorithm_sha256"), Value: h}
		}
		ds.Distribution = append(ds.Distribution, dist)
	}
	b, err := marshal(ds)
	if err != nil {
		return nil, fmt.Errorf("publish: Write: %w", err)
	}
	return b, nil
}

var repeatingInterval = regexp.MustCompile(`^R\d*/P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$`)

// CatalogueGaps lists what the catalogue record still lacks, or holds in
// a form the guide does not accept, one line per field with the option
// that fills it ("ds:description: empty (publish.Description)"). An empty
// list means every field of the guide's template is filled.
func (p *Package) CatalogueGaps() []string {
	var out []string
	need := func(field, value, option string) {
		if strings.TrimSpace(value) == "" {
			out = append(out, fmt.Sprintf("%s: empty (%s)", field, option))
		}
	}
	need("ds:title", p.title, "publish.Title")
	need("ds:description", p.description, "publish.Description")
	need("ds:keyword", strings.Join(p.keywords, ","), "publish.Keywords")
	need("ds:modified", p.modifiedText(), "publish.Modified or publish.FromResource")
	need("ds:contactPoint", p.contactName, "publish.Contact")
	need("ds:mbox", p.contactEmail, "publish.Contact")
	need("ds:temporal", p.temporal, "publish.Temporal")
	need("ds:spatial", p.spatial, "publish.Spatial")
	need("ds:landingPage", p.landingPage, "publish.LandingPage")
	need("ds:accrualPeriodicity", p.periodicity, "publish.AccrualPeriodicity")
	need("rs:downloadURL", p.downloadBase, "publish.DownloadURL")
	if e := p.contactEmail; e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " <>")) {
		out = append(out, fmt.Sprintf("ds:mbox: %q is not an e-mail address", e))
	}
	if f := p.periodicity; f != "" && f != "irregular" && !repeatingInterval.MatchString(f) {
		out = append(out, fmt.Sprintf("ds:accrualPeriodicity: %q is neither \"irregular\" nor an ISO 8601 repeating interval such as \"R/P1M\"", f))
	}
	for _, u := range []struct{ field, url string }{{"ds:landingPage", p.landingPage}, {"rs:downloadURL", p.downloadBase}} {
		if u.url != "" && !isURL(u.url) {
			out = append(out, fmt.Sprintf("%s: %q is not an http(s) URL", u.field, u.url))
		}
	}
	for _, k := range p.keywords {
		if strings.Contains(k, ",") {
			out = append(out, fmt.Sprintf("ds:keyword: %q holds a comma; give each keyword apart", k))
		}
	}
	return out
}
