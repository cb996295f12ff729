package fetch_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/fetch"
)

// A Data Package v1 resource read by its Table Schema: "%d/%m/%Y" dates
// become ISO, "N/D" is missing because the schema says so, "1,425,607"
// (groupChar ",") is an integer and "1425,6" (decimalChar ",") a number;
// the code keeps its zero.
func ExampleReadPackage() {
	df, err := fetch.ReadPackage("testdata/datapackage/v1/datapackage.json", "estados")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Types())
	for _, row := range df.Subset([]int{0, 3}).Records()[1:] {
		fmt.Println(row)
	}
	// Output:
	// [string string string int int float]
	// [01 Aguascalientes 2020-03-15 1425607 696683 1425.600000]
	// [04 Campeche NaN 928363 456939 928.400000]
}
