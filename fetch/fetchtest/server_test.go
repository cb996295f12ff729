package fetchtest_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

func get(t *testing.T, c *http.Client, u string, hdr ...string) (*http.Response, []byte, error) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func TestSwitches(t *testing.T) {
	const p = "/censo2020_poblacion_estatal.csv"
	for _, tc := range []struct {
		name       string
		setup      func(s *fetchtest.Server)
		wantStatus []int
		check      func(t *testing.T, resp *http.Response, body []byte, err error)
	}{
		{"plain", func(s *fetchtest.Server) {}, []int{200}, func(t *testing.T, r *http.Response, b []byte, err error) {
			if len(b) != 1716 || r.Header.Get("ETag") == "" || r.Header.Get("Last-Modified") == "" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
				t.Errorf("%d bytes, headers %v", len(b), r.Header)
			}
		}},
		{"fail twice", func(s *fetchtest.Server) { s.Fail(p, 2, 0) }, []int{500, 500, 200}, nil},
		{"fail all paths", func(s *fetchtest.Server) { s.Fail("*", 1, 503) }, []int{503, 200}, nil},
		{"throttle", func(s *fetchtest.Server) { s.Throttle(p, 1, "30") }, []int{429, 200}, nil},
		{"forbid", func(s *fetchtest.Server) { s.Forbid(p) }, []int{403, 403}, nil},
		{"html error", func(s *fetchtest.Server) { s.HTMLError(p) }, []int{200}, func(t *testing.T, r *http.Response, b []byte, err error) {
			if !strings.Contains(string(b), "<title>Access Denied</title>") {
				t.Errorf("body %q", b)
			}
		}},
		{"truncate", func(s *fetchtest.Server) { s.Truncate(p) }, []int{200}, func(t *testing.T, r *http.Response, b []byte, err error) {
			if !errors.Is(err, io.ErrUnexpectedEOF) || len(b) != 858 || r.ContentLength != 1716 {
				t.Errorf("err %v, %d bytes of %d", err, len(b), r.ContentLength)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fetchtest.NewServer("../testdata/net")
			defer srv.Close()
			tc.setup(srv)
			for i, want := range tc.wantStatus {
				resp, body, err := get(t, srv.Client(), srv.URL(p))
				if resp == nil {
					t.Fatal(err)
				}
				if resp.StatusCode != want {
					t.Errorf("request %d: status %d, want %d", i+1, resp.StatusCode, want)
				}
				if resp.StatusCode == 429 && resp.Header.Get("Retry-After") != "30" {
					t.Errorf("Retry-After %q", resp.Header.Get("Retry-After"))
				}
				if tc.check != nil && i == len(tc.wantStatus)-1 {
					tc.check(t, resp, body, err)
				}
			}
			if got := srv.Requests(p); got != len(tc.wantStatus) {
				t.Errorf("Requests = %d", got)
			}
		})
	}
}

func TestConditionalAndSet(t *testing.T) {
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.Set("a.csv", []byte("x\n1\n"))
	c := srv.Client()
	r1, _, _ := get(t, c, srv.URL("/a.csv"))
	etag := r1.Header.Get("ETag")
	r2, _, _ := get(t, c, srv.URL("/a.csv"), "If-None-Match", etag)
	r3, _, _ := get(t, c, srv.URL("/a.csv"), "If-Modified-Since", r1.Header.Get("Last-Modified"))
	if r2.StatusCode != 304 || r3.StatusCode != 304 {
		t.Errorf("conditional: %d %d", r2.StatusCode, r3.StatusCode)
	}
	srv.Set("a.csv", []byte("x\n2\n"))
	r4, b, _ := get(t, c, srv.URL("/a.csv"), "If-None-Match", etag)
	if r4.StatusCode != 200 || string(b) != "x\n2\n" || r4.Header.Get("ETag") == etag {
		t.Errorf("after Set: %d %q", r4.StatusCode, b)
	}
	if r, _, _ := get(t, c, srv.URL("/../../etc/passwd")); r.StatusCode != 404 {
		t.Errorf("path escape: %d", r.StatusCode)
	}
	if srv.TotalRequests() != 5 || srv.LastHeader("/a.csv").Get("If-None-Match") != etag {
		t.Errorf("total %d", srv.TotalRequests())
	}
}

func TestWithoutValidators(t *testing.T) {
	srv := fetchtest.NewServer("../testdata/net", fetchtest.WithoutValidators())
	defer srv.Close()
	r, _, _ := get(t, srv.Client(), srv.URL("/censo2020_poblacion_estatal.csv"), "If-None-Match", "*")
	if r.StatusCode != 200 || r.Header.Get("ETag") != "" || r.Header.Get("Last-Modified") != "" {
		t.Errorf("%d %v", r.StatusCode, r.Header)
	}
}

func TestCKANPaging(t *testing.T) {
	ds, err := fetchtest.PackageSearchResults("../ckan/testdata/ckan_package_search_birmingham_uk.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := fetchtest.NewServer("")
	defer srv.Close()
	srv.ServeCKAN(&fetchtest.CKAN{Datasets: ds, MaxRows: 4})
	_, b, _ := get(t, srv.Client(), srv.CKANURL()+"/package_search?rows=1000&start=8")
	if !strings.Contains(string(b), `"count":10`) || strings.Count(string(b), `"num_resources"`) != 2 || !strings.Contains(string(b), `"success":true`) {
		t.Errorf("page: %.200s", b)
	}
	r, b, _ := get(t, srv.Client(), srv.CKANURL()+"/package_show?id=nada")
	if r.StatusCode != 404 || !strings.Contains(string(b), `"success":false`) {
		t.Errorf("%d %s", r.StatusCode, b)
	}
}

// Serve a folder and make one file fail twice, as a flaky portal does.
func ExampleNewServer() {
	srv := fetchtest.NewServer("../testdata/net")
	defer srv.Close()
	srv.Fail("/censo2020_poblacion_estatal.csv", 2, 503)
	for i := 0; i < 3; i++ {
		resp, err := http.Get(srv.URL("/censo2020_poblacion_estatal.csv"))
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode)
	}
	fmt.Println(srv.Requests("/censo2020_poblacion_estatal.csv"), "requests")
	// Output:
	// 503
	// 503
	// 200
	// 3 requests
}
