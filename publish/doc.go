// Package publish is the other direction of fetch: it writes a tidy table
// as a dataset ready for an open-data portal, checks a published package
// against the standard, and measures how far any file is from Mexico's
// open-data guide.
//
// It sits above the four stages (it imports fetch, clean, clean/mx and
// analyze; none of them imports it).
//
// # Publishing
//
//	p := publish.New("poblacion-municipal-2020",
//		publish.Title("Población por municipio y sexo, Censo 2020"),
//		publish.Contact("Mesa de datos", "datos@example.org"),
//		publish.Temporal("2020"), publish.AccrualPeriodicity("R/P10Y"))
//	err := p.AddTable("poblacion", df,
//		publish.PrimaryKey("cve_ent", "cve_mun"),
//		publish.MunicipalityKey("cve_ent", "cve_mun"),
//		publish.Describe("poblacion", "Personas censadas."), publish.Unit("poblacion", "personas"))
//	err = p.Write("salida/poblacion")
//
// Write produces a Frictionless Data Package v2: UTF-8 CSV files, a
// datapackage.json whose Table Schemas come from the tables' values (codes
// stay text with their zeros, whole-number columns are integers, ISO dates
// are dates, constraints and categories from the data), sizes and SHA-256
// hashes, licence (Términos de Libre Uso MX by default), contributors and
// sources with their provenance; a Spanish data dictionary
// (diccionario.csv, diccionario.md); and the catalogue record for
// datos.gob.mx, in the guide's template (catalogo.csv) and as DCAT JSON-LD
// (catalogo.jsonld). The output is deterministic.
//
// # Validating
//
// Validate checks a descriptor (v2, or v1 "tabular-data-package")
// against the official v2 profile embedded in profiles/, then every data
// file against its Table Schema, and lists every problem with its
// resource, 1-based data row, file line and field. fetch.ReadPackage
// reads a resource back as a table, by the same rules (the two share
// internal/tableschema).
//
// # Assessing
//
// Assess answers "how far is this file from a high-value dataset?" with
// the guide's checks (utf8, flat, geo_codes, iso_dates, no_totals,
// no_units_in_values, one_type_per_column, no_duplicate_rows,
// one_spelling, clear_names, dictionary), each with its evidence, and a
// score: the share of applicable checks passed. The checks use the same
// detectors as the readers and cleaners (fetch's report, internal/num,
// clean.Clusters, clean.Duplicates, clean/mx, and internal/totals, which
// clean.DropTotals and analyze.Profile also use),
// so the assessment and the pipeline never disagree.
//
// # Files
//
//	doc.go            this overview
//	errors.go         the error values (shared ones re-exported from internal/errs)
//	options.go        Option and the package-level options (Title, Contact, License…)
//	package.go        Package, New, names
//	table.go          AddTable, TableOption and the table options (PrimaryKey, ForeignKey…)
//	infer.go          Table Schema fields and constraints from a table's values
//	geo.go            StateKey, MunicipalityKey: INEGI catalogues shipped as resources
//	descriptor.go     the descriptor's JSON structures, in a fixed key order
//	write.go          Write: data files and datapackage.json
//	dictionary.go     diccionario.csv and diccionario.md
//	catalog.go        catalogo.csv (the guide's template), catalogo.jsonld (DCAT), CatalogueGaps
//	profile.go        the embedded v2 profiles and JSON Schema validation
//	validate.go       Validate, ValidationReport, Problem
//	validate_data.go  data checks: types, constraints, keys, bytes and hash
//	assess.go         Assess, Assessment, Check
//	assess_checks.go  the guide's checks: encoding, layout, dates, totals, numbers, types, duplicates, spellings
//	assess_geo.go     geo_codes: INEGI codes where there are places
//	assess_names.go   clear_names and dictionary
package publish
