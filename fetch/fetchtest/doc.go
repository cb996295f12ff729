// Package fetchtest serves files and canned open-data portal answers over
// loopback HTTP, for tests and offline workshop examples, as
// net/http/httptest does for handlers.
//
//	srv := fetchtest.NewServer("testdata/pages")
//	defer srv.Close()
//	res, err := client.Get(ctx, srv.URL("/poblacion.csv"))
//
// Files come from the folder given to NewServer (or from Set); each answer
// carries an ETag and a Last-Modified header and honours If-None-Match and
// If-Modified-Since with 304, unless WithoutValidators is given. Switches
// per path reproduce what real servers do to scrapers: Fail (N errors then
// success), Throttle (429 with Retry-After), Slow, Truncate (a body shorter
// than its Content-Length), Forbid (403) and HTMLError (a CDN error page
// with status 200). Requests counts what reached the server.
//
// ServeCKAN answers CKAN Action API calls (package_search with start/rows
// paging and a row cap, package_show, datastore_search with a silent limit
// cap) from a list of datasets, so a CKAN client can be tested without a
// portal.
//
// ClientFor gives an HTTP client that answers requests for public sites
// ("https://www.inegi.org.mx") from the server, so that an offline program
// fetches, records and prints the public URL of what it reads, never the
// loopback address.
//
// Files: server.go (the server and its switches), ckan.go (the fake CKAN
// portal), public.go (ClientFor: the server standing in for public sites).
package fetchtest
