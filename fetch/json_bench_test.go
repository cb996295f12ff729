package fetch

import (
	"bytes"
	"fmt"
	"testing"
)

// jsonBenchRecords generates about size bytes of an array of records
// shaped like a procurement dataset: text, codes, amounts written as
// numbers and as strings, dates, a nested object, an array and nulls.
func jsonBenchRecords(size int) []byte {
	states := []string{"Jalisco", "Ciudad de México", "Nuevo León", "Oaxaca", "Yucatán", "México"}
	var b bytes.Buffer
	b.WriteByte('[')
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id":%d,"cve_ent":"%02d","entidad":%q,"monto":%d.%02d,"importe":"%d","fecha":"2024-%02d-%02d",`+
			`"proveedor":{"rfc":"ABC%06dXY1","nombre":"Proveedora \"%d\" S.A. de C.V."},"partidas":[%d,%d],"nota":null,"activo":%t}`,
			i, i%32+1, states[i%len(states)], i*37%100000, i%100, i*13, i%12+1, i%28+1, i, i, i%7, i%11, i%3 == 0)
	}
	b.WriteByte(']')
	return b.Bytes()
}

// BenchmarkReadJSON reads a generated 20 MB array of records.
func BenchmarkReadJSON(b *testing.B) {
	data := jsonBenchRecords(20 << 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadJSON(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
