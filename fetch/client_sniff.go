package fetch

import (
	"bytes"
	"mime"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/sniff"
)

// dataExts are file extensions whose URL promises data, not a web page.
var dataExts = map[string]string{
	".csv": "csv", ".tsv": "csv", ".txt": "csv", ".dat": "csv",
	".json": "json", ".geojson": "json", ".jsonl": "json", ".ndjson": "json",
	".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods",
	".zip": "zip", ".gz": "gz", ".7z": "7z", ".rar": "rar",
	".dbf": "dbf", ".shp": "shp", ".parquet": "parquet", ".pdf": "pdf",
	".xml": "xml", ".kml": "xml",
}

// expectedKind says what kind of data a URL promises ("csv", "json", …),
// from its path extension, or "" when the URL does not say.
func expectedKind(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return dataExts[strings.ToLower(path.Ext(u.Path))]
}

// normalKind turns a format name or MIME type ("CSV", ".csv", "text/csv")
// into the kind used by sniffing.
func normalKind(format string) string {
	f := strings.ToLower(strings.TrimSpace(format))
	if mt, _, err := mime.ParseMediaType(f); err == nil && strings.Contains(mt, "/") {
		switch {
		case strings.Contains(mt, "html"):
			return "html"
		case strings.Contains(mt, "json"):
			return "json"
		case strings.Contains(mt, "csv"), mt == "text/plain", strings.Contains(mt, "tab-separated"):
			return "csv"
		case strings.Contains(mt, "spreadsheetml"):
			return "xlsx"
		case strings.Contains(mt, "ms-excel"):
			return "xls"
		case strings.Contains(mt, "zip"):
			return "zip"
		case strings.Contains(mt, "xml"):
			return "xml"
		}
		return ""
	}
	f = strings.TrimPrefix(f, ".")
	if k, ok := dataExts["."+f]; ok {
		return k
	}
	return f
}

var reTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// looksLikeHTMLPage reports whether the first bytes of a body are an HTML
// page (see internal/sniff.HTML: whitespace of any length, comments, a
// BOM and UTF-16 are looked through).
func looksLikeHTMLPage(head []byte) bool { return sniff.HTML(head) }

// htmlContentType reports whether a Content-Type header names HTML.
func htmlContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(ct))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// reErrorTitle finds an error, login or maintenance page by its title or
// first heading: one that starts with "Error" or an HTTP status, or holds
// a phrase such pages use ("página no encontrada", "acceso denegado",
// "en mantenimiento", "iniciar sesión"…).
var reErrorTitle = regexp.MustCompile(`(?i)^\s*(error\b|[45]\d\d\b)|\b(not found|no encontrad[oa]|no existe|servicio no disponible|service unavailable|temporarily unavailable|access denied|acceso denegado|forbidden|prohibido|no autorizado|unauthori[sz]ed|en mantenimiento|under maintenance|iniciar sesi[oó]n|sign in|log in|session expired|sesi[oó]n expirad[oa]|bad gateway|gateway time-?out|internal server error|request rejected|solicitud rechazada)\b`)

var reHeading = regexp.MustCompile(`(?is)<h1[^>]*>(.*?)</h1>`)

// apiLike reports whether a URL without a data extension names an API
// endpoint or a download script (/api/…, /descarga?id=5, /download/…,
// /export…): an HTML page there is an error page, never the data.
func apiLike(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		seg = strings.TrimSuffix(seg, path.Ext(seg))
		switch {
		case seg == "api", strings.HasPrefix(seg, "descarga"), strings.HasPrefix(seg, "download"),
			strings.HasPrefix(seg, "export"), seg == "datastore", seg == "action", seg == "rest", seg == "odata",
			seg == "getfile":
			return true
		}
	}
	return false
}

// pageTitle gives the text of the <title> of an HTML body, or "".
func pageTitle(b []byte) string {
	m := reTitle.FindSubmatch(b)
	if m == nil {
		return ""
	}
	t := strings.Join(strings.Fields(string(m[1])), " ")
	if len(t) > 120 {
		t = t[:120] + "…"
	}
	if !utf8.ValidString(t) {
		t = strings.ToValidUTF8(t, "?")
	}
	return t
}

// notData decides whether a body that starts with head is not the data
// expected: an HTML page where data was expected, or, for ZIP-based formats
// (.zip, .xlsx), a body without the ZIP signature. want is the expected
// kind ("" when unknown). more is up to 64 KiB of the body, to look for a
// table: government ".xls" exports are often HTML tables, which are data.
func notData(head, more []byte, want string) bool {
	switch want {
	case "", "html", "xml":
		return false
	case "zip", "xlsx":
		return len(head) > 0 && !bytes.HasPrefix(head, []byte("PK"))
	case "xls":
		if looksLikeHTMLPage(head) {
			lower := bytes.ToLower(more)
			return !bytes.Contains(lower, []byte("<table")) && !bytes.Contains(lower, []byte("schemas-microsoft-com:office:excel"))
		}
		return false
	}
	return looksLikeHTMLPage(head)
}

// dispositionName returns the file name of a Content-Disposition header.
func dispositionName(h string) string {
	if h == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(h)
	if err != nil {
		return ""
	}
	name := strings.TrimSpace(params["filename"])
	if name == "" {
		return ""
	}
	return path.Base(strings.ReplaceAll(name, `\`, "/"))
}
