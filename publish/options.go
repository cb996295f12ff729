package publish

import (
	"strings"
	"time"

	"github.com/datacon-mx/cifra/fetch"
)

// Option sets a package-level property of the descriptor and of the
// catalogue record. Every option has a working zero: an option not given
// is left out of the descriptor (or takes the default said below).
type Option func(*Package)

// Title is the package's human title ("Población por municipio y sexo,
// Censo 2020"): the descriptor's title and the catalogue's ds:title.
func Title(s string) Option { return func(p *Package) { p.title = s } }

// Description is a paragraph saying what the data are, how they were made
// and what they do not cover.
func Description(s string) Option { return func(p *Package) { p.description = s } }

// Contact is the person who answers questions about the data (the
// catalogue's contactPoint and mbox); written as a contributor with the
// role "contact".
func Contact(name, email string) Option {
	return func(p *Package) { p.contactName, p.contactEmail = name, email }
}

// Publisher is the institution that publishes the data (a contributor
// with the role "publisher" and the DCAT publisher).
func Publisher(name string) Option { return func(p *Package) { p.publisher = name } }

// Contributor adds a person or organisation who worked on the data, with a
// role such as "author", "maintainer" or "wrangler".
func Contributor(name, email, role string) Option {
	return func(p *Package) {
		p.contributors = append(p.contributors, contributor{Title: name, Email: email, Roles: []string{role}})
	}
}

// Keywords are plain words for the catalogue (ds:keyword) and the
// descriptor.
func Keywords(words ...string) Option {
	return func(p *Package) { p.keywords = append(p.keywords, words...) }
}

// License replaces the default licence (Términos de Libre Uso MX,
// https://www.datos.gob.mx/libreusomx). id is an Open Definition style
// identifier ("CC-BY-4.0"), url where it is published, title its name.
func License(id, url, title string) Option {
	return func(p *Package) { p.licenses = []license{{Name: id, Path: url, Title: title}} }
}

// Source names where the data came from (title and URL or file name). The
// provenance of tables added with FromResource is added on its own.
func Source(title, path string) Option {
	return func(p *Package) { p.sources = append(p.sources, source{Title: title, Path: path}) }
}

// Temporal is the period the data cover in ISO 8601: "2020",
// "2010/2012", "2026-01/2026-03" (ds:temporal).
func Temporal(period string) Option { return func(p *Package) { p.temporal = period } }

// Spatial is the area the data cover: a place name, an INEGI code or a
// bounding box ("Estados Unidos Mexicanos", "09") (ds:spatial).
func Spatial(area string) Option { return func(p *Package) { p.spatial = area } }

// AccrualPeriodicity is how often the data are updated: "irregular" or an
// ISO 8601 repeating interval ("R/P1M" monthly, "R/P1Y" yearly, "R/P10Y").
func AccrualPeriodicity(s string) Option { return func(p *Package) { p.periodicity = s } }

// LandingPage is the page where the data, dictionary and manuals live
// (the descriptor's homepage, ds:landingPage).
func LandingPage(url string) Option { return func(p *Package) { p.landingPage = url } }

// DownloadURL is the stable URL of the folder where the package will be
// served; each resource's rs:downloadURL is this URL plus the file name.
// Without it the catalogue gives the file names alone.
func DownloadURL(base string) Option {
	return func(p *Package) { p.downloadBase = strings.TrimRight(base, "/") + "/" }
}

// Version is the package's version ("1.0.0").
func Version(v string) Option { return func(p *Package) { p.version = v } }

// Modified is when the data were last changed (ds:modified and the
// descriptor's created). Without it, the newest FetchedAt of the
// provenance given with FromResource is used, and without that none is
// written: the output never depends on the clock, so the same input
// writes the same bytes.
func Modified(t time.Time) Option { return func(p *Package) { p.modified = t.UTC() } }

// FromResource records that the package's data come from a downloaded or
// described file (fetch.Client.Get, fetch.DescribeFile): it becomes a
// source with its URL, SHA-256 and download time. As a TableOption use
// TableSource.
func FromResource(r fetch.Resource, title string) Option {
	return func(p *Package) { p.sources = append(p.sources, sourceOf(r, title)) }
}

func sourceOf(r fetch.Resource, title string) source {
	s := source{Title: title, Path: r.URL}
	if s.Title == "" {
		s.Title = r.URL
	}
	if r.SHA256 != "" {
		s.Hash = "sha256:" + r.SHA256
	}
	if !r.FetchedAt.IsZero() {
		s.fetched = r.FetchedAt.UTC()
	}
	return s
}
