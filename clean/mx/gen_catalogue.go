//go:build ignore

// gen_catalogue builds data/municipios.csv, the embedded municipality
// catalogue, from two real files:
//
//   - INEGI's Censo 2020 "Consulta interactiva" export of population by
//     municipality (Latin-1, as published): official names, codes and
//     populations of the 2,469 municipalities of the 2020 census;
//   - the Marco Geoestadístico catalogue of 2,475 municipalities
//     (cve_geo,nombre_estado,cve_ent,nombre_municipio,cve_mun), which adds
//     the 6 municipalities created after the census and a second spelling.
//
// Run: go run gen_catalogue.go CONSULTA.csv CATALOGO.csv > data/municipios.csv
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

var codeRe = regexp.MustCompile(`^\s*(\d{2}) (\d{3})\s*$`)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run gen_catalogue.go CONSULTA.csv CATALOGO.csv")
		os.Exit(2)
	}
	type muni struct {
		ent, mun, name, mg string
		census             bool
		pop                string
	}
	byCode := map[string]*muni{}

	f, err := os.Open(os.Args[1])
	check(err)
	r := csv.NewReader(charmap.Windows1252.NewDecoder().Reader(f))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if len(rec) < 3 {
			continue
		}
		m := codeRe.FindStringSubmatch(rec[0])
		if m == nil {
			continue
		}
		byCode[m[1]+m[2]] = &muni{ent: m[1], mun: m[2], name: strings.TrimSpace(rec[1]), census: true, pop: strings.ReplaceAll(rec[2], ",", "")}
	}
	f.Close()

	g, err := os.Open(os.Args[2])
	check(err)
	recs, err := csv.NewReader(g).ReadAll()
	check(err)
	g.Close()
	for _, rec := range recs[1:] {
		code := rec[0]
		if m, ok := byCode[code]; ok {
			m.mg = rec[3]
			continue
		}
		byCode[code] = &muni{ent: rec[2], mun: rec[4], name: rec[3], mg: rec[3]}
	}
	codes := make([]string, 0, len(byCode))
	for c := range byCode {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"cvegeo", "cve_ent", "cve_mun", "nombre", "nombre_mg", "censo2020", "poblacion2020"})
	for _, c := range codes {
		m := byCode[c]
		census := "0"
		if m.census {
			census = "1"
		}
		w.Write([]string{c, m.ent, m.mun, m.name, m.mg, census, m.pop})
	}
	w.Flush()
	check(w.Error())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
