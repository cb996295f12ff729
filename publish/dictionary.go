package publish

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
)

// typeNames are the Table Schema types in the dictionary's Spanish.
var typeNames = map[string]string{
	"string":    "texto",
	"integer":   "entero",
	"number":    "número decimal",
	"boolean":   "lógico (true/false)",
	"date":      "fecha (AAAA-MM-DD)",
	"yearmonth": "año y mes (AAAA-MM)",
	"year":      "año (AAAA)",
	"datetime":  "fecha y hora (AAAA-MM-DDThh:mm:ss)",
}

// dictionaryHeader are the columns of diccionario.csv.
var dictionaryHeader = []string{"tabla", "columna", "titulo", "descripcion", "tipo", "tipo_table_schema", "unidad",
	"obligatorio", "unico", "minimo", "maximo", "patron", "categorias", "llave", "ejemplo", "faltantes"}

func keyOf(r resource, f string) string {
	var parts []string
	for _, k := range r.Schema.PrimaryKey {
		if k == f {
			parts = append(parts, "primaria")
		}
	}
	for _, fk := range r.Schema.ForeignKeys {
		for i, k := range fk.Fields {
			if k == f {
				to := fk.Reference.Resource
				if to == "" {
					to = r.Name
				}
				parts = append(parts, "foránea → "+to+"."+fk.Reference.Fields[i])
			}
		}
	}
	return strings.Join(parts, "; ")
}

func siNo(b bool) string {
	if b {
		return "sí"
	}
	return "no"
}

func valueText(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

func categoriesText(cs []any) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprint(c)
	}
	return strings.Join(parts, " | ")
}

// dictionaryCSV writes diccionario.csv: one row per column of every table.
func dictionaryCSV(d descriptor) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(dictionaryHeader)
	for _, r := range d.Resources {
		for _, f := range r.Schema.Fields {
			c := constraints{}
			if f.Constraints != nil {
				c = *f.Constraints
			}
			_ = w.Write([]string{r.Name, f.Name, f.Title, f.Description, typeNames[f.Type], f.Type, f.unit,
				siNo(c.Required), siNo(c.Unique), valueText(c.Minimum), valueText(c.Maximum), c.Pattern,
				categoriesText(f.Categories), keyOf(r, f.Name), f.sample, fmt.Sprint(f.nMiss)})
		}
	}
	w.Flush()
	return b.Bytes()
}

// dictionaryMarkdown writes diccionario.md, the dictionary for people.
func dictionaryMarkdown(p *Package, d descriptor) []byte {
	var b strings.Builder
	title := d.Title
	if title == "" {
		title = d.Name
	}
	fmt.Fprintf(&b, "# Diccionario de datos: %s\n\n", mdEscape(title))
	if d.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", d.Description)
	}
	fmt.Fprintf(&b, "- Identificador: `%s`\n", d.Name)
	if p.publisher != "" {
		fmt.Fprintf(&b, "- Publica: %s\n", p.publisher)
	}
	if p.contactName != "" || p.contactEmail != "" {
		fmt.Fprintf(&b, "- Contacto: %s", p.contactName)
		if p.contactEmail != "" {
			fmt.Fprintf(&b, " <%s>", p.contactEmail)
		}
		b.WriteString("\n")
	}
	if p.temporal != "" {
		fmt.Fprintf(&b, "- Periodo: %s\n", p.temporal)
	}
	if p.spatial != "" {
		fmt.Fprintf(&b, "- Cobertura geográfica: %s\n", p.spatial)
	}
	if p.periodicity != "" {
		fmt.Fprintf(&b, "- Periodicidad de actualización: %s\n", periodicityText(p.periodicity))
	}
	for _, l := range d.Licenses {
		fmt.Fprintf(&b, "- Licencia: %s", l.Title)
		if l.Path != "" {
			fmt.Fprintf(&b, " (%s)", l.Path)
		}
		b.WriteString("\n")
	}
	if len(d.Sources) > 0 {
		b.WriteString("- Fuentes:\n")
		for _, s := range d.Sources {
			fmt.Fprintf(&b, "  - %s", s.Title)
			if s.Path != "" {
				fmt.Fprintf(&b, ", <%s>", s.Path)
			}
			if s.Hash != "" {
				fmt.Fprintf(&b, " (%s)", s.Hash)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\nTodos los archivos están en UTF-8, separados por comas, con una fila de encabezado. " +
		"Una celda vacía es un valor faltante (no un cero). Las claves se escriben como texto con sus ceros a la izquierda " +
		"y las fechas en ISO 8601. `datapackage.json` describe lo mismo en el estándar Frictionless Data Package v2.\n")
	for _, r := range d.Resources {
		rt := r.Title
		if rt == "" {
			rt = r.Name
		}
		fmt.Fprintf(&b, "\n## %s (`%s`)\n\n", mdEscape(rt), r.Path)
		if r.Description != "" {
			fmt.Fprintf(&b, "%s\n\n", r.Description)
		}
		fmt.Fprintf(&b, "%s bytes; SHA-256 `%s`.", thousands(r.Bytes), strings.TrimPrefix(r.Hash, "sha256:"))
		if len(r.Schema.PrimaryKey) > 0 {
			fmt.Fprintf(&b, " Cada fila se identifica por: %s.", codeList(r.Schema.PrimaryKey))
		}
		b.WriteString("\n\n| columna | tipo | descripción | valores |\n|---|---|---|---|\n")
		for _, f := range r.Schema.Fields {
			desc := f.Description
			if f.Title != "" {
				desc = "**" + f.Title + ".** " + desc
			}
			if f.unit != "" {
				desc += " Unidad: " + f.unit + "."
			}
			if k := keyOf(r, f.Name); k != "" {
				desc += " Llave " + k + "."
			}
			if strings.TrimSpace(desc) == "" {
				desc = "(sin descripción)"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Name, typeNames[f.Type], mdEscape(strings.TrimSpace(desc)), mdEscape(valuesText(f)))
		}
	}
	return []byte(b.String())
}

// valuesText summarises a field's values for the dictionary.
func valuesText(f field) string {
	var parts []string
	c := constraints{}
	if f.Constraints != nil {
		c = *f.Constraints
	}
	if len(f.Categories) > 0 {
		parts = append(parts, "uno de: "+categoriesText(f.Categories))
	}
	if c.Pattern != "" {
		parts = append(parts, "patrón "+c.Pattern)
	}
	if c.Minimum != nil || c.Maximum != nil {
		parts = append(parts, fmt.Sprintf("de %s a %s", readable(c.Minimum), readable(c.Maximum)))
	}
	if c.Unique {
		parts = append(parts, "sin repetir")
	}
	if c.Required {
		parts = append(parts, "nunca vacío")
	} else if f.nMiss > 0 {
		parts = append(parts, fmt.Sprintf("%s vacíos", thousands(int64(f.nMiss))))
	}
	if len(f.Categories) == 0 && f.sample != "" {
		parts = append(parts, "ej. "+f.sample)
	}
	return strings.Join(parts, "; ")
}

// readable writes whole numbers with thousands separators for people.
func readable(v any) string {
	switch x := v.(type) {
	case int64:
		return thousands(x)
	case int:
		return thousands(int64(x))
	}
	return valueText(v)
}

func codeList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "`" + x + "`"
	}
	return strings.Join(q, ", ")
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

// thousands writes n with comma thousands separators.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

func periodicityText(p string) string {
	known := map[string]string{"R/P1D": "diaria", "R/P1W": "semanal", "R/P1M": "mensual", "R/P3M": "trimestral",
		"R/P6M": "semestral", "R/P1Y": "anual", "R/P5Y": "quinquenal", "R/P10Y": "decenal", "irregular": "irregular"}
	if t, ok := known[p]; ok {
		return t + " (" + p + ")"
	}
	return p
}
