package engine_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/fetch"
	_ "modernc.org/sqlite"
)

// Homicidios por estado en 2013, unidos a la población del Censo 2020 y
// convertidos en tasa por 100 mil habitantes, calculados dentro de SQLite:
// sólo el resultado (32 filas) vuelve a Go, con el reporte de la unión.
func Example() {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	e, err := engine.Open(db, engine.SQLite)
	if err != nil {
		log.Fatal(err)
	}
	hom, err := fetch.ReadCSVFile("enginetest/testdata/mexicoevalua_homicidios_estado_1997_2013.csv")
	if err != nil {
		log.Fatal(err)
	}
	pob, err := fetch.ReadCSVFile("enginetest/testdata/censo2020_poblacion_estatal.csv")
	if err != nil {
		log.Fatal(err)
	}
	pob = pob.Rename("long_name", "nombre_estado_inegi")
	if err := e.Load(ctx, "homicidios", hom); err != nil {
		log.Fatal(err)
	}
	if err := e.Load(ctx, "poblacion", pob); err != nil {
		log.Fatal(err)
	}

	q := e.Table("homicidios").
		Filter(engine.Eq("year", 2013)).
		GroupBy("long_name").Agg(analyze.Sum("averiguaciones")).
		Join(e.Table("poblacion"), clean.Left, "long_name").
		Rate("averiguaciones_sum", "pob_total_2020", 100_000, "tasa")
	df, rep, err := q.Collect(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(df.Nrow(), "estados")
	for i := 0; i < 3; i++ {
		fmt.Printf("%s: %d homicidios, tasa %.1f\n", df.Col("long_name").Elem(i), df.Col("averiguaciones_sum").Elem(i).Val(), df.Col("tasa").Elem(i).Float())
	}
	fmt.Print(rep.Joins[0])
	// Output:
	// 32 estados
	// Aguascalientes: 39 homicidios, tasa 2.7
	// Baja California: 775 homicidios, tasa 20.6
	// Baja California Sur: 56 homicidios, tasa 7.0
	// clean: left join on "long_name": left 32 rows, right 33 rows → 32 rows (one-to-one)
	//   matched: 30 left rows, 30 right rows
	//   left keys with no match: 2 (2 rows)
	//     "Distrito Federal" ×1
	//     "Estado de México" ×1  closest: "México", "Ciudad de México"
	//   right keys with no match: 3 (3 rows)
	//     "Ciudad de México" ×1  closest: "Estado de México"
	//     "México" ×1  closest: "Estado de México"
	//     "Nacional" ×1
}

// La consulta compilada, una CTE por paso, para la nota metodológica: los
// nombres van entre comillas y los valores como parámetros.
func ExampleQuery_SQL() {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	e, err := engine.Open(db, engine.SQLite)
	if err != nil {
		log.Fatal(err)
	}
	hom, err := fetch.ReadCSVFile("enginetest/testdata/mexicoevalua_homicidios_estado_1997_2013.csv")
	if err != nil {
		log.Fatal(err)
	}
	if err := e.Load(ctx, "homicidios", hom); err != nil {
		log.Fatal(err)
	}
	q := e.Table("homicidios").
		Filter(engine.In("name", "DIF", "MEX")).
		GroupBy("year").Agg(analyze.Sum("averiguaciones"))
	text, err := q.SQL()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(text)
	// Output:
	// WITH
	//   s1_table AS (
	//     SELECT "state_code", "year", "group", "averiguaciones", "population", "rate", "name", "long_name", "_cifra_row"
	//     FROM "homicidios"
	//   ),
	//   s2_filter AS (
	//     SELECT *
	//     FROM s1_table
	//     WHERE "name" IN (?, ?)
	//   ),
	//   s3_group AS (
	//     SELECT "year",
	//       SUM("averiguaciones") AS "averiguaciones_sum",
	//       MIN("_cifra_row") AS "_cifra_row"
	//     FROM s2_filter
	//     GROUP BY "year"
	//   )
	// SELECT "year", "averiguaciones_sum"
	// FROM s3_group
	// ORDER BY "_cifra_row"
	// -- parameters: 1 = 'DIF', 2 = 'MEX'
}
