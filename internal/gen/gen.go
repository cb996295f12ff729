package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"strconv"

	"golang.org/x/text/encoding/charmap"
)

// Header is the header line of both files.
const Header = "id,fecha,cve_ent,estado,dependencia,proveedor,tipo_procedimiento,importe,moneda"

// State is one of the 32 states: its INEGI code and official short name.
type State struct{ Code, Name string }

// States lists the 32 states in code order.
var States = []State{
	{"01", "Aguascalientes"}, {"02", "Baja California"}, {"03", "Baja California Sur"},
	{"04", "Campeche"}, {"05", "Coahuila de Zaragoza"}, {"06", "Colima"}, {"07", "Chiapas"},
	{"08", "Chihuahua"}, {"09", "Ciudad de México"}, {"10", "Durango"}, {"11", "Guanajuato"},
	{"12", "Guerrero"}, {"13", "Hidalgo"}, {"14", "Jalisco"}, {"15", "México"},
	{"16", "Michoacán de Ocampo"}, {"17", "Morelos"}, {"18", "Nayarit"}, {"19", "Nuevo León"},
	{"20", "Oaxaca"}, {"21", "Puebla"}, {"22", "Querétaro"}, {"23", "Quintana Roo"},
	{"24", "San Luis Potosí"}, {"25", "Sinaloa"}, {"26", "Sonora"}, {"27", "Tabasco"},
	{"28", "Tamaulipas"}, {"29", "Tlaxcala"}, {"30", "Veracruz de Ignacio de la Llave"},
	{"31", "Yucatán"}, {"32", "Zacatecas"},
}

// variants are spellings of some state names seen in government files.
var variants = map[string][]string{
	"09": {"CDMX", "Distrito Federal", "CIUDAD DE MEXICO", "Cd. de México"},
	"15": {"Estado de México", "Edo. de México", "MEXICO", "Edomex"},
	"16": {"Michoacán", "MICHOACAN DE OCAMPO", "Michoacan"},
	"30": {"Veracruz", "VERACRUZ DE IGNACIO DE LA LLAVE", "Veracruz-Llave"},
	"05": {"Coahuila", "COAHUILA"},
	"19": {"Nuevo Leon", "NUEVO LEÓN"},
}

// Procedures are the procedure types.
var Procedures = []string{"Adjudicación Directa", "Licitación Pública", "Invitación a 3", "Otro"}

var agencies = []string{
	"Secretaría de Salud", "Instituto Mexicano del Seguro Social", "Comisión Federal de Electricidad",
	"Petróleos Mexicanos", "Secretaría de Educación Pública", "Secretaría de Comunicaciones y Transportes",
	"Secretaría de la Defensa Nacional", "Secretaría de Marina", "Instituto de Seguridad y Servicios Sociales",
	"Comisión Nacional del Agua", "Secretaría de Hacienda y Crédito Público", "Secretaría de Bienestar",
	"Instituto Nacional Electoral", "Servicio de Administración Tributaria", "Secretaría de Economía",
	"Secretaría de Agricultura y Desarrollo Rural", "Secretaría de Energía", "Secretaría de Turismo",
	"Instituto Nacional de Cancerología", "Hospital General de México", "Aeropuertos y Servicios Auxiliares",
	"Caminos y Puentes Federales", "Lotería Nacional", "Banco del Bienestar",
}

var firstParts = []string{"Grupo", "Comercializadora", "Constructora", "Servicios", "Distribuidora", "Consultoría", "Tecnología", "Laboratorios", "Proveedora", "Ingeniería"}
var midParts = []string{"Azteca", "del Norte", "Peninsular", "del Bajío", "Integral", "Nacional", "Médica", "Industrial", "del Pacífico", "Global", "Omega", "Alfa", "Santa Fe", "Occidente", "Universal"}
var tails = []string{" ", " y Asociados ", " Hermanos ", " de México "}
var suffixes = []string{"S.A. de C.V.", "SA DE CV", "S. de R.L. de C.V.", "S.C.", "S.A.P.I. de C.V."}

// supplier returns the name of supplier k (deterministic).
func supplier(k int) string {
	return firstParts[k%len(firstParts)] + " " + midParts[(k/len(firstParts))%len(midParts)] + " " +
		strconv.Itoa(k/(len(firstParts)*len(midParts))) + tails[k%len(tails)] + suffixes[k%len(suffixes)]
}

// row holds one generated contract.
type row struct {
	id, day, month, year, state, agency, supplier, proc int
	cents                                               int64
	usd                                                 bool
}

func next(r *rand.Rand, i int) row {
	x := row{id: i + 1, day: 1 + r.Intn(28), month: 1 + r.Intn(12), year: 2019 + r.Intn(5)}
	x.state = r.Intn(len(States))
	x.agency = r.Intn(len(agencies))
	x.supplier = r.Intn(5000)
	x.proc = r.Intn(len(Procedures))
	x.cents = int64(r.ExpFloat64()*500000*100) + 100
	x.usd = r.Intn(50) == 0
	return x
}

// Contracts writes the clean file: UTF-8, LF, a header and n rows; amounts
// as plain decimals ("1234.56").
func Contracts(w io.Writer, n int, seed int64) error {
	return write(w, n, seed, false)
}

// ContractsMessy writes the messy twin of Contracts with the same seed:
// Windows-1252, CRLF, amounts as "$1,234.56" (quoted) with about 1% "N/D",
// and state names in variant spellings for about a fifth of the rows.
func ContractsMessy(w io.Writer, n int, seed int64) error {
	return write(w, n, seed, true)
}

func write(w io.Writer, n int, seed int64, messy bool) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var out io.Writer = bw
	if messy {
		out = charmap.Windows1252.NewEncoder().Writer(bw)
	}
	eol := "\n"
	if messy {
		eol = "\r\n"
	}
	r := rand.New(rand.NewSource(seed))
	mr := rand.New(rand.NewSource(seed ^ 0x5eed)) // messiness, apart from the rows
	buf := make([]byte, 0, 512)
	buf = append(buf, Header...)
	buf = append(buf, eol...)
	for i := 0; i < n; i++ {
		x := next(r, i)
		buf = fmt.Appendf(buf, "CT-%04d-%03d-%07d,%02d/%02d/%04d,", x.year, x.agency*7%1000, x.id, x.day, x.month, x.year)
		st := States[x.state]
		name := st.Name
		if v := variants[st.Code]; messy && len(v) > 0 && mr.Intn(10) < 2 {
			name = v[mr.Intn(len(v))]
		}
		buf = append(buf, st.Code...)
		buf = append(buf, ',')
		buf = append(buf, name...)
		buf = append(buf, ',')
		buf = append(buf, agencies[x.agency]...)
		buf = append(buf, ',', '"')
		buf = append(buf, supplier(x.supplier)...)
		buf = append(buf, '"', ',')
		buf = append(buf, Procedures[x.proc]...)
		buf = append(buf, ',')
		switch {
		case messy && mr.Intn(100) == 0:
			buf = append(buf, "N/D"...)
		case messy:
			buf = append(buf, '"', '$')
			buf = appendGrouped(buf, x.cents)
			buf = append(buf, '"')
		default:
			buf = strconv.AppendInt(buf, x.cents/100, 10)
			buf = append(buf, '.')
			c := x.cents % 100
			buf = append(buf, byte('0'+c/10), byte('0'+c%10))
		}
		if x.usd {
			buf = append(buf, ",USD"...)
		} else {
			buf = append(buf, ",MXN"...)
		}
		buf = append(buf, eol...)
		if len(buf) > 256 {
			if _, err := out.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := out.Write(buf); err != nil {
		return err
	}
	if c, ok := out.(io.Closer); ok {
		if err := c.Close(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// appendGrouped appends cents as "1,234.56".
func appendGrouped(b []byte, cents int64) []byte {
	s := strconv.FormatInt(cents/100, 10)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	c := cents % 100
	return append(b, '.', byte('0'+c/10), byte('0'+c%10))
}
