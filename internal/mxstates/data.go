package mxstates

// All is the catalogue of the 32 states in INEGI order. Names are those
// of the INEGI Marco Geoestadístico (NOM_ENT); Abbr is INEGI's NOM_ABR
// without dots and in upper case; ISO is ISO 3166-2:MX; Alpha3 is the
// three-letter code used by ISO 3166-2 without its "MX-" prefix and by
// México Evalúa and many civil-society files; CURP is the two-letter code
// of the Registro Nacional de Población (also used by the Secretaría de
// Salud's COVID-19 data).
var All = []State{
	{Code: "01", Name: "Aguascalientes", Short: "Aguascalientes", Abbr: "AGS", ISO: "MX-AGU", Alpha3: "AGU", CURP: "AS"},
	{Code: "02", Name: "Baja California", Short: "Baja California", Abbr: "BC", ISO: "MX-BCN", Alpha3: "BCN", CURP: "BC"},
	{Code: "03", Name: "Baja California Sur", Short: "Baja California Sur", Abbr: "BCS", ISO: "MX-BCS", Alpha3: "BCS", CURP: "BS"},
	{Code: "04", Name: "Campeche", Short: "Campeche", Abbr: "CAMP", ISO: "MX-CAM", Alpha3: "CAM", CURP: "CC"},
	{Code: "05", Name: "Coahuila de Zaragoza", Short: "Coahuila", Abbr: "COAH", ISO: "MX-COA", Alpha3: "COA", CURP: "CL"},
	{Code: "06", Name: "Colima", Short: "Colima", Abbr: "COL", ISO: "MX-COL", Alpha3: "COL", CURP: "CM"},
	{Code: "07", Name: "Chiapas", Short: "Chiapas", Abbr: "CHIS", ISO: "MX-CHP", Alpha3: "CHP", CURP: "CS"},
	{Code: "08", Name: "Chihuahua", Short: "Chihuahua", Abbr: "CHIH", ISO: "MX-CHH", Alpha3: "CHH", CURP: "CH"},
	{Code: "09", Name: "Ciudad de México", Short: "Ciudad de México", Abbr: "CDMX", ISO: "MX-CMX", Alpha3: "CMX", CURP: "DF"},
	{Code: "10", Name: "Durango", Short: "Durango", Abbr: "DGO", ISO: "MX-DUR", Alpha3: "DUR", CURP: "DG"},
	{Code: "11", Name: "Guanajuato", Short: "Guanajuato", Abbr: "GTO", ISO: "MX-GUA", Alpha3: "GUA", CURP: "GT"},
	{Code: "12", Name: "Guerrero", Short: "Guerrero", Abbr: "GRO", ISO: "MX-GRO", Alpha3: "GRO", CURP: "GR"},
	{Code: "13", Name: "Hidalgo", Short: "Hidalgo", Abbr: "HGO", ISO: "MX-HID", Alpha3: "HID", CURP: "HG"},
	{Code: "14", Name: "Jalisco", Short: "Jalisco", Abbr: "JAL", ISO: "MX-JAL", Alpha3: "JAL", CURP: "JC"},
	{Code: "15", Name: "México", Short: "Estado de México", Abbr: "MEX", ISO: "MX-MEX", Alpha3: "MEX", CURP: "MC"},
	{Code: "16", Name: "Michoacán de Ocampo", Short: "Michoacán", Abbr: "MICH", ISO: "MX-MIC", Alpha3: "MIC", CURP: "MN"},
	{Code: "17", Name: "Morelos", Short: "Morelos", Abbr: "MOR", ISO: "MX-MOR", Alpha3: "MOR", CURP: "MS"},
	{Code: "18", Name: "Nayarit", Short: "Nayarit", Abbr: "NAY", ISO: "MX-NAY", Alpha3: "NAY", CURP: "NT"},
	{Code: "19", Name: "Nuevo León", Short: "Nuevo León", Abbr: "NL", ISO: "MX-NLE", Alpha3: "NLE", CURP: "NL"},
	{Code: "20", Name: "Oaxaca", Short: "Oaxaca", Abbr: "OAX", ISO: "MX-OAX", Alpha3: "OAX", CURP: "OC"},
	{Code: "21", Name: "Puebla", Short: "Puebla", Abbr: "PUE", ISO: "MX-PUE", Alpha3: "PUE", CURP: "PL"},
	{Code: "22", Name: "Querétaro", Short: "Querétaro", Abbr: "QRO", ISO: "MX-QUE", Alpha3: "QUE", CURP: "QT"},
	{Code: "23", Name: "Quintana Roo", Short: "Quintana Roo", Abbr: "QROO", ISO: "MX-ROO", Alpha3: "ROO", CURP: "QR"},
	{Code: "24", Name: "San Luis Potosí", Short: "San Luis Potosí", Abbr: "SLP", ISO: "MX-SLP", Alpha3: "SLP", CURP: "SP"},
	{Code: "25", Name: "Sinaloa", Short: "Sinaloa", Abbr: "SIN", ISO: "MX-SIN", Alpha3: "SIN", CURP: "SL"},
	{Code: "26", Name: "Sonora", Short: "Sonora", Abbr: "SON", ISO: "MX-SON", Alpha3: "SON", CURP: "SR"},
	{Code: "27", Name: "Tabasco", Short: "Tabasco", Abbr: "TAB", ISO: "MX-TAB", Alpha3: "TAB", CURP: "TC"},
	{Code: "28", Name: "Tamaulipas", Short: "Tamaulipas", Abbr: "TAMPS", ISO: "MX-TAM", Alpha3: "TAM", CURP: "TS"},
	{Code: "29", Name: "Tlaxcala", Short: "Tlaxcala", Abbr: "TLAX", ISO: "MX-TLA", Alpha3: "TLA", CURP: "TL"},
	{Code: "30", Name: "Veracruz de Ignacio de la Llave", Short: "Veracruz", Abbr: "VER", ISO: "MX-VER", Alpha3: "VER", CURP: "VZ"},
	{Code: "31", Name: "Yucatán", Short: "Yucatán", Abbr: "YUC", ISO: "MX-YUC", Alpha3: "YUC", CURP: "YN"},
	{Code: "32", Name: "Zacatecas", Short: "Zacatecas", Abbr: "ZAC", ISO: "MX-ZAC", Alpha3: "ZAC", CURP: "ZS"},
}

// Variants lists other spellings seen in real files, by state code. Every
// entry is matched after folding (case, accents, punctuation and spacing
// ignored), so "Edo. de México", "EDO DE MEXICO" and "edo de mexico" are one
// entry.
var Variants = map[string][]string{
	"01": {"Ags"},
	"02": {"Baja California Norte", "BCN", "B.C.", "Baja Calif"},
	"03": {"B.C.S.", "Baja Calif Sur"},
	"04": {"Camp"},
	"05": {"Coahuila de Zaragoza", "Coah"},
	"06": {"Col"},
	"07": {"Chis"},
	"08": {"Chih"},
	"09": {"CDMX", "Cd. de México", "Cd. México", "Ciudad de Mexico", "Distrito Federal", "D.F.", "DF", "DIF", "Mexico City", "Ciudad Mexico", "Mexico D.F.", "CMX", "Cd Mx", "CD MX"},
	"10": {"Dgo"},
	"11": {"Gto"},
	"12": {"Gro"},
	"13": {"Hgo"},
	"14": {"Jal"},
	"15": {"Estado de México", "Edo. de México", "Edo. México", "Edo Mex", "Edo. Méx.", "Edomex", "Edoméx", "Estado de Mexico", "Mex", "Méx.", "Mexico (Estado)", "México, Estado de", "Mexico Estado", "Estado Mexico",
		"Edo. de Méx.", "Estado de Méx.", "Est. de México", "Edo. Mex.", "State of Mexico", "Mexico State", "Edo Mexico"},
	"16": {"Michoacán", "Michoacán de Ocampo", "Mich", "Michoacan Ocampo"},
	"17": {"Mor"},
	"18": {"Nay"},
	"19": {"N.L.", "N. León", "Nvo. León", "Nuevo Leon"},
	"20": {"Oax"},
	"21": {"Pue"},
	"22": {"Querétaro de Arteaga", "Queretaro Arteaga", "Qro", "Qro."},
	"23": {"Q. Roo", "Q Roo", "QRoo", "Quintana Roo"},
	"24": {"S.L.P.", "San Luis Potosi", "S L P"},
	"25": {"Sin"},
	"26": {"Son"},
	"27": {"Tab"},
	"28": {"Tamps", "Tamp"},
	"29": {"Tlax"},
	"30": {"Veracruz", "Veracruz-Llave", "Veracruz Llave", "Veracruz de Ignacio de la", "Veracruz de Ignacio", "Veracruz Ignacio de la Llave", "Ver"},
	"31": {"Yuc"},
	"32": {"Zac"},
}

// NationalNames are the ways files label the national total.
var NationalNames = []string{
	"00", "0", "Nacional", "Total nacional", "Total", "República Mexicana", "Republica Mexicana",
	"Estados Unidos Mexicanos", "EUM", "Total de la República", "Total República", "Nacional total",
}
