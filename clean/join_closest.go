package clean

// Suggest fills the suggestions of a join report computed elsewhere (by a
// SQL engine that counted the keys itself) as Join fills them with the
// default Config: FoldWouldMatch, and Closest for the unmatched keys.
// leftKeys and rightKeys are the distinct keys of each side as written
// (several keys joined by " | "), in the order Join meets them: the right
// side's keys by first appearance; then the left side's, those also on the
// right first, by their first right row, then the rest by first left row.
// A nil list (a side with more than 200,000 distinct keys) gives no
// suggestions for the other side's unmatched keys.
func (r *JoinReport) Suggest(leftKeys, rightKeys []string) {
	if len(r.UnmatchedLeft) > 0 && len(r.UnmatchedRight) > 0 {
		um := make(map[string]bool, len(r.UnmatchedRight))
		for _, u := range r.UnmatchedRight {
			um[foldCode(u.Key)] = true
		}
		r.FoldWouldMatch = 0
		for _, u := range r.UnmatchedLeft {
			if um[foldCode(u.Key)] {
				r.FoldWouldMatch++
			}
		}
	}
	const want = 3
	if len(r.UnmatchedLeft) > 0 {
		suggest(r.UnmatchedLeft, rightKeys, want)
	}
	if len(r.UnmatchedRight) > 0 {
		suggest(r.UnmatchedRight, leftKeys, want)
	}
}
