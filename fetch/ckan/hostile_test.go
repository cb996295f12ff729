package ckan_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/fetch/ckan"
)

// hostilePortal answers every action with f(action, query) wrapped in a
// successful CKAN envelope, and counts the calls.
func hostilePortal(t *testing.T, f func(action string, q map[string]string) any) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		q := map[string]string{}
		for k, v := range r.URL.Query() {
			q[k] = v[0]
		}
		action := r.URL.Path[len("/api/3/action/"):]
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"success": true, "result": f(action, q)})
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func datasets(from, n int) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"id": fmt.Sprint("ds-", from+i), "name": fmt.Sprint("conjunto-", from+i), "title": "Conjunto"}
	}
	return out
}

func TestHostileSearchCounts(t *testing.T) {
	cases := []struct {
		name     string
		result   func(q map[string]string) any
		portal   func(p *ckan.Portal)
		want     error
		maxCalls int64
	}{
		{"negative count", func(q map[string]string) any {
			return map[string]any{"count": -1, "results": datasets(atoi(q["start"]), 3)}
		}, nil, ckan.ErrAPI, 1},
		{"huge count, same page each time", func(q map[string]string) any {
			return map[string]any{"count": 1 << 60, "results": datasets(0, 3)}
		}, nil, ckan.ErrIncomplete, 2},
		{"huge count, new datasets forever", func(q map[string]string) any {
			return map[string]any{"count": 1 << 60, "results": datasets(atoi(q["start"]), 3)}
		}, func(p *ckan.Portal) { p.MaxPages = 25 }, ckan.ErrTooLarge, 26},
		{"huge count, byte budget", func(q map[string]string) any {
			return map[string]any{"count": 1 << 60, "results": datasets(atoi(q["start"]), 50)}
		}, func(p *ckan.Portal) { p.MaxBytes = 64 << 10 }, fetch.ErrTooLarge, 40},
		{"results without ids, repeated", func(q map[string]string) any {
			return map[string]any{"count": 1000, "results": []map[string]any{{"title": "sin id"}}}
		}, nil, ckan.ErrIncomplete, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, calls := hostilePortal(t, func(_ string, q map[string]string) any { return tc.result(q) })
			p := ckan.New(srv.URL, client(t))
			if tc.portal != nil {
				tc.portal(p)
			}
			_, err := p.Search(context.Background(), "")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if n := calls.Load(); n > tc.maxCalls {
				t.Errorf("%d calls, want at most %d", n, tc.maxCalls)
			}
		})
	}
	// A count that grows with every page is bounded by the first one.
	srv, calls := hostilePortal(t, func(_ string, q map[string]string) any {
		start := atoi(q["start"])
		return map[string]any{"count": start + 10, "results": datasets(start, 3)}
	})
	sets, err := ckan.New(srv.URL, client(t)).Search(context.Background(), "")
	if err != nil || len(sets) != 12 || calls.Load() != 4 {
		t.Errorf("growing count: %d datasets, %d calls, %v", len(sets), calls.Load(), err)
	}
}

func records(from, n int) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"_id": from + i + 1, "alcaldia": "Coyoacán", "total": from + i}
	}
	return out
}

var dsFields = []map[string]any{{"id": "_id", "type": "int"}, {"id": "alcaldia", "type": "text"}, {"id": "total", "type": "int4"}}

func TestHostileDatastorePaging(t *testing.T) {
	t.Run("no total and full pages", func(t *testing.T) {
		srv, calls := hostilePortal(t, func(_ string, q map[string]string) any {
			return map[string]any{"fields": dsFields, "records": records(atoi(q["offset"]), atoi(q["limit"])), "limit": atoi(q["limit"])}
		})
		_, err := ckan.New(srv.URL, client(t)).DatastoreSearch(context.Background(), "r1", ckan.PageSize(2))
		if !errors.Is(err, ckan.ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
		if n := calls.Load(); n > ckan.DefaultNoTotalPages {
			t.Errorf("%d calls", n)
		}
		// MaxRows bounds it instead.
		df, err := ckan.New(srv.URL, client(t)).DatastoreSearch(context.Background(), "r1", ckan.PageSize(2), ckan.MaxRows(7))
		if err != nil || df.Nrow() != 7 {
			t.Errorf("MaxRows: %d rows, %v", df.Nrow(), err)
		}
	})
	t.Run("the same page again", func(t *testing.T) {
		srv, calls := hostilePortal(t, func(_ string, q map[string]string) any {
			return map[string]any{"fields": dsFields, "records": records(0, atoi(q["limit"])), "total": 1 << 40, "limit": atoi(q["limit"])}
		})
		_, err := ckan.New(srv.URL, client(t)).DatastoreSearch(context.Background(), "r1", ckan.PageSize(5))
		if !errors.Is(err, ckan.ErrIncomplete) || calls.Load() != 2 {
			t.Errorf("err = %v after %d calls, want ErrIncomplete after 2", err, calls.Load())
		}
	})
	t.Run("huge total, new rows forever", func(t *testing.T) {
		srv, calls := hostilePortal(t, func(_ string, q map[string]string) any {
			return map[string]any{"fields": dsFields, "records": records(atoi(q["offset"]), atoi(q["limit"])), "total": 1 << 40}
		})
		p := ckan.New(srv.URL, client(t))
		p.MaxPages = 30
		_, err := p.DatastoreSearch(context.Background(), "r1", ckan.PageSize(3))
		if !errors.Is(err, ckan.ErrTooLarge) || calls.Load() > 31 {
			t.Errorf("err = %v after %d calls", err, calls.Load())
		}
	})
	t.Run("negative total", func(t *testing.T) {
		srv, _ := hostilePortal(t, func(_ string, q map[string]string) any {
			return map[string]any{"fields": dsFields, "records": records(0, 2), "total": -5}
		})
		if _, err := ckan.New(srv.URL, client(t)).DatastoreSearch(context.Background(), "r1"); !errors.Is(err, ckan.ErrAPI) {
			t.Errorf("err = %v, want ErrAPI", err)
		}
	})
}

func TestHostileDatastoreKeysBeyondFields(t *testing.T) {
	srv, _ := hostilePortal(t, func(_ string, q map[string]string) any {
		off := atoi(q["offset"])
		recs := records(off, 2)
		if off == 0 {
			recs[1]["extra"] = "sólo aquí"
			return map[string]any{"fields": dsFields, "records": recs, "total": 4}
		}
		recs[0]["tarde"] = 7.5
		return map[string]any{"fields": append(dsFields, map[string]any{"id": "tarde", "type": "numeric"}), "records": recs, "total": 4}
	})
	df, err := ckan.New(srv.URL, client(t)).DatastoreSearch(context.Background(), "r1", ckan.PageSize(2))
	if err != nil {
		t.Fatal(err)
	}
	names := fmt.Sprint(df.Names())
	if names != "[alcaldia total extra tarde]" || df.Nrow() != 4 {
		t.Fatalf("columns %s, %d rows", names, df.Nrow())
	}
	extra := df.Col("extra")
	if !extra.Elem(0).IsNA() || extra.Elem(1).String() != "sólo aquí" || !extra.Elem(3).IsNA() {
		t.Errorf("extra: %v", extra)
	}
	tarde := df.Col("tarde")
	if !tarde.Elem(0).IsNA() || tarde.Elem(2).Float() != 7.5 {
		t.Errorf("tarde: %v", tarde)
	}
}

func TestHostileHugeAnswer(t *testing.T) {
	srv, _ := hostilePortal(t, func(_ string, q map[string]string) any {
		return map[string]any{"count": 1, "results": datasets(0, 2000)}
	})
	p := ckan.New(srv.URL, client(t))
	p.MaxBytes = 32 << 10
	if _, err := p.Search(context.Background(), ""); !errors.Is(err, ckan.ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}
