package fetchtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// CKAN is a fake CKAN portal: the datasets and DataStore tables it
// answers about. Serve it with (*Server).ServeCKAN. (The client of a real
// portal is ckan.Portal.)
type CKAN struct {
	// Datasets are CKAN package objects as the API returns them.
	Datasets []json.RawMessage
	// MaxRows caps the rows of one package_search page, silently (a real
	// portal caps at 1000, or at its ckan.search.rows_max). 0 means 1000.
	MaxRows int
	// Tables are DataStore tables by resource id, for datastore_search.
	Tables map[string]Table
	// DatastoreCap caps the limit of one datastore_search page, silently,
	// and the answer echoes the applied limit. 0 means 32000.
	DatastoreCap int
}

// Table is a DataStore table.
type Table struct {
	Fields  []Field          `json:"fields"`
	Records []map[string]any `json:"records"`
}

// Field is a DataStore column: its id (name) and type ("text", "int",
// "numeric", "timestamp", "bool"…).
type Field struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// PackageSearchResults reads the datasets of a saved package_search answer
// (result.results).
func PackageSearchResults(name string) ([]json.RawMessage, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var env struct {
		Result struct {
			Results []json.RawMessage `json:"results"`
		} `json:"result"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, fmt.Errorf("fetchtest: %s: %v", name, err)
	}
	return env.Result.Results, nil
}

// ServeCKAN answers CKAN Action API calls under /api/3/action/ from p.
// CKANURL gives the base to pass to a CKAN client.
func (s *Server) ServeCKAN(p *CKAN) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.portal = p
}

// CKANURL returns the Action API base of the fake portal.
func (s *Server) CKANURL() string { return s.URL("/api/3/action") }

const actionPrefix = "/api/3/action/"

func (s *Server) servePortal(w http.ResponseWriter, r *http.Request, pl plan) bool {
	s.mu.Lock()
	p := s.portal
	s.mu.Unlock()
	if p == nil || !strings.HasPrefix(r.URL.Path, actionPrefix) {
		return false
	}
	action := strings.TrimPrefix(r.URL.Path, actionPrefix)
	q := r.URL.Query()
	var result any
	status := http.StatusOK
	var errType, errMsg string
	switch action {
	case "package_search":
		result = p.search(q.Get("q"), intParam(q.Get("start"), 0), intParam(q.Get("rows"), 10))
	case "package_show":
		ds, ok := p.show(q.Get("id"))
		if !ok {
			status, errType, errMsg = http.StatusNotFound, "Not Found Error", "Not found"
		}
		result = ds
	case "datastore_search":
		res, ok := p.datastore(q.Get("resource_id"), intParam(q.Get("offset"), 0), intParam(q.Get("limit"), 100), s.URL(r.URL.Path))
		if !ok {
			status, errType, errMsg = http.StatusNotFound, "Not Found Error", "Resource \""+q.Get("resource_id")+"\" was not found."
		}
		result = res
	default:
		status, errType, errMsg = http.StatusBadRequest, "Bad request", "Bad request - Action name not known: "+action
	}
	env := map[string]any{"help": s.URL("/api/3/action/help_show?name=" + action), "success": status == http.StatusOK}
	if status == http.StatusOK {
		env["result"] = result
	} else {
		env["error"] = map[string]string{"__type": errType, "message": errMsg}
	}
	b, err := json.Marshal(env)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return true
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	if status != http.StatusOK {
		w.WriteHeader(status)
		w.Write(b)
		return true
	}
	s.write(w, r, file{body: b, modTime: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, pl)
	return true
}

func intParam(v string, def int) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return def
	}
	return n
}

func (p *CKAN) search(q string, start, rows int) map[string]any {
	var hits []json.RawMessage
	q = strings.TrimSpace(q)
	for _, d := range p.Datasets {
		if q == "" || q == "*:*" || bytes.Contains(bytes.ToLower(d), []byte(strings.ToLower(q))) {
			hits = append(hits, d)
		}
	}
	limit := p.MaxRows
	if limit <= 0 {
		limit = 1000
	}
	rows = min(rows, limit)
	page := []json.RawMessage{}
	if start < len(hits) {
		page = hits[start:min(len(hits), start+rows)]
	}
	return map[string]any{"count": len(hits), "sort": "score desc, metadata_modified desc", "results": page}
}

func (p *CKAN) show(id string) (json.RawMessage, bool) {
	for _, d := range p.Datasets {
		var k struct{ ID, Name string }
		if json.Unmarshal(d, &k) == nil && (k.ID == id || k.Name == id) && id != "" {
			return d, true
		}
	}
	return nil, false
}

func (p *Portal) datastore(id string, offset, limit int, base string) (map[string]any, bool) {
	t, ok := p.Tables[id]
	if !ok {
		return nil, false
	}
	cap := p.DatastoreCap
	if cap <= 0 {
		cap = 32000
	}
	limit = min(limit, cap)
	recs := []map[string]any{}
	if offset < len(t.Records) {
		recs = t.Records[offset:min(len(t.Records), offset+limit)]
	}
	fields := append([]Field{{ID: "_id", Type: "int"}}, t.Fields...)
	out := make([]map[string]any, len(recs))
	for i, r := range recs {
		m := map[string]any{"_id": offset + i + 1}
		for k, v := range r {
			m[k] = v
		}
		out[i] = m
	}
	return map[string]any{
		"resource_id": id, "fields": fields, "records": out,
		"limit": limit, "offset": offset, "total": len(t.Records),
		"_links": map[string]string{
			"start": fmt.Sprintf("%s?resource_id=%s", base, id),
			"next":  fmt.Sprintf("%s?resource_id=%s&offset=%d", base, id, offset+limit),
		},
	}, true
}

// Portal is the former name of CKAN (it shared its name with ckan.Portal,
// the client of a real portal).
//
// Deprecated: use CKAN (the same type).
type Portal = CKAN
