package chart

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/internal/fold"
)

// maxGeoBytes and maxGeoPoints bound a user's GeoJSON: 64 MB of text and
// two million vertices, far beyond INEGI's 2,469 municipalities at
// publication detail.
const (
	maxGeoBytes  = 64 << 20
	maxGeoPoints = 2_000_000
)

// nameProps are the feature properties read as an area's name, in order:
// INEGI's Marco Geoestadístico (NOMGEO), the processed INEGI files
// (nombre_municipio, nombre_estado), and common English and Spanish names.
var nameProps = []string{"NOMGEO", "nombre_municipio", "NOM_MUN", "nom_mun", "nombre_distrito", "nombre", "NOMBRE", "name", "NAME", "nombre_estado"}

// ChoroplethGeoJSON colours the areas of a GeoJSON FeatureCollection
// (municipalities, electoral districts, alcaldías…) by valueCol, joined on
// keyCol against the feature property keyProp. Keys match as text; keys
// made only of digits match whatever their leading zeros ("9002" and
// "09002"). Polygon and MultiPolygon features are drawn (their outer
// rings), in lon/lat as GeoJSON requires; the area's name comes from the
// first of the properties NOMGEO, nombre_municipio, NOM_MUN, nombre,
// name… that it has, or else its key. Everything else works as in
// Choropleth: classes (Breaks, NaturalBreaks), LegendTitle, Highlight (by
// key or name), areas without a row drawn grey as "sin dato".
//
// Errors: GeoJSON that does not parse or holds no polygons (ErrArgument),
// more than 64 MB or two million vertices (ErrTooLarge), a feature
// without keyProp or two with the same key (ErrDuplicate), a row whose key
// names no feature (ErrNoMatch), and the errors of Choropleth.
func ChoroplethGeoJSON(df dataframe.DataFrame, geojson io.Reader, keyProp, keyCol, valueCol string, opts ...Option) (*Chart, error) {
	const who = "ChoroplethGeoJSON"
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: %s: %w", who, err)
	}
	areas, err := readGeoJSON(geojson, keyProp)
	if err != nil {
		return nil, err
	}
	keys, _, err := texts(df, who, keyCol)
	if err != nil {
		return nil, err
	}
	vals, err := numbers(df, who, valueCol)
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]int, len(areas))
	for i, a := range areas {
		byKey[geoKey(a.code)] = i
	}
	rep := Report{Kind: "map", Rows: len(keys), es: isSpanish(cfg)}
	values := map[string]float64{}
	rowOf := map[string]int{}
	for i, k := range keys {
		at, ok := byKey[geoKey(k)]
		if !ok {
			return nil, fmt.Errorf("chart: %s: %w: column %q row %d: %q matches no feature's %q (first ones: %s)", who, ErrNoMatch, keyCol, i+1, k, keyProp, firstKeys(areas, 5))
		}
		code := areas[at].code
		if r, dup := rowOf[code]; dup {
			return nil, fmt.Errorf("chart: %s: %w: column %q rows %d and %d: %q twice; filter the table to one row per area", who, ErrDuplicate, keyCol, r, i+1, k)
		}
		if !isFinite(vals[i]) {
			if !cfg.skipMissing {
				return nil, checkValue(who, valueCol, i, k, vals[i])
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: k, Reason: reason(vals[i])})
			continue
		}
		rowOf[code] = i + 1
		values[code] = vals[i]
		rep.Drawn++
	}
	if len(values) == 0 {
		return nil, fmt.Errorf("chart: %s: %w: no area has a value in %q", who, ErrEmpty, valueCol)
	}
	b := &mapBody{cfg: cfg, states: areas, values: values, areaWord: keyProp}
	if len(cfg.highlight) > 0 {
		b.hl = map[string]bool{}
		for _, w := range cfg.highlight {
			found := false
			for _, a := range areas {
				if geoKey(a.code) == geoKey(w) || fold.Key(a.name) == fold.Key(w) {
					b.hl[a.code], found = true, true
				}
			}
			if !found {
				return nil, fmt.Errorf("chart: %s: %w: Highlight(%q) names no area", who, ErrNoMatch, w)
			}
		}
	}
	var all []float64
	for _, v := range values {
		all = append(all, v)
	}
	sort.Float64s(all)
	b.format = cfg.format.forValues(all)
	b.breaks = mapClasses(all, cfg)
	for _, a := range areas {
		if _, ok := values[a.code]; !ok {
			b.noData = append(b.noData, a.name)
		}
	}
	sort.Strings(b.noData)
	rep.NoData = b.noData
	return &Chart{kind: "map", cfg: cfg, body: b, report: rep, cols: []string{keyCol, valueCol}}, nil
}

// geoKey normalises a join key: trimmed, and without leading zeros when
// it is all digits.
func geoKey(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return s
		}
	}
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return "0"
}

func firstKeys(areas []state, n int) string {
	var ks []string
	for _, a := range areas {
		ks = append(ks, a.code)
	}
	sort.Strings(ks)
	return firstFew(ks, n)
}

// readGeoJSON reads the polygons of a FeatureCollection, keyed by the
// property keyProp, largest first (so enclosing areas are drawn first).
func readGeoJSON(r io.Reader, keyProp string) ([]state, error) {
	const who = "ChoroplethGeoJSON"
	data, err := io.ReadAll(io.LimitReader(r, maxGeoBytes+1))
	if err != nil {
		return nil, fmt.Errorf("chart: %s: reading GeoJSON: %w", who, err)
	}
	if len(data) > maxGeoBytes {
		return nil, fmt.Errorf("chart: %s: %w: GeoJSON over %d MB; simplify it first (e.g. mapshaper)", who, ErrTooLarge, maxGeoBytes>>20)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   *struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, fmt.Errorf("chart: %s: %w: not GeoJSON: %v", who, ErrArgument, err)
	}
	var out []state
	seen := map[string]int{}
	points := 0
	for i, f := range fc.Features {
		raw, ok := f.Properties[keyProp]
		if !ok || raw == nil {
			return nil, fmt.Errorf("chart: %s: %w: feature %d has no property %q (it has: %s)", who, ErrArgument, i+1, keyProp, propNames(f.Properties))
		}
		key := propText(raw)
		st := state{code: key, name: key}
		for _, p := range nameProps {
			if v, ok := f.Properties[p]; ok && v != nil && propText(v) != "" {
				st.name = propText(v)
				break
			}
		}
		if j, dup := seen[geoKey(key)]; dup {
			return nil, fmt.Errorf("chart: %s: %w: features %d and %d share %s %q", who, ErrDuplicate, j, i+1, keyProp, key)
		}
		seen[geoKey(key)] = i + 1
		if f.Geometry == nil {
			continue
		}
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("chart: %s: %w: feature %d (%s %q): %v", who, ErrArgument, i+1, keyProp, key, err)
			}
			if len(p) > 0 && len(p[0]) >= 3 {
				st.rings = append(st.rings, p[0])
			}
		case "MultiPolygon":
			var mp [][][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &mp); err != nil {
				return nil, fmt.Errorf("chart: %s: %w: feature %d (%s %q): %v", who, ErrArgument, i+1, keyProp, key, err)
			}
			for _, p := range mp {
				if len(p) > 0 && len(p[0]) >= 3 {
					st.rings = append(st.rings, p[0])
				}
			}
		default:
			continue
		}
		lo0, la0, lo1, la1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, ring := range st.rings {
			points += len(ring)
			for _, pt := range ring {
				if !isFinite(pt[0]) || !isFinite(pt[1]) || math.Abs(pt[0]) > 180 || math.Abs(pt[1]) > 90 {
					return nil, fmt.Errorf("chart: %s: %w: feature %d (%s %q): coordinate %v is not lon/lat", who, ErrArgument, i+1, keyProp, key, pt)
				}
				lo0, lo1 = math.Min(lo0, pt[0]), math.Max(lo1, pt[0])
				la0, la1 = math.Min(la0, pt[1]), math.Max(la1, pt[1])
			}
		}
		if points > maxGeoPoints {
			return nil, fmt.Errorf("chart: %s: %w: over %d vertices; simplify the GeoJSON first", who, ErrTooLarge, maxGeoPoints)
		}
		if len(st.rings) == 0 {
			continue
		}
		st.area = (lo1 - lo0) * (la1 - la0)
		out = append(out, st)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("chart: %s: %w: the GeoJSON holds no Polygon or MultiPolygon feature", who, ErrArgument)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].area > out[b].area })
	return out, nil
}

// propText writes a property value as text: numbers without exponent or
// trailing zeros.
func propText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func propNames(p map[string]any) string {
	var ks []string
	for k := range p {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return firstFew(ks, 8)
}

// AreaNoun names, in plural, the areas of a map in the alt text generated
// for it: chart.AreaNoun("alcaldías") gives "Mapa de 16 alcaldías; mayor:
// …". By default a ChoroplethGeoJSON map speaks of "áreas" ("areas" in
// English) and Choropleth of "entidades" ("states").
func AreaNoun(plural string) Option {
	return func(c *config) { c.areaNoun = strings.TrimSpace(plural) }
}

// noun is the plural word for the map's areas.
func (b *mapBody) noun(es bool) string {
	switch {
	case b.cfg.areaNoun != "":
		return b.cfg.areaNoun
	case b.areaWord != "":
		return pick(es, "áreas", "areas")
	}
	return pick(es, "entidades", "states")
}

// phoneHeight is the height, in pixels, of the phone drawing of a map of
// the user's areas in the embed: the width times the areas' own aspect
// ratio, plus about a quarter of the width for the legend and margins (as
// Mexico's 9:10 phone map has), kept between half and twice the width.
func (b *mapBody) phoneHeight(width int) int {
	lo0, la0, lo1, la1, k := b.bounds()
	gw, gh := (lo1-lo0)*k, la1-la0
	ratio := 0.9
	if gw > 0 && gh > 0 && !math.IsInf(gw, 0) {
		ratio = math.Min(2, math.Max(0.5, gh/gw+0.27))
	}
	return int(math.Round(float64(width) * ratio))
}
