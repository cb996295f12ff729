package clean_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean"
)

// Supplier names from Compranet contracts, spelled several ways.
func ExampleClusters() {
	suppliers := []string{
		"GRUPO COMERCIAL REYFE SA DE CV",
		"GRUPO COMERCIAL REYFE, S.A. DE C.V.",
		"GRUPO COMERCIAL REYFE SA DE CV",
		"Construcción Eficiente, S.A de C.V.",
		"CONSTRUCCION EFICIENTE SA DE CV",
		"CONSTRUCCION EFICIENTE SA DE CV",
		"UNIVERSIDAD LA SALLE, A.C.",
	}
	for _, c := range clean.Clusters(suppliers, clean.Fingerprint) {
		fmt.Printf("%s (%d rows)\n", c.Canonical, c.Rows)
		for _, v := range c.Values {
			fmt.Printf("  %d × %s\n", v.Count, v.Value)
		}
	}
	// Output:
	// GRUPO COMERCIAL REYFE SA DE CV (3 rows)
	//   2 × GRUPO COMERCIAL REYFE SA DE CV
	//   1 × GRUPO COMERCIAL REYFE, S.A. DE C.V.
	// CONSTRUCCION EFICIENTE SA DE CV (3 rows)
	//   2 × CONSTRUCCION EFICIENTE SA DE CV
	//   1 × Construcción Eficiente, S.A de C.V.
}

// Nearest finds typos that keys cannot.
func ExampleClusters_nearest() {
	names := []string{"CLAVER SERVICIOS", "CLAVER SEVICIOS", "REPRESENTACIONES MD", "REPRESENTACIONES WL"}
	for _, c := range clean.Clusters(names, clean.Nearest) {
		fmt.Println(c.Canonical, "←", c.Values[1].Value, "distance", c.Distance)
	}
	// Output:
	// CLAVER SERVICIOS ← CLAVER SEVICIOS distance 1
}

func ExampleFingerprintKey() {
	fmt.Println(clean.FingerprintKey("Constructora Pérez, S.A. de C.V."))
	fmt.Println(clean.FingerprintKey("PEREZ CONSTRUCTORA SA DE CV"))
	// Output:
	// constructora perez
	// constructora perez
}

func ExampleLegalForm() {
	fmt.Println(clean.LegalForm("Servicios Integrales, S. de R.L. de C.V."))
	// Output:
	// servicios integrales S. de R.L. de C.V.
}

func ExampleMapping() {
	clusters := clean.Clusters([]string{"Distribuciones Limonta SA de CV", "DISTRIBUCIONES LIMONTA, S.A. DE C.V.", "DISTRIBUCIONES LIMONTA, S.A. DE C.V."}, clean.Fingerprint)
	fmt.Println(clean.Mapping(clusters))
	// Output:
	// map[Distribuciones Limonta SA de CV:DISTRIBUCIONES LIMONTA, S.A. DE C.V.]
}
