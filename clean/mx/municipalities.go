package mx

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/datacon-mx/cifra/internal/fold"
)

// Catalogue vintages, for methodology notes.
const (
	// CensusVintage names the source of the 2,469 municipalities, their
	// official names and populations.
	CensusVintage = "INEGI, Censo de Población y Vivienda 2020 (consulta interactiva, población total por municipio)"
	// FrameVintage names the source of the 2,475 municipalities that
	// include those created after the census.
	FrameVintage = "INEGI, Marco Geoestadístico 2022/2023 (catálogo de municipios)"
)

//go:embed data/municipios.csv
var municipiosCSV []byte

// MunicipalityInfo describes one municipality (or alcaldía of Mexico City).
type MunicipalityInfo struct {
	// CVEGEO is the five-digit INEGI key: state code and municipality
	// code, "09002".
	CVEGEO string
	// StateCode is the two-digit state code, "09".
	StateCode string
	// Code is the three-digit municipality code within its state, "002".
	Code string
	// Name is the official name in the 2020 census ("Dolores Hidalgo Cuna
	// de la Independencia Nacional"); for municipalities created after
	// the census, the Marco Geoestadístico name.
	Name string
	// FrameName is the name in the Marco Geoestadístico catalogue, which
	// sometimes differs ("Dolores Hidalgo"); both are recognised.
	FrameName string
	// Census2020 is false for the 6 municipalities created after the 2020
	// census (they exist in the Marco Geoestadístico but have no census
	// population).
	Census2020 bool
	// Population2020 is the census population (0 when Census2020 is
	// false).
	Population2020 int
}

// State returns the state the municipality belongs to.
func (m MunicipalityInfo) State() StateInfo {
	s, _ := State(m.StateCode)
	return s
}

type muniCatalogue struct {
	all    []MunicipalityInfo
	byCode map[string]int
	// byName maps state code + "|" + folded name to an index, or -1 when
	// two municipalities of the state share the folded name.
	byName map[string]int
	// byShort maps state code + "|" + folded short name ("ecatepec" for
	// Ecatepec de Morelos, see shortName) to an index, or -1 when two
	// municipalities of the state share it.
	byShort map[string]int
	err     error
}

var (
	muniOnce sync.Once
	munis    muniCatalogue
)

func catalogue() *muniCatalogue {
	muniOnce.Do(func() {
		munis.byCode = make(map[string]int)
		munis.byName = make(map[string]int)
		munis.byShort = make(map[string]int)
		recs, err := csv.NewReader(bytes.NewReader(municipiosCSV)).ReadAll()
		if err != nil || len(recs) < 2 {
			munis.err = err
			return
		}
		for _, r := range recs[1:] {
			if len(r) != 7 {
				munis.err = fmt.Errorf("mx: embedded municipality catalogue: row %q has %d fields, want 7", strings.Join(r, ","), len(r))
				return
			}
			pop, _ := strconv.Atoi(r[6])
			m := MunicipalityInfo{CVEGEO: r[0], StateCode: r[1], Code: r[2], Name: r[3], FrameName: r[4], Census2020: r[5] == "1", Population2020: pop}
			i := len(munis.all)
			munis.all = append(munis.all, m)
			munis.byCode[m.CVEGEO] = i
			names := []string{m.Name, m.FrameName, strings.TrimRight(m.Name, ".")}
			seen := map[string]bool{}
			for _, n := range names {
				k := m.StateCode + "|" + fold.Key(n)
				if n == "" || seen[k] {
					continue
				}
				seen[k] = true
				if j, dup := munis.byName[k]; dup && j != i {
					munis.byName[k] = -1
					continue
				}
				munis.byName[k] = i
			}
		}
		for i, m := range munis.all {
			for _, n := range []string{m.Name, m.FrameName} {
				short := shortName(fold.Key(n))
				if short == "" {
					continue
				}
				k := m.StateCode + "|" + short
				if j, dup := munis.byShort[k]; dup && j != i {
					munis.byShort[k] = -1
					continue
				}
				munis.byShort[k] = i
			}
		}
		// A short name that begins another municipality's name in the
		// state ("san martin": San Martín de Bolaños, San Martín Hidalgo)
		// says too little.
		folded := make([][2]string, len(munis.all))
		for j, m := range munis.all {
			folded[j] = [2]string{fold.Key(m.Name), fold.Key(m.FrameName)}
		}
		for k, i := range munis.byShort {
			if i < 0 {
				continue
			}
			st, short, _ := strings.Cut(k, "|")
			for j, m := range munis.all {
				if j == i || m.StateCode != st {
					continue
				}
				if strings.HasPrefix(folded[j][0], short+" ") || strings.HasPrefix(folded[j][1], short+" ") {
					munis.byShort[k] = -1
					break
				}
			}
		}
	})
	return &munis
}

// Municipalities returns the 2,475 municipalities, sorted by CVEGEO:
// the 2,469 of the 2020 census and the 6 created after it (Census2020
// false). Filter on Census2020 for the census universe.
func Municipalities() []MunicipalityInfo {
	c := catalogue()
	out := make([]MunicipalityInfo, len(c.all))
	copy(out, c.all)
	return out
}

// MunicipalityByCode finds a municipality by its five-digit CVEGEO. A
// four-digit key whose leading zero was lost ("9002", as files that store
// codes as numbers write it) and a float form ("9002.0") are accepted, and
// so are the forms INEGI's exports write: the state and municipality codes
// apart and padded with spaces (" 09 002 ", "09-002"), and spreadsheet
// wrappers that keep a code text (`="09002"`, `'09002`,
// `=CONCATENAR(0,9002)`; see clean.StripFormulasString).
func MunicipalityByCode(cvegeo string) (MunicipalityInfo, bool) {
	s := unwrapCode(cvegeo)
	if ent, mun, ok := splitCode(s); ok {
		s = ent + mun
	}
	n, ok := codeNumber(s)
	if !ok || n < 1001 || n > 32999 {
		return MunicipalityInfo{}, false
	}
	c := catalogue()
	key := strconv.Itoa(n)
	if len(key) == 4 {
		key = "0" + key
	}
	i, ok := c.byCode[key]
	if !ok {
		return MunicipalityInfo{}, false
	}
	return c.all[i], true
}

// Municipality finds a municipality by its state (anything State accepts)
// and its name or code within the state. The municipality code may be
// written with or without leading zeros ("2", "002") or as the full
// CVEGEO of the same state ("09002"). Names are matched with case,
// accents, punctuation and spacing ignored, against both the census name
// and the Marco Geoestadístico name. A name that two municipalities of
// the state share after folding (Oaxaca has two "San Juan Mixtepec") is
// ambiguous: Municipality returns false and the caller must use the code.
// When no official name matches, the short name in everyday use is tried:
// the name without an honorific prefix ("Heroica", "Heroica Ciudad de")
// and without a trailing one-word "de …" ("Ecatepec" for Ecatepec de
// Morelos, "Acapulco" for Acapulco de Juárez, "Puebla" for Heroica Puebla
// de Zaragoza), accepted only when no other municipality of the state
// shares it; and a name written with an honorific prefix the catalogue
// lacks ("Heroica Ciudad de Juchitán de Zaragoza") is tried without it.
// With an empty state, the municipality must be a full CVEGEO.
func Municipality(stateNameOrCode, municipalityNameOrCode string) (MunicipalityInfo, bool) {
	if strings.TrimSpace(stateNameOrCode) == "" {
		return MunicipalityByCode(municipalityNameOrCode)
	}
	si, ok := stateIdx(stateNameOrCode)
	if !ok {
		return MunicipalityInfo{}, false
	}
	st := states[si].Code
	c := catalogue()
	m := strings.TrimSpace(municipalityNameOrCode)
	if n, ok := codeNumber(m); ok {
		switch {
		case n >= 1 && n <= 999:
			i, ok := c.byCode[st+pad3(n)]
			if !ok {
				return MunicipalityInfo{}, false
			}
			return c.all[i], true
		case n >= 1001:
			mi, ok := MunicipalityByCode(m)
			if !ok || mi.StateCode != st {
				return MunicipalityInfo{}, false
			}
			return mi, true
		}
		return MunicipalityInfo{}, false
	}
	if len(m) > 300 {
		return MunicipalityInfo{}, false
	}
	k := fold.Key(repairMojibake(m))
	i, ok := c.byName[st+"|"+k]
	if !ok {
		// The name as people write it: "Ecatepec" for Ecatepec de Morelos.
		i, ok = c.byShort[st+"|"+k]
	}
	if !ok {
		// The name with an honorific prefix the catalogue does not carry:
		// "Heroica Ciudad de Juchitán de Zaragoza" (the AGEEML name) for
		// Juchitán de Zaragoza.
		if bare := withoutHonorific(k); bare != "" {
			if i, ok = c.byName[st+"|"+bare]; !ok {
				i, ok = c.byShort[st+"|"+bare]
			}
		}
	}
	if !ok || i < 0 {
		return MunicipalityInfo{}, false
	}
	return c.all[i], true
}

func pad3(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}
