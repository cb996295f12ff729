package ledger

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Note returns metodologia.md: a methodology note in Spanish that a
// newsroom can publish under the story. It lists the sources (URL, file,
// bytes, SHA-256, retrieval and cut dates, original or processed copy),
// the steps with their reports, a table of the figures (definition, value
// as published, numerator and denominator, n, period, caveats, and blank
// "Verificado por" and "Fecha" columns for the editor's checklist) and,
// for each figure, its unrounded value, rounding, sources, steps, code
// and alternatives.
func (l *Ledger) Note() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	title := l.title
	if title == "" {
		title = "sin título"
	}
	p("# Nota metodológica: %s\n\n", oneLine(title))
	p("Esta nota dice de dónde sale cada cifra publicada: los archivos de datos usados, " +
		"los pasos que los transformaron y, para cada cifra, su definición, el valor tal como se publica, " +
		"los números de los que sale y sus salvedades. La huella SHA-256 identifica cada archivo exacto: " +
		"quien calcule la huella de su copia sabrá si es el mismo archivo, aunque el publicador lo haya reemplazado " +
		"(`sha256sum archivo` en Linux, `shasum -a 256 archivo` en macOS, `Get-FileHash archivo` en Windows).\n\n")

	p("## Fuentes\n\n")
	if len(l.sources) == 0 {
		p("No se registraron fuentes.\n\n")
	}
	for i, s := range l.sources {
		desc := s.Description
		if desc == "" {
			desc = s.key()
		}
		p("%d. **%s**\n", i+1, oneLine(desc))
		if s.URL != "" && s.URL != s.Path {
			p("   - URL: <%s>\n", s.URL)
		} else {
			p("   - URL: no registrada\n")
		}
		if s.Path != "" {
			p("   - Archivo: `%s`\n", s.Path)
		}
		p("   - Tamaño: %s bytes\n", formatNumber(float64(s.Bytes), 0, true))
		p("   - SHA-256: `%s`\n", s.SHA256)
		p("   - Fecha de consulta: %s\n", orText(s.Retrieved, "no registrada"))
		if s.CutDate != "" {
			p("   - Fecha de corte del publicador: %s\n", s.CutDate)
		}
		switch s.Copy {
		case CopyOriginal:
			p("   - Copia: original del publicador\n")
		case CopyProcessed:
			p("   - Copia: procesada%s\n", prefixed(": ", oneLine(s.Processing)))
		default:
			p("   - Copia: no se declaró si es el original del publicador o una copia procesada\n")
		}
		if s.Publisher != "" {
			p("   - Publicador: %s\n", oneLine(s.Publisher))
		}
		if s.License != "" {
			p("   - Licencia: %s\n", oneLine(s.License))
		}
		if s.Warning != "" {
			p("   - Aviso: %s\n", oneLine(s.Warning))
		}
	}
	if len(l.sources) > 0 {
		p("\n")
	}

	p("## Pasos\n\n")
	if len(l.steps) == 0 {
		p("No se registraron pasos.\n\n")
	}
	for i, s := range l.steps {
		p("### %d. %s\n\n", i+1, oneLine(s.Name))
		rep := strings.TrimRight(s.Report, "\n")
		if rep == "" {
			p("Sin reporte.\n\n")
			continue
		}
		fence := fenceFor(rep)
		p("%stext\n%s\n%s\n\n", fence, rep, fence)
	}

	p("## Cifras\n\n")
	if len(l.figures) == 0 {
		p("No se registraron cifras.\n")
		return b.String()
	}
	p("| Cifra | Definición | Valor publicado | Numerador / denominador | n | Periodo | Salvedades | Verificado por | Fecha |\n")
	p("|---|---|---|---|---|---|---|---|---|\n")
	for _, f := range l.figures {
		value := f.Text
		if f.Unit != "" && f.Unit != "%" {
			value += " " + f.Unit
		}
		n := ""
		if f.N != nil {
			n = esNumber(*f.N)
		}
		p("| %s | %s | %s | %s | %s | %s | %s |  |  |\n", cell(f.Name), cell(f.Definition), cell(value),
			cell(ratioText(f)), n, cell(f.Period), cell(strings.Join(caveatsES(f), " ")))
	}
	p("\nLos valores se redondean a la mitad alejándose de cero (85.65 se publica 85.7) " +
		"con los decimales que indica cada cifra; las marcas son las de México (1,234.5).\n\n")

	p("### Origen de cada cifra\n\n")
	for _, f := range l.figures {
		p("- **%s**: %s", oneLine(f.Name), f.Text)
		if f.Unit != "" && f.Unit != "%" {
			p(" %s", oneLine(f.Unit))
		}
		p(" (valor calculado %s; redondeo: %s).\n", plainNumber(f.Value), decimalsES(f.Decimals))
		p("  Fuentes: %s. Pasos: %s. Código: `%s`.\n", listES(l.sourceRefs(f.Sources), "ninguna"), listES(f.Steps, "ninguno"), orText(f.Code, "no registrado"))
		if len(f.Alternatives) > 0 {
			var alts []string
			for _, a := range f.Alternatives {
				alts = append(alts, oneLine(a.Label)+": "+a.Text)
			}
			p("  Sensibilidad: %s.\n", strings.Join(alts, "; "))
		}
	}
	return b.String()
}

// Summary returns a few Spanish lines to print at the end of a story's
// program: how many sources, steps and figures the ledger holds, and each
// figure as published.
func (l *Ledger) Summary() string {
	var b strings.Builder
	small := 0
	for _, f := range l.figures {
		if f.Small {
			small++
		}
	}
	fmt.Fprintf(&b, "Registro de cifras: %s\n", oneLine(l.title))
	fmt.Fprintf(&b, "  %s, %s, %s", plural(len(l.sources), "fuente", "fuentes"), plural(len(l.steps), "paso", "pasos"),
		plural(len(l.figures), "cifra", "cifras"))
	if small > 0 {
		fmt.Fprintf(&b, " (%s)", plural(small, "pequeña", "pequeñas"))
	}
	b.WriteString("\n")
	for _, f := range l.figures {
		fmt.Fprintf(&b, "  %s: %s", oneLine(f.Name), f.Text)
		if f.Unit != "" && f.Unit != "%" {
			fmt.Fprintf(&b, " %s", oneLine(f.Unit))
		}
		if f.Period != "" {
			fmt.Fprintf(&b, ", %s", oneLine(f.Period))
		}
		if f.Small {
			b.WriteString(" (cifra pequeña)")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// sourceRefs names sources by their number in the note's list and their
// description ("1 (INEGI, Censo 2020)"); a key not in the list is kept.
func (l *Ledger) sourceRefs(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k
		for j, s := range l.sources {
			if s.key() == k {
				out[i] = strconv.Itoa(j+1) + " (" + orText(oneLine(s.Description), k) + ")"
				break
			}
		}
	}
	return out
}

// ratioText writes "64,540,634 / 126,014,024 × 100".
func ratioText(f FigureInfo) string {
	if f.Numerator == nil || f.Denominator == nil {
		return ""
	}
	s := esNumber(*f.Numerator) + " / " + esNumber(*f.Denominator)
	if f.Per != 0 && f.Per != 1 {
		s += " × " + esNumber(f.Per)
	}
	return s
}

// caveatsES puts the small-number warning first, then the caveats.
func caveatsES(f FigureInfo) []string {
	var out []string
	if f.Small {
		w := "Cifra pequeña: interprétese con cautela."
		if f.N != nil {
			w = fmt.Sprintf("Cifra pequeña (n = %s): interprétese con cautela.", esNumber(*f.N))
		}
		out = append(out, w)
	}
	for _, c := range f.Caveats {
		c = strings.TrimSpace(c)
		if !strings.HasSuffix(c, ".") {
			c += "."
		}
		out = append(out, capitalize(c))
	}
	return out
}

// capitalize upper-cases the first letter of a sentence.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// esNumber writes v with es-MX marks and every decimal it has.
func esNumber(v float64) string {
	_, frac, _ := strings.Cut(plainNumber(v), ".")
	return formatNumber(v, len(frac), true)
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\\", "\\\\")
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "<br>")
}

// oneLine joins a text's lines with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// fenceFor returns a code fence longer than any run of backquotes in s.
func fenceFor(s string) string {
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func prefixed(pre, s string) string {
	if s == "" {
		return ""
	}
	return pre + s
}

func listES(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
