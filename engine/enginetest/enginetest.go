package enginetest

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/engine"
	"github.com/go-gota/gota/dataframe"
)

// Case is one pipeline written twice: in memory and through the engine.
type Case struct {
	Name   string
	Memory func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error)
	Engine func(e *engine.Engine) *engine.Query
	// Skip names the dialects that cannot run the case (they must return
	// an error wrapping engine.ErrUnsupported instead).
	Skip []engine.Dialect
}

// Load drops and loads the suite's tables into db.
func Load(ctx context.Context, db *sql.DB, e *engine.Engine) (map[string]dataframe.DataFrame, error) {
	tables, err := Tables()
	if err != nil {
		return nil, err
	}
	if err := checkTypes(tables); err != nil {
		return nil, err
	}
	for name, df := range tables {
		if _, err := db.ExecContext(ctx, `DROP TABLE IF EXISTS "`+name+`"`); err != nil {
			return nil, err
		}
		if err := e.Load(ctx, name, df); err != nil {
			return nil, err
		}
	}
	return tables, nil
}

// Run loads the tables into db and runs every case and every error check.
func Run(t *testing.T, db *sql.DB, d engine.Dialect) {
	t.Helper()
	ctx := context.Background()
	e, err := engine.Open(db, d)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := Load(ctx, db, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Cases() {
		t.Run(c.Name, func(t *testing.T) {
			q := c.Engine(e)
			got, rep, err := q.Collect(ctx)
			for _, s := range c.Skip {
				if s == d {
					if !errors.Is(err, engine.ErrUnsupported) {
						t.Fatalf("%s: want an error wrapping ErrUnsupported, got %v", d, err)
					}
					return
				}
			}
			if err != nil {
				t.Fatalf("engine: %v\nSQL:\n%s", err, rep.SQL)
			}
			want, reps, err := c.Memory(tables)
			if err != nil {
				t.Fatalf("memory: %v", err)
			}
			if diff := Equal(want, got); diff != "" {
				t.Errorf("%s\nwant:\n%v\ngot:\n%v\nSQL:\n%s", diff, want, got, rep.SQL)
			}
			if len(reps) != len(rep.Joins) {
				t.Fatalf("join reports: want %d, got %d", len(reps), len(rep.Joins))
			}
			for i := range reps {
				if diff := EqualReports(reps[i], rep.Joins[i]); diff != "" {
					t.Errorf("join %d: %s", i+1, diff)
				}
			}
		})
	}
	t.Run("errors", func(t *testing.T) { runErrors(t, e, d) })
}

// Cases returns the differential cases.
func Cases() []Case {
	mem := func(df dataframe.DataFrame, err error) (dataframe.DataFrame, []clean.JoinReport, error) {
		return df, nil, err
	}
	aggs := []analyze.Agg{
		analyze.Count(), analyze.Sum("select"), analyze.Sum("grande"), analyze.Mean("select"),
		analyze.Min("año"), analyze.Max("año"), analyze.Min("select"), analyze.Missing("select"),
		analyze.CountDistinct("nota"), analyze.Sum("solo_na"), analyze.Sum("año").As("suma de años"),
		analyze.WeightedSum("select", "año"), analyze.WeightedMean("solo_na", "select"),
	}
	var cases []Case
	cases = append(cases,
		Case{Name: "table", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return t["raro"], nil, nil
		}, Engine: func(e *engine.Engine) *engine.Query { return e.Table("raro") }},
		Case{Name: "group awkward keys", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return mem(analyze.GroupBy(t["raro"], "cve").Agg(aggs...))
		}, Engine: func(e *engine.Engine) *engine.Query { return e.Table("raro").GroupBy("cve").Agg(aggs...) }},
		Case{Name: "group sorted two keys", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return mem(analyze.GroupBy(t["raro"], "año", "cve").Sorted().Agg(analyze.Count(), analyze.Sum("select")))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").GroupBy("año", "cve").Sorted().Agg(analyze.Count(), analyze.Sum("select"))
		}},
		Case{Name: "group no keys over no rows", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			df, _, err := clean.Filter(t["raro"], func(r clean.Row) bool { return r.String("cve") == "zzz" })
			if err != nil {
				return df, nil, err
			}
			return mem(analyze.GroupBy(df).Agg(analyze.Count(), analyze.Sum("grande"), analyze.Mean("select")))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").Filter(engine.Eq("cve", "zzz")).GroupBy().Agg(analyze.Count(), analyze.Sum("grande"), analyze.Mean("select"))
		}},
		Case{Name: "filter quote value", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return clean1(clean.Filter(t["raro"], func(r clean.Row) bool {
				return r.String("nota") == "O'Higgins" || r.String("nota") == "x'); DROP TABLE raro; --"
			}))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").Filter(engine.In("nota", "O'Higgins", "x'); DROP TABLE raro; --"))
		}},
		Case{Name: "filter real", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return clean1(clean.Filter(t["homicidios"], func(r clean.Row) bool {
				y := r.Int("year")
				return y >= 2008 && y <= 2012 && r.String("name") != "DIF" && (r.Int("averiguaciones") > 500 || r.Float("rate") < 2)
			}))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("homicidios").Filter(engine.Between("year", 2008, 2012), engine.Ne("name", "DIF"),
				engine.Or(engine.Gt("averiguaciones", 500), engine.Lt("rate", 2)))
		}},
		Case{Name: "filter missing", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return clean1(clean.Filter(t["raro"], func(r clean.Row) bool { return r.Missing("select") && !r.Missing("año") }))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").Filter(engine.IsNull("select"), engine.NotNull("año"))
		}},
		Case{Name: "filter not le ge eq bool", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return clean1(clean.Filter(t["raro"], func(r clean.Row) bool {
				return !(r.Int("año") <= 2019) && r.Float("grande") >= 3 && r.Bool("marca")
			}))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").Filter(engine.Not(engine.Le("año", 2019)), engine.Ge("grande", 3), engine.Eq("marca", true))
		}},
		Case{Name: "rate", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return mem(analyze.Rate(t["raro_der"], "select", "pob", 100_000, "tasa"))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro_der").Rate("select", "pob", 100_000, "tasa")
		}},
	)
	for _, how := range []clean.How{clean.Inner, clean.Left, clean.Right, clean.Full, clean.Semi, clean.Anti} {
		cases = append(cases, Case{Name: "join awkward " + how.String(), Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			df, rep, err := clean.Join(t["raro"], t["raro_der"], how, "cve")
			return df, []clean.JoinReport{rep}, err
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").Join(e.Table("raro_der"), how, "cve")
		}})
	}
	cases = append(cases,
		Case{Name: "join catalogue shared key", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			df, rep, err := clean.Join(t["censo"], t["catalogo"], clean.Left)
			return df, []clean.JoinReport{rep}, err
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("censo").Join(e.Table("catalogo"), clean.Left)
		}},
		Case{Name: "story filter group join rate", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			f, _, err := clean.Filter(t["homicidios"], func(r clean.Row) bool { return r.Int("year") == 2010 })
			if err != nil {
				return f, nil, err
			}
			g, err := analyze.GroupBy(f, "long_name").Agg(analyze.Sum("averiguaciones"), analyze.Count(), analyze.Max("rate"))
			if err != nil {
				return g, nil, err
			}
			j, rep, err := clean.Join(g, t["censo"], clean.Left, "long_name")
			if err != nil {
				return j, nil, err
			}
			out, err := analyze.Rate(j, "averiguaciones_sum", "pob_total_2020", 100_000, "tasa")
			return out, []clean.JoinReport{rep}, err
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("homicidios").Filter(engine.Eq("year", 2010)).
				GroupBy("long_name").Agg(analyze.Sum("averiguaciones"), analyze.Count(), analyze.Max("rate")).
				Join(e.Table("censo"), clean.Left, "long_name").
				Rate("averiguaciones_sum", "pob_total_2020", 100_000, "tasa")
		}},
		Case{Name: "two joins", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			a, r1, err := clean.Join(t["raro_der"], t["raro_der"], clean.Inner, "cve")
			if err != nil {
				return a, nil, err
			}
			b, r2, err := clean.Join(a, t["raro"], clean.Full, "cve")
			return b, []clean.JoinReport{r1, r2}, err
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro_der").Join(e.Table("raro_der"), clean.Inner, "cve").Join(e.Table("raro"), clean.Full, "cve")
		}},
		Case{Name: "rename select join", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			cat := t["catalogo"].Rename("cve_ent", "cve_geo")
			censo := t["censo"].Select([]string{"cve_geo", "pob_total_2020"}).Rename("cve_ent", "cve_geo")
			df, rep, err := clean.Join(censo, cat, clean.Inner, "cve_ent")
			return df, []clean.JoinReport{rep}, err
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("censo").Select("cve_geo", "pob_total_2020").Rename(map[string]string{"cve_geo": "cve_ent"}).
				Join(e.Table("catalogo").Rename(map[string]string{"cve_geo": "cve_ent"}), clean.Inner, "cve_ent")
		}},
		Case{Name: "semi then left join", Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			a, r1, err := clean.Join(t["raro"], t["raro_der"], clean.Anti, "cve")
			if err != nil {
				return a, nil, err
			}
			b, r2, err := clean.Join(a, t["raro_der"], clean.Left, "cve")
			return b, []clean.JoinReport{r1, r2}, err
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("raro").Join(e.Table("raro_der"), clean.Anti, "cve").Join(e.Table("raro_der"), clean.Left, "cve")
		}},
		Case{Name: "quantiles", Skip: []engine.Dialect{engine.SQLite}, Memory: func(t map[string]dataframe.DataFrame) (dataframe.DataFrame, []clean.JoinReport, error) {
			return mem(analyze.GroupBy(t["homicidios"], "name").Agg(analyze.Median("rate"), analyze.Quantile("averiguaciones", 0.9), analyze.Std("rate")))
		}, Engine: func(e *engine.Engine) *engine.Query {
			return e.Table("homicidios").GroupBy("name").Agg(analyze.Median("rate"), analyze.Quantile("averiguaciones", 0.9), analyze.Std("rate"))
		}},
	)
	return cases
}

func clean1(df dataframe.DataFrame, _ clean.Report, err error) (dataframe.DataFrame, []clean.JoinReport, error) {
	return df, nil, err
}
