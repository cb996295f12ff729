package ckan_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/fetch/ckan"
	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

// Search a portal (here a fake one serving a real CKAN answer) and list the
// files of the first dataset found.
func ExamplePortal_Search() {
	ds, err := fetchtest.PackageSearchResults("testdata/ckan_package_search_birmingham_uk.json")
	if err != nil {
		log.Fatal(err)
	}
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.ServeCKAN(&fetchtest.CKAN{Datasets: ds, MaxRows: 4})

	dir, _ := os.MkdirTemp("", "cifra-cache")
	defer os.RemoveAll(dir)
	portal := ckan.New(srv.CKANURL(), fetch.NewClient(fetch.WithCacheDir(dir))) // e.g. ckan.DatosGobMX

	sets, err := portal.Search(context.Background(), "purchase")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(sets), "datasets")
	d := sets[1]
	fmt.Println(d.Title, "—", d.Organization)
	for _, r := range d.ByFormat("xls") {
		fmt.Println(r.Format, r.Name, r.DatastoreActive)
	}
	// Output:
	// 10 datasets
	// February 2018 Purchase Card Transactions — Birmingham City Council
	// XLS february-2018-purchase-card-transactions true
}

// Read a DataStore table page by page into one DataFrame.
func ExamplePortal_DatastoreSearch() {
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.ServeCKAN(&fetchtest.CKAN{DatastoreCap: 2, Tables: map[string]fetchtest.Table{
		"alcaldias": {
			Fields: []fetchtest.Field{{ID: "cve_mun", Type: "text"}, {ID: "alcaldia", Type: "text"}, {ID: "poblacion", Type: "int"}},
			Records: []map[string]any{
				{"cve_mun": "002", "alcaldia": "Azcapotzalco", "poblacion": 432205},
				{"cve_mun": "003", "alcaldia": "Coyoacán", "poblacion": 614447},
				{"cve_mun": "004", "alcaldia": "Cuajimalpa de Morelos", "poblacion": 217686},
			},
		},
	}})
	dir, _ := os.MkdirTemp("", "cifra-cache")
	defer os.RemoveAll(dir)
	portal := ckan.New(srv.CKANURL(), fetch.NewClient(fetch.WithCacheDir(dir))) // e.g. ckan.DatosCDMX

	df, err := portal.DatastoreSearch(context.Background(), "alcaldias")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(df.Nrow(), df.Names(), df.Types())
	fmt.Println(df.Col("cve_mun").Records())
	// Output:
	// 3 [cve_mun alcaldia poblacion] [string string int]
	// [002 003 004]
}
