package analyze

// AggKind names what an Agg computes, for code that compiles aggregates
// elsewhere (a SQL engine) and must compute exactly what Agg does.
type AggKind int

// The kinds of aggregate, one per constructor.
const (
	KindCount            AggKind = AggKind(aggCount)
	KindCountDistinct    AggKind = AggKind(aggCountDistinct)
	KindSum              AggKind = AggKind(aggSum)
	KindMean             AggKind = AggKind(aggMean)
	KindMedian           AggKind = AggKind(aggMedian)
	KindMin              AggKind = AggKind(aggMin)
	KindMax              AggKind = AggKind(aggMax)
	KindStd              AggKind = AggKind(aggStd)
	KindQuantile         AggKind = AggKind(aggQuantile)
	KindMissing          AggKind = AggKind(aggMissing)
	KindWeightedSum      AggKind = AggKind(aggWSum)
	KindWeightedMean     AggKind = AggKind(aggWMean)
	KindWeightedQuantile AggKind = AggKind(aggWQuantile)
)

// String names the kind as its constructor: "Sum", "WeightedMean"…
func (k AggKind) String() string {
	switch k {
	case KindCount:
		return "Count"
	case KindCountDistinct:
		return "CountDistinct"
	case KindSum:
		return "Sum"
	case KindMean:
		return "Mean"
	case KindMedian:
		return "Median"
	case KindMin:
		return "Min"
	case KindMax:
		return "Max"
	case KindStd:
		return "Std"
	case KindQuantile:
		return "Quantile"
	case KindMissing:
		return "Missing"
	case KindWeightedSum:
		return "WeightedSum"
	case KindWeightedMean:
		return "WeightedMean"
	case KindWeightedQuantile:
		return "WeightedQuantile"
	}
	return "AggKind(?)"
}

// AggSpec describes an Agg: what it computes, over which columns, and the
// name of its output column. Its rules (what is skipped, the output type)
// are those of the constructor named by Kind.
type AggSpec struct {
	Kind AggKind
	// Column is the value column ("" for Count); Weight the weight column
	// of the weighted kinds.
	Column, Weight string
	// Q is the quantile of Median (0.5), Quantile and WeightedQuantile.
	Q float64
	// Name is the output column, as Agg.Name gives it.
	Name string
}

// Spec describes a, so that another engine can compute the same aggregate.
// It returns an error wrapping ErrArgument when a is invalid (an empty
// column name, a quantile outside [0, 1]), as Agg would.
func (a Agg) Spec() (AggSpec, error) {
	s := AggSpec{Kind: AggKind(a.kind), Column: a.col, Weight: a.weight, Q: a.q, Name: a.Name()}
	return s, a.validate()
}
