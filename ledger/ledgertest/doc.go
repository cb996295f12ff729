// Package ledgertest checks, in a story's tests, that the figures a run
// records still match the ledger the story published: the test that fails
// CI with a readable list of changes when code or data move a published
// number.
//
// A story keeps its published ledger in a folder of its own (the examples
// use publicado/); its test runs the story into a temporary folder and
// calls Published:
//
//	var update = flag.Bool("actualizar", false, "rewrite publicado/ after review")
//
//	func TestLedger(t *testing.T) {
//		dir := t.TempDir()
//		run(dir) // the story writes its ledger with (*ledger.Ledger).WriteDir
//		ledgertest.Published(t, dir, "publicado", *update)
//	}
//
// Files:
//   - ledgertest.go: Published, the check of a run against the published ledger.
package ledgertest
