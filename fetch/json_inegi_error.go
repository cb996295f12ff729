package fetch

import "strings"

// inegiErrorAnswer recognises the answer INEGI's Indicadores API (BIE and
// BISE) gives instead of data, an array of strings such as
// ["ErrorInfo:No se encontraron resultados", "ErrorDetails:…",
// "ErrorCode:100"], read as a one-column table of scalars, and returns its
// message.
func (t *jsonTable) inegiErrorAnswer() (string, bool) {
	if len(t.names) != 1 || t.names[0] != "value" || len(t.rows) > 5 {
		return "", false
	}
	var parts []string
	for _, r := range t.rows {
		if len(r) != 1 || !strings.HasPrefix(r[0], "Error") {
			return "", false
		}
		parts = append(parts, r[0])
	}
	if len(parts) == 0 || !strings.HasPrefix(parts[0], "ErrorInfo:") {
		return "", false
	}
	return strings.Join(parts, "; "), true
}
