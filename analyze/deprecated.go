package analyze

import "github.com/go-gota/gota/dataframe"

// Former names, kept so code written against them still builds. Each
// forwards to its replacement; CHANGELOG.md says why each was renamed.

// Index is the former name of PriceIndex.
//
// Deprecated: use PriceIndex (the same type).
type Index = PriceIndex

// Rates is the former name of ExchangeRates.
//
// Deprecated: use ExchangeRates (the same type).
type Rates = ExchangeRates

// NewIndex is the former name of NewPriceIndex.
//
// Deprecated: use NewPriceIndex.
func NewIndex(name string, months []string, values []float64) (PriceIndex, error) {
	return NewPriceIndex(name, months, values)
}

// IndexFromFrame is the former name of PriceIndexFromFrame.
//
// Deprecated: use PriceIndexFromFrame.
func IndexFromFrame(df dataframe.DataFrame, monthCol, valueCol string) (PriceIndex, error) {
	return PriceIndexFromFrame(df, monthCol, valueCol)
}

// NewRates is the former name of NewExchangeRates.
//
// Deprecated: use NewExchangeRates.
func NewRates(name string, days []string, rates []float64) (ExchangeRates, error) {
	return NewExchangeRates(name, days, rates)
}

// RatesFromFrame is the former name of ExchangeRatesFromFrame.
//
// Deprecated: use ExchangeRatesFromFrame.
func RatesFromFrame(df dataframe.DataFrame, dayCol, rateCol string) (ExchangeRates, error) {
	return ExchangeRatesFromFrame(df, dayCol, rateCol)
}

// RateReport is the former name of RateOptions.RateWithReport (a method
// must not share its name with the type RateReport).
//
// Deprecated: use RateWithReport.
func (o RateOptions) RateReport(df dataframe.DataFrame, num, den string, per float64, as string) (dataframe.DataFrame, RateReport, error) {
	return o.RateWithReport(df, num, den, per, as)
}

// Convert is the former name of Currencies.ConvertMixed (its arguments
// differ from the package's Convert, so it no longer shares the name).
//
// Deprecated: use ConvertMixed.
func (c Currencies) Convert(df dataframe.DataFrame, amountCol, currencyCol, dateCol, as string) (dataframe.DataFrame, CurrenciesReport, error) {
	return c.ConvertMixed(df, amountCol, currencyCol, dateCol, as)
}
