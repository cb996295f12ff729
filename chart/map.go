package chart

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/internal/mxstates"
)

// mxStatesGeoJSON holds INEGI's 32 state outlines (Marco Geoestadístico,
// simplified; see geo/README.md).
//
//go:embed geo/mx_estados_inegi.geojson
var mxStatesGeoJSON []byte

// state is one state's outline in lon/lat.
type state struct {
	code, name string
	rings      [][][2]float64 // outer rings of every polygon part
	area       float64        // bbox area, to draw enclosing states first
}

var (
	statesOnce sync.Once
	states     []state
	statesErr  error
)

func loadStates() ([]state, error) {
	statesOnce.Do(func() {
		var fc struct {
			Features []struct {
				Properties struct {
					Code string `json:"cve_geo"`
					Name string `json:"nombre_estado"`
				} `json:"properties"`
				Geometry struct {
					Type        string          `json:"type"`
					Coordinates json.RawMessage `json:"coordinates"`
				} `json:"geometry"`
			} `json:"features"`
		}
		if err := json.Unmarshal(mxStatesGeoJSON, &fc); err != nil {
			statesErr = fmt.Errorf("chart: embedded state outlines: %w", err)
			return
		}
		for _, f := range fc.Features {
			st := state{code: f.Properties.Code, name: f.Properties.Name}
			switch f.Geometry.Type {
			case "Polygon":
				var p [][][2]float64
				if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
					statesErr = fmt.Errorf("chart: embedded state %s: %w", st.code, err)
					return
				}
				st.rings = append(st.rings, p[0])
			case "MultiPolygon":
				var mp [][][][2]float64
				if err := json.Unmarshal(f.Geometry.Coordinates, &mp); err != nil {
					statesErr = fmt.Errorf("chart: embedded state %s: %w", st.code, err)
					return
				}
				for _, p := range mp {
					st.rings = append(st.rings, p[0])
				}
			}
			lo0, la0, lo1, la1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, r := range st.rings {
				for _, pt := range r {
					lo0, lo1 = math.Min(lo0, pt[0]), math.Max(lo1, pt[0])
					la0, la1 = math.Min(la0, pt[1]), math.Max(la1, pt[1])
				}
			}
			st.area = (lo1 - lo0) * (la1 - la0)
			states = append(states, st)
		}
		sort.SliceStable(states, func(a, b int) bool { return states[a].area > states[b].area })
	})
	return states, statesErr
}

// stateCode reads a state key with the catalogue clean/mx uses
// (internal/mxstates): a code ("1", "01", 1.0) or a name, abbreviation or
// variant ("Coahuila de Zaragoza", "Coah", "CDMX", "Edomex", "Q. Roo"). It
// returns "00" for the national total.
func stateCode(s string) (string, bool) {
	if mxstates.IsNational(s) {
		return "00", true
	}
	i, ok := mxstates.Lookup(s)
	if !ok {
		return "", false
	}
	return mxstates.All[i].Code, true
}

// Choropleth colours Mexico's 32 states by valueCol, joined on codeCol:
// INEGI state codes ("01"–"32", with or without the leading zero) or state
// names (official or common). Values fall in five classes with round
// breaks, coloured light to dark (a colour-blind-safe sequential blue),
// with the key under the subtitle. The outlines are INEGI's, embedded in
// the package; the projection is equirectangular scaled by cos(latitude).
//
// A national-total row (code 0, "Nacional") is left out and reported.
// States without a row or with a missing value are drawn light grey and
// named in a note (with SkipMissing for missing values). Errors: a key
// that names no state (ErrNoMatch), a state given twice (ErrDuplicate),
// and the errors of Bar.
func Choropleth(df dataframe.DataFrame, codeCol, valueCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Choropleth: %w", err)
	}
	sts, err := loadStates()
	if err != nil {
		return nil, err
	}
	keys, _, err := texts(df, "Choropleth", codeCol)
	if err != nil {
		return nil, err
	}
	vals, err := numbers(df, "Choropleth", valueCol)
	if err != nil {
		return nil, err
	}
	rep := Report{Kind: "map", Rows: len(keys), es: isSpanish(cfg)}
	byCode := map[string]float64{}
	for i, k := range keys {
		code, ok := stateCode(k)
		if !ok {
			return nil, fmt.Errorf("chart: Choropleth: %w: column %q row %d: %q is not a state code (01–32) or name", ErrNoMatch, codeCol, i+1, k)
		}
		if code == "00" {
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: k, Reason: "national total"})
			continue
		}
		if _, dup := byCode[code]; dup {
			return nil, fmt.Errorf("chart: Choropleth: %w: column %q row %d: state %s (%q) appears twice; filter the table to one row per state", ErrDuplicate, codeCol, i+1, code, k)
		}
		if !isFinite(vals[i]) {
			if !cfg.skipMissing {
				return nil, checkValue("Choropleth", valueCol, i, k, vals[i])
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: k, Reason: reason(vals[i])})
			continue
		}
		byCode[code] = vals[i]
		rep.Drawn++
	}
	if len(byCode) == 0 {
		return nil, fmt.Errorf("chart: Choropleth: %w: no state has a value in %q", ErrEmpty, valueCol)
	}
	b := &mapBody{cfg: cfg, states: sts, values: byCode}
	if b.hl, err = mapHighlight(cfg.highlight); err != nil {
		return nil, err
	}
	var all []float64
	for _, v := range byCode {
		all = append(all, v)
	}
	sort.Float64s(all)
	b.format = cfg.format.forValues(all)
	b.breaks = mapClasses(all, cfg)
	for _, st := range sts {
		if _, ok := byCode[st.code]; !ok {
			b.noData = append(b.noData, st.name)
		}
	}
	sort.Strings(b.noData)
	rep.NoData = b.noData
	return &Chart{kind: "map", cfg: cfg, body: b, report: rep, cols: []string{codeCol, valueCol}}, nil
}

// classBreaks returns n quantile classes of the sorted values: edges at
// the minimum, the quantiles rounded to two significant digits, and the
// maximum. Equal rounded edges merge, so there may be fewer classes.
func classBreaks(sorted []float64, n int) []float64 {
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if lo == hi {
		return []float64{lo, hi}
	}
	out := []float64{lo}
	for k := 1; k < n; k++ {
		pos := float64(k) / float64(n) * float64(len(sorted)-1)
		i := int(pos)
		q := sorted[i]
		if i+1 < len(sorted) {
			q += (sorted[i+1] - sorted[i]) * (pos - float64(i))
		}
		q = roundSig(q, 2)
		if q > out[len(out)-1] && q < hi {
			out = append(out, q)
		}
	}
	return append(out, hi)
}

// roundSig rounds v to d significant digits.
func roundSig(v float64, d int) float64 {
	if v == 0 {
		return 0
	}
	p := math.Pow(10, float64(d)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}
