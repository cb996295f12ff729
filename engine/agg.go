package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/go-gota/gota/series"
)

func (c *compiler) agg(s aggStep, in *rel) (*rel, error) {
	const step = "GroupBy"
	out := &rel{dense: s.sorted && len(s.keys) > 0}
	seen := map[string]bool{}
	var sel, keys, byKey []string
	for _, k := range s.keys {
		t, err := in.typeOf(step, k)
		if err != nil {
			return nil, err
		}
		if seen[k] {
			return nil, fmt.Errorf("engine: %s: key %q given twice: %w", step, k, ErrArgument)
		}
		seen[k] = true
		keys = append(keys, quote(k))
		sel = append(sel, quote(k))
		by := quote(k)
		if t == series.String {
			by = c.d.binary(by)
		}
		byKey = append(byKey, "CASE WHEN "+quote(k)+" IS NULL THEN 1 ELSE 0 END, "+by)
		out.cols = append(out.cols, col{k, t})
	}
	for _, a := range s.aggs {
		spec, err := a.Spec()
		if err != nil {
			// analyze's message without its prefix: one prefix per message.
			msg := strings.TrimSuffix(strings.TrimPrefix(err.Error(), "analyze: "), ErrArgument.Error())
			return nil, fmt.Errorf("engine: %s: %s%w", step, msg, ErrArgument)
		}
		if seen[spec.Name] {
			return nil, fmt.Errorf("engine: %s: output column %q appears twice (rename one with As): %w", step, spec.Name, ErrArgument)
		}
		seen[spec.Name] = true
		expr, t, err := c.aggExpr(step, spec, in)
		if err != nil {
			return nil, err
		}
		sel = append(sel, expr+" AS "+quote(spec.Name))
		out.cols = append(out.cols, col{spec.Name, t})
	}
	order := "MIN(" + quote(rowCol) + ")"
	if s.sorted {
		// The rank of each group among the keys, ascending, missing last.
		if len(byKey) > 0 {
			order = "ROW_NUMBER() OVER (ORDER BY " + strings.Join(byKey, ", ") + ")"
		}
	}
	sel = append(sel, order+" AS "+quote(rowCol))
	body := "SELECT " + strings.Join(sel, ",\n  ") + "\nFROM " + in.cte
	if len(keys) > 0 {
		body += "\nGROUP BY " + strings.Join(keys, ", ")
	}
	out.cte = c.add("group", body)
	return out, nil
}

// aggExpr compiles one aggregate and gives its output type, the one
// analyze.Grouped.Agg gives.
func (c *compiler) aggExpr(step string, a analyze.AggSpec, in *rel) (string, series.Type, error) {
	if a.Kind == analyze.KindCount {
		return "COUNT(*)", series.Int, nil
	}
	t, err := in.typeOf(step, a.Column)
	if err != nil {
		return "", "", err
	}
	x := quote(a.Column)
	switch a.Kind {
	case analyze.KindCountDistinct:
		return "COUNT(DISTINCT " + x + ")", series.Int, nil
	case analyze.KindMissing:
		return "COUNT(*) - COUNT(" + x + ")", series.Int, nil
	}
	if t != series.Int && t != series.Float {
		return "", "", fmt.Errorf("engine: %s: %s(%q): column %q is %s, not numeric (convert it with clean.Numbers before loading): %w", step, a.Kind, a.Column, a.Column, typeLabel(t), ErrType)
	}
	dbl := "CAST(" + x + " AS " + c.d.double() + ")"
	unsupported := func() (string, series.Type, error) {
		return "", "", fmt.Errorf("engine: %s: %s(%q) cannot be computed exactly in %s: %w; compute it with analyze on a smaller table", step, a.Kind, a.Column, c.d, ErrUnsupported)
	}
	switch a.Kind {
	case analyze.KindSum:
		if t == series.Int {
			return "SUM(" + x + ")", series.Int, nil
		}
		return "SUM(" + x + ")", series.Float, nil
	case analyze.KindMean:
		return "AVG(" + dbl + ")", series.Float, nil
	case analyze.KindMin:
		return "MIN(" + x + ")", t, nil
	case analyze.KindMax:
		return "MAX(" + x + ")", t, nil
	case analyze.KindStd:
		if c.d == SQLite {
			return unsupported()
		}
		return "STDDEV_SAMP(" + dbl + ")", series.Float, nil
	case analyze.KindMedian, analyze.KindQuantile:
		q := strconv.FormatFloat(a.Q, 'g', -1, 64)
		switch c.d {
		case Postgres:
			return "PERCENTILE_CONT(" + q + ") WITHIN GROUP (ORDER BY " + dbl + ")", series.Float, nil
		case DuckDB:
			return "QUANTILE_CONT(" + dbl + ", " + q + ")", series.Float, nil
		}
		return unsupported()
	case analyze.KindWeightedSum, analyze.KindWeightedMean:
		wt, err := in.typeOf(step, a.Weight)
		if err != nil {
			return "", "", err
		}
		if wt != series.Int && wt != series.Float {
			return "", "", fmt.Errorf("engine: %s: %s(%q, %q): weight column %q is %s, not numeric: %w", step, a.Kind, a.Column, a.Weight, a.Weight, typeLabel(wt), ErrType)
		}
		w := quote(a.Weight)
		ok := x + " IS NOT NULL AND " + w + " > 0"
		swv := "SUM(CASE WHEN " + ok + " THEN " + dbl + " * " + w + " END)"
		if a.Kind == analyze.KindWeightedSum {
			return swv, series.Float, nil
		}
		return swv + " / SUM(CASE WHEN " + ok + " THEN CAST(" + w + " AS " + c.d.double() + ") END)", series.Float, nil
	}
	return unsupported()
}
