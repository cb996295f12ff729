package fetchtest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

// A program that asks for the public address of INEGI's census table gets
// the saved copy, and sees the public address, not the loopback one.
func TestClientFor(t *testing.T) {
	b, err := os.ReadFile("../testdata/net/censo2020_poblacion_estatal.csv")
	if err != nil {
		t.Fatal(err)
	}
	srv := fetchtest.NewServer("")
	defer srv.Close()
	const public = "https://raw.githubusercontent.com/isaacarroyov/datos_facil_acceso/5f7295ae9f6f5abfb7b12cd10047f5d824bc4fce/GobiernoMexicano/inegi/CENSO/2020/censo_2020_mexico_estandarizado.csv"
	srv.Set(strings.TrimPrefix(public, "https://raw.githubusercontent.com"), b)
	c := srv.ClientFor("https://raw.githubusercontent.com")

	resp, body, err := get(t, c, public)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || len(body) != 1716 || !strings.Contains(string(body), "Nacional") {
		t.Errorf("status %d, %d bytes", resp.StatusCode, len(body))
	}
	if got := resp.Request.URL.String(); got != public {
		t.Errorf("response URL %q, want the public one", got)
	}
	if srv.Requests(strings.TrimPrefix(public, "https://raw.githubusercontent.com")) != 1 {
		t.Errorf("the request did not reach the local server")
	}
	// the local URL still works through the same client
	if _, body, err := get(t, c, srv.URL(strings.TrimPrefix(public, "https://raw.githubusercontent.com"))); err != nil || len(body) != 1716 {
		t.Errorf("local URL: %v, %d bytes", err, len(body))
	}
	// another site is refused, never reached
	if _, _, err := get(t, c, "https://www.inegi.org.mx/"); err == nil || !strings.Contains(err.Error(), "https://www.inegi.org.mx") {
		t.Errorf("unlisted site: %v", err)
	}
}
