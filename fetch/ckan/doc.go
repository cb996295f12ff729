// Package ckan reads open-data portals that run CKAN, such as Mexico's
// federal portal and Mexico City's, through a caching fetch.Client: every
// API answer and every file is cached, works offline, and is listed in the
// client's provenance manifest.
//
//	c := fetch.NewClient(fetch.WithCacheDir("cache"))
//	portal := ckan.New(ckan.DatosGobMX, c) // https://www.datos.gob.mx/api/3/action
//	sets, err := portal.Search(ctx, "organization:inegi")
//	d, err := portal.Dataset(ctx, "indice-de-peligro-a-nivel-municipal")
//	res, err := portal.Download(ctx, d.ByFormat("csv")[0]) // res.Path is the local file
//	df, err := portal.DatastoreSearch(ctx, resourceID)      // rows of a DataStore table
//
// Portals: datos.gob.mx's CKAN answers at DatosGobMX
// (https://www.datos.gob.mx/api/3/action; the older
// https://datos.gob.mx/busca/api/3/action redirects and fails, and the new
// front end has no API of its own). Mexico City's portal, DatosCDMX
// (https://datos.cdmx.gob.mx/api/3/action), enables the DataStore on many
// tables (Metrobús, C5, FGJ), so DatastoreSearch reads them without a file
// download. Any CKAN 2.x portal works; New accepts the portal's root too.
//
// Input rules. Every answer's "success" field is checked: an HTML page (a
// CDN block, a wrong base URL), invalid JSON, or success:false is an error
// wrapping ErrAPI that names the action and carries the portal's message; a
// missing dataset wraps ErrNotFound. Search pages with start and rows (at
// most 1000 a call) until the count the portal reports, and DatastoreSearch
// pages with the limit each answer echoes (portals cap pages at 32,000 rows
// silently) until the total; paging that ends early, or a page that brings
// nothing new, returns what it got with an error wrapping ErrIncomplete. A
// negative count or total is ErrAPI, and paging never outgrows
// Portal.MaxPages and Portal.MaxBytes (ErrTooLarge), so a broken portal
// cannot keep a call looping or fill the cache. Text fields given as objects keyed by
// language decode to the first non-empty value among es, en, fr, de, it,
// then the other keys sorted. Resource formats are normalised (" csv",
// ".CSV", "text/csv" → "CSV"); an empty format is taken from the URL's
// extension. Names and titles are trimmed.
//
// Files: portal.go (Portal, Search, Dataset, Download, sentinels),
// decode.go (the answer decoder, Dataset and Resource), datastore.go
// (DatastoreSearch and its options), budget.go (the paging budgets:
// MaxPages, MaxBytes, repeated pages, ErrTooLarge).
package ckan
