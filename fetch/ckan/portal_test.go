package ckan_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/fetch/ckan"
	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

const birmingham = "testdata/ckan_package_search_birmingham_uk.json"

func client(t *testing.T, opts ...fetch.ClientOption) *fetch.Client {
	t.Helper()
	base := []fetch.ClientOption{fetch.WithCacheDir(t.TempDir()), fetch.WithRateLimit(0), fetch.WithLog(nil),
		fetch.WithProgress(nil), fetch.WithBackoff(0)}
	return fetch.NewClient(append(base, opts...)...)
}

// realPortal serves the ten real Birmingham datasets, three per page.
func realPortal(t *testing.T) (*fetchtest.Server, *fetchtest.CKAN) {
	t.Helper()
	ds, err := fetchtest.PackageSearchResults(birmingham)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 10 {
		t.Fatalf("%d datasets in the saved answer", len(ds))
	}
	p := &fetchtest.CKAN{Datasets: ds, MaxRows: 3}
	srv := fetchtest.NewServer("")
	srv.ServeCKAN(p)
	t.Cleanup(srv.Close)
	return srv, p
}

func TestSearchPagesUntilCount(t *testing.T) {
	srv, _ := realPortal(t)
	portal := ckan.New(srv.CKANURL(), client(t))
	sets, err := portal.Search(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 10 {
		t.Fatalf("%d datasets, want 10", len(sets))
	}
	// The portal caps pages at 3 rows silently: 3+3+3+1.
	if n := srv.Requests("/api/3/action/package_search"); n != 4 {
		t.Errorf("%d package_search calls, want 4", n)
	}
	d := sets[0]
	if d.Name != "purchase-card-transactions" || d.Title != "Purchase Card Transactions" ||
		d.Organization != "Birmingham City Council" || d.ID != "cf552d08-cee9-43bf-8c0f-3196a9311799" || len(d.Resources) != 45 {
		t.Errorf("first dataset: %s %q %q %q %d resources", d.Name, d.Title, d.Organization, d.ID, len(d.Resources))
	}
	r := d.Resources[0]
	if r.Name != "Purchase Card transactions - April 2014" || r.Format != "XLS" || r.DatastoreActive ||
		!strings.HasSuffix(r.URL, "/purchasecardtransactionsapril2014.xls") {
		t.Errorf("first resource: %+v", r)
	}
	total, xls, empty := 0, 0, 0
	for _, d := range sets {
		for _, r := range d.Resources {
			total++
			if r.Format == "XLS" {
				xls++
			}
			if r.RawFormat == "" {
				empty++
			}
		}
	}
	// Two resources have an empty format; their URLs end in .xls.
	if total != 54 || xls != 54 || empty != 2 {
		t.Errorf("resources %d, XLS %d, empty raw format %d; want 54, 54, 2", total, xls, empty)
	}
	if got := len(d.ByFormat(".xls")); got != 45 {
		t.Errorf("ByFormat(.xls) = %d", got)
	}
}

// The saved answer itself says count 38 but holds 10: served as a static
// file it gives the same page for every start, and the client says so.
func TestSearchIncompleteWhenPagesRepeat(t *testing.T) {
	b, err := os.ReadFile(birmingham)
	if err != nil {
		t.Fatal(err)
	}
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.Set("/api/3/action/package_search", b)
	portal := ckan.New(srv.URL("/"), client(t))
	sets, err := portal.Search(context.Background(), "purchase")
	if !errors.Is(err, ckan.ErrIncomplete) || !strings.Contains(err.Error(), "got 10 of 38") {
		t.Fatalf("err = %v", err)
	}
	if len(sets) != 10 {
		t.Errorf("%d datasets returned with the error", len(sets))
	}
	if n := srv.Requests("/api/3/action/package_search"); n != 2 {
		t.Errorf("%d calls, want 2 (the second page brings nothing new)", n)
	}
}

func TestDataset(t *testing.T) {
	srv, _ := realPortal(t)
	portal := ckan.New(srv.CKANURL(), client(t))
	ctx := context.Background()
	d, err := portal.Dataset(ctx, "february-2018-purchase-card-transactions")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "February 2018 Purchase Card Transactions" || len(d.Resources) != 1 || !d.Resources[0].DatastoreActive || d.License != "UK Open Government Licence (OGL)" {
		t.Errorf("%+v", d)
	}
	if !strings.Contains(d.String(), "XLS") {
		t.Errorf("String: %s", d)
	}
	_, err = portal.Dataset(ctx, "no-existe")
	if !errors.Is(err, ckan.ErrNotFound) || !errors.Is(err, ckan.ErrAPI) || !strings.Contains(err.Error(), "package_show") || !strings.Contains(err.Error(), "Not found") {
		t.Errorf("missing dataset: %v", err)
	}
}

func TestAnswerErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		setup  func(s *fetchtest.Server)
		want   error
		errHas []string
	}{
		{"HTML page with 200", func(s *fetchtest.Server) { s.HTMLError("/api/3/action/package_search") }, ckan.ErrAPI, []string{"package_search", "Access Denied"}},
		{"success false with 200", func(s *fetchtest.Server) {
			s.Set("/api/3/action/package_search", []byte(`{"help":"h","success":false,"error":{"__type":"Authorization Error","message":"Access denied"}}`))
		}, ckan.ErrAPI, []string{"package_search", "Authorization Error: Access denied"}},
		{"validation error", func(s *fetchtest.Server) {
			s.Set("/api/3/action/package_search", []byte(`{"success":false,"error":{"__type":"Validation Error","rows":["Must be less than or equal to 1000"]}}`))
		}, ckan.ErrAPI, []string{"Validation Error", "rows: \"Must be less than or equal to 1000\""}},
		{"no success field", func(s *fetchtest.Server) { s.Set("/api/3/action/package_search", []byte(`{"result":{"count":0}}`)) }, ckan.ErrAPI, []string{"no \"success\""}},
		{"not JSON", func(s *fetchtest.Server) { s.Set("/api/3/action/package_search", []byte("count,results\n")) }, ckan.ErrAPI, []string{"not a CKAN answer"}},
		{"unknown portal path", func(s *fetchtest.Server) {}, ckan.ErrNotFound, []string{"package_search"}},
		{"blocked", func(s *fetchtest.Server) { s.Forbid("/api/3/action/package_search") }, fetch.ErrHTTP, []string{"403", "WithUserAgent"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fetchtest.NewServer("")
			defer srv.Close()
			tc.setup(srv)
			c := client(t)
			portal := ckan.New(srv.URL("/"), c)
			_, err := portal.Search(context.Background(), "")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			for _, s := range tc.errHas {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			// A failed answer is not kept in the cache.
			before := srv.TotalRequests()
			portal.Search(context.Background(), "")
			if srv.TotalRequests() == before {
				t.Errorf("the failed answer was served from the cache")
			}
		})
	}
}

func TestOfflineAfterOnline(t *testing.T) {
	srv, _ := realPortal(t)
	dir := t.TempDir()
	off := fetch.NewClient(fetch.WithCacheDir(dir), fetch.WithOffline(true), fetch.WithLog(nil))
	if _, err := ckan.New(srv.CKANURL(), off).Search(context.Background(), ""); !errors.Is(err, fetch.ErrOffline) {
		t.Fatalf("offline before any run: %v", err)
	}
	on := fetch.NewClient(fetch.WithCacheDir(dir), fetch.WithRateLimit(0), fetch.WithLog(nil))
	if _, err := ckan.New(srv.CKANURL(), on).Search(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	n := srv.TotalRequests()
	sets, err := ckan.New(srv.CKANURL(), off).Search(context.Background(), "")
	if err != nil || len(sets) != 10 || srv.TotalRequests() != n {
		t.Errorf("offline re-run: %d datasets, %v, requests %d→%d", len(sets), err, n, srv.TotalRequests())
	}
}

func TestDownload(t *testing.T) {
	srv := fetchtest.NewServer("../testdata/net")
	defer srv.Close()
	portal := ckan.New(srv.URL("/"), client(t))
	r := ckan.Resource{Name: "Población 2020", Format: "CSV", URL: srv.URL("/censo2020_poblacion_estatal.csv")}
	res, err := portal.Download(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if res.Size != 1716 || res.FromCache {
		t.Errorf("%+v", res)
	}
	// A download script URL says nothing; the resource's format does.
	srv.HTMLError("/descarga")
	_, err = portal.Download(context.Background(), ckan.Resource{Name: "Delitos", Format: "CSV", URL: srv.URL("/descarga?id=7")})
	if !errors.Is(err, fetch.ErrNotData) || !strings.Contains(err.Error(), `"Delitos"`) {
		t.Errorf("HTML in place of CSV: %v", err)
	}
	if _, err := portal.Download(context.Background(), ckan.Resource{Name: "sin url"}); !errors.Is(err, ckan.ErrAPI) {
		t.Errorf("no URL: %v", err)
	}
}

// municipalTable loads the 2,469 municipalities of the Censo 2020.
func municipalTable(t *testing.T) fetchtest.Table {
	t.Helper()
	f, err := os.Open("testdata/censo2020_poblacion_municipal.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tb := fetchtest.Table{Fields: []fetchtest.Field{
		{ID: "clave_entidad", Type: "text"}, {ID: "entidad", Type: "text"},
		{ID: "clave_municipio", Type: "text"}, {ID: "municipio", Type: "text"}, {ID: "poblacion", Type: "int"},
	}}
	for _, r := range recs[1:] {
		n, err := strconv.Atoi(r[4])
		if err != nil {
			t.Fatal(err)
		}
		tb.Records = append(tb.Records, map[string]any{
			"clave_entidad": r[0], "entidad": r[1], "clave_municipio": r[2], "municipio": r[3], "poblacion": n,
		})
	}
	return tb
}

func TestDatastoreSearchSilentCap(t *testing.T) {
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.ServeCKAN(&fetchtest.CKAN{
		Tables:       map[string]fetchtest.Table{"pob-mun-2020": municipalTable(t)},
		DatastoreCap: 1000, // the client asks for 32,000
	})
	portal := ckan.New(srv.CKANURL(), client(t))
	df, err := portal.DatastoreSearch(context.Background(), "pob-mun-2020")
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 2469 || strings.Join(df.Names(), ",") != "clave_entidad,entidad,clave_municipio,municipio,poblacion" {
		t.Fatalf("%d rows, columns %v", df.Nrow(), df.Names())
	}
	if n := srv.Requests("/api/3/action/datastore_search"); n != 3 {
		t.Errorf("%d pages, want 3 (1000+1000+469)", n)
	}
	sum := 0
	for _, v := range df.Col("poblacion").Float() {
		sum += int(v)
	}
	if sum != 126014024 {
		t.Errorf("total population %d, want 126014024", sum)
	}
	if got := df.Col("clave_municipio").Records()[0]; got != "001" {
		t.Errorf("clave_municipio lost its zeros: %q", got)
	}
	if df.Col("poblacion").Type() != "int" {
		t.Errorf("poblacion type %s", df.Col("poblacion").Type())
	}

	df, err = portal.DatastoreSearch(context.Background(), "pob-mun-2020", ckan.MaxRows(1500))
	if err != nil || df.Nrow() != 1500 {
		t.Errorf("MaxRows: %d rows, %v", df.Nrow(), err)
	}
	_, err = portal.DatastoreSearch(context.Background(), "no-existe")
	if !errors.Is(err, ckan.ErrNotFound) || !strings.Contains(err.Error(), "datastore_search") {
		t.Errorf("unknown resource: %v", err)
	}
}

func TestDatastoreTypes(t *testing.T) {
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.ServeCKAN(&fetchtest.CKAN{Tables: map[string]fetchtest.Table{"t": {
		Fields: []fetchtest.Field{{ID: "fecha", Type: "timestamp"}, {ID: "monto", Type: "numeric"}, {ID: "activo", Type: "bool"}, {ID: "folio", Type: "int"}, {ID: "nota", Type: "text"}},
		Records: []map[string]any{
			{"fecha": "2024-10-17T00:00:00", "monto": "1234.5", "activo": true, "folio": 1, "nota": "a"},
			{"fecha": "2024-10-17T13:45:00", "monto": 7, "activo": nil, "folio": "N/D", "nota": nil},
		},
	}}})
	df, err := ckan.New(srv.CKANURL(), client(t)).DatastoreSearch(context.Background(), "t")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ col, typ, recs string }{
		{"fecha", "string", "2024-10-17|2024-10-17T13:45:00"},
		{"monto", "float", "1234.500000|7.000000"},
		{"activo", "bool", "true|NaN"},
		{"folio", "string", "1|N/D"}, // does not fit int: kept as text
		{"nota", "string", "a|NaN"},
	} {
		s := df.Col(tc.col)
		if string(s.Type()) != tc.typ || strings.Join(s.Records(), "|") != tc.recs {
			t.Errorf("%s: %s %q, want %s %q", tc.col, s.Type(), s.Records(), tc.typ, tc.recs)
		}
	}
}

func TestNormalizeFormat(t *testing.T) {
	for in, want := range map[string]string{
		"csv": "CSV", ".CSV": "CSV", " Csv ": "CSV", "text/csv": "CSV", "XLSX": "XLSX", ".xls": "XLS",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX", "": "", "zip": "ZIP", "JSON": "JSON",
	} {
		if got := ckan.NormalizeFormat(in); got != want {
			t.Errorf("NormalizeFormat(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMultilingualFields(t *testing.T) {
	for _, tc := range []struct {
		name, in, title, notes string
	}{
		{"spanish first", `{"title":{"en":"Budget","es":"Presupuesto"},"notes":{"fr":"Budget annuel","en":""}}`, "Presupuesto", "Budget annuel"},
		{"english when no spanish", `{"title":{"en":"Budget","fr":"Budget FR"}}`, "Budget", ""},
		{"other keys sorted", `{"title":{"pt":"Orçamento","nl":"Begroting"}}`, "Begroting", ""},
		{"empty spanish skipped", `{"title":{"es":" ","it":"Bilancio"}}`, "Bilancio", ""},
		{"plain strings", `{"title":" Presupuesto ","notes":null}`, "Presupuesto", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ckan.DecodeDataset([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title || d.Notes != tc.notes {
				t.Errorf("title %q notes %q", d.Title, d.Notes)
			}
		})
	}
}

func FuzzDecodeSearch(f *testing.F) {
	if b, err := os.ReadFile(birmingham); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		`{"success":true,"result":{"count":1,"results":[{"name":{"es":"a"},"resources":[{"format":".CSV","size":"12","datastore_active":"True"}]}]}}`,
		`{"success":false,"error":{"__type":"Not Found Error","message":"Not found"}}`,
		`<html><title>403</title></html>`,
		`{"success":true,"result":null}`,
		`[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, ds, err := ckan.DecodeSearch(b)
		if err != nil {
			if !errors.Is(err, ckan.ErrAPI) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		for _, d := range ds {
			for _, r := range d.Resources {
				if r.Format != strings.ToUpper(r.Format) || strings.HasPrefix(r.Format, ".") {
					t.Fatalf("format not normalised: %q", r.Format)
				}
			}
		}
		_ = n
		_, _ = json.Marshal(ds)
	})
}
