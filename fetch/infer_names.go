package fetch

import (
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
)

// Column names that say a column holds codes. The rule is per column (the
// name is folded once: accents, case and punctuation removed, so
// "Cve. Municipio", "CVE_MUN" and "cve-mun" all read "cve mun"), never per
// value.

// codeWords are folded names that are codes on their own.
var codeWords = map[string]bool{
	"rfc": true, "curp": true, "cp": true, "cvegeo": true, "cve": true, "id": true,
	"ccve": true, "ageb": true, "uuid": true, "clues": true, "cct": true,
	"codigo postal": true, "cve geo": true,
}

// codeFirstWords start a name that is a code: "cve mun", "id persona",
// "rfc emisor", "cp destino".
var codeFirstWords = map[string]bool{
	"cve": true, "id": true, "rfc": true, "curp": true, "cp": true, "cvegeo": true,
}

// codeLastWords end a name that is a code: "persona id", "mun cve",
// "emisor rfc".
var codeLastWords = map[string]bool{
	"id": true, "cve": true, "clave": true, "rfc": true, "curp": true, "cp": true,
	"folio": true, "cvegeo": true,
}

// looksLikeCodeName reports whether a column name says it holds codes:
// cve_*, "Cve. *", clave*, id*, rfc, curp, cp, cvegeo, folio, codigo…
// Such a column stays String whatever its values look like.
func looksLikeCodeName(name string) bool {
	k := fold.Key(name)
	if k == "" {
		return false
	}
	if codeWords[k] {
		return true
	}
	first, last := k, k
	if i := strings.IndexByte(k, ' '); i >= 0 {
		first = k[:i]
		last = k[strings.LastIndexByte(k, ' ')+1:]
	}
	switch {
	case codeFirstWords[first], codeLastWords[last]:
		return true
	case strings.HasPrefix(first, "clave"), strings.HasPrefix(first, "codigo"), strings.HasPrefix(first, "folio"):
		return true
	case strings.HasSuffix(k, "cvegeo"), strings.HasSuffix(k, "cve geo"):
		return true
	}
	return false
}

// geoCodeWords are INEGI's short names for geographic code columns
// (ITER, the census microdata, vital statistics, ENOE…).
var geoCodeWords = map[string]bool{
	"ent": true, "entidad": true, "mun": true, "municipio": true,
	"loc": true, "localidad": true, "mza": true, "manzana": true,
}

// looksLikeGeoCodeName reports whether a column name is one of INEGI's
// geographic code names: ENTIDAD, MUN, LOC, MZA alone, or followed by one
// qualifier (ENT_REGIS, MUN_RESID, ENTIDAD_RES, LOC_OCURR). Such a column
// is a code when its values are integers (a re-saved file lost the zeros:
// "19", "1", "0"); with names in it ("Nuevo León") it is text anyway.
func looksLikeGeoCodeName(name string) bool {
	k := fold.Key(name)
	first, rest := k, ""
	if i := strings.IndexByte(k, ' '); i >= 0 {
		first, rest = k[:i], k[i+1:]
	}
	return geoCodeWords[first] && strings.IndexByte(rest, ' ') < 0
}
