package fetch_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/fetch"
)

// A file shipped with a story has no download record; Describe gives it
// one, for the methodology note.
func ExampleDescribe() {
	data := []byte("cve_ent,entidad\n01,Aguascalientes\n")
	r := fetch.Describe("data/entidades.csv", data)
	fmt.Println(r.Path, r.Size, "bytes")
	fmt.Println("SHA-256", r.SHA256)
	// Output:
	// data/entidades.csv 34 bytes
	// SHA-256 3dfb31b06c9fc2491f91590260620b614ebfa716d8899a5c92ba0d9583c3af37
}
