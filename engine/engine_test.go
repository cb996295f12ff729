package engine_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/engine/enginetest"
	"github.com/go-gota/gota/series"
	_ "modernc.org/sqlite"
)

// openSQLite opens a private in-memory SQLite database.
func openSQLite(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSQLite runs the differential suite on SQLite.
func TestSQLite(t *testing.T) {
	enginetest.Run(t, openSQLite(t), engine.SQLite)
}

// TestForeignTable reads a table that Load did not write: its types come
// from the declared column types, its dates come back as ISO text, and its
// groups, with no stored row order, are sorted on request.
func TestForeignTable(t *testing.T) {
	db := openSQLite(t)
	ctx := context.Background()
	for _, s := range []string{
		`CREATE TABLE "defunciones" ("cve_ent" TEXT, "edad" INTEGER, "peso" REAL, "fecha" DATE, "vivo" BOOLEAN)`,
		`INSERT INTO "defunciones" VALUES ('09', 71, 60.5, '2021-01-05', 0), ('15', 50, NULL, '2021-02-01', 0), ('09', NULL, 70.25, NULL, 1)`,
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	e, err := engine.Open(db, engine.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	df, _, err := e.Table("defunciones").Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]series.Type{"cve_ent": series.String, "edad": series.Int, "peso": series.Float, "fecha": series.String, "vivo": series.Bool}
	for name, typ := range want {
		if got := df.Col(name).Type(); got != typ {
			t.Errorf("%s: type %s, want %s", name, got, typ)
		}
	}
	if got := df.Col("fecha").Records(); got[0] != "2021-01-05" || got[1] != "2021-02-01" {
		t.Errorf("fecha = %q, want ISO dates", got)
	}
	g, _, err := e.Table("defunciones").GroupBy("cve_ent").Sorted().Agg(analyze.Count(), analyze.Sum("edad"), analyze.Mean("peso")).Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(g.Col("cve_ent").Records(), g.Col("count").Records(), g.Col("edad_sum").Records(), g.Col("peso_mean").Records()); got != "[09 15] [2 1] [71 50] [65.375000 NaN]" {
		t.Errorf("groups: %s", got)
	}
}
