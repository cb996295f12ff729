package fetchtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ClientFor returns an HTTP client that answers requests for URLs on the
// given public sites ("https://www.inegi.org.mx", "http://trcimplan.github.io")
// from this server, at the same path and query, so that a program fetches
// the public URL through its real code path, records it in its provenance
// and prints it, while running with no network. Files are registered at
// their public path: srv.Set("/programas/ccpv/2020/poblacion.csv", b)
// answers https://www.inegi.org.mx/programas/ccpv/2020/poblacion.csv.
//
// A request for a site not listed fails with an error naming it, so a
// program cannot reach the network by accident. The server's own URL
// (srv.URL) keeps working. Responses carry the public URL as their
// request URL.
func (s *Server) ClientFor(sites ...string) *http.Client {
	hosts := map[string]bool{}
	for _, site := range sites {
		u, err := url.Parse(site)
		if err != nil || u.Host == "" {
			// an unusable site name is kept as written, so the error
			// below names it
			hosts[site] = true
			continue
		}
		hosts[strings.ToLower(u.Scheme+"://"+u.Host)] = true
	}
	local, _ := url.Parse(s.srv.URL)
	base := s.srv.Client()
	return &http.Client{
		Transport:     &publicTransport{next: base.Transport, hosts: hosts, local: local},
		CheckRedirect: base.CheckRedirect,
		Timeout:       base.Timeout,
	}
}

// publicTransport rewrites requests for the listed sites to the local
// server.
type publicTransport struct {
	next  http.RoundTripper
	hosts map[string]bool
	local *url.URL
}

func (t *publicTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	site := strings.ToLower(req.URL.Scheme + "://" + req.URL.Host)
	if req.URL.Host == t.local.Host {
		return t.next.RoundTrip(req)
	}
	if !t.hosts[site] {
		return nil, fmt.Errorf("fetchtest: %s is not one of the sites this server stands in for; add it to ClientFor", site)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme = t.local.Scheme
	out.URL.Host = t.local.Host
	out.Host = t.local.Host
	resp, err := t.next.RoundTrip(out)
	if resp != nil {
		resp.Request = req
	}
	return resp, err
}
