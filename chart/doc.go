// Package chart draws publication-ready charts with a newsroom look on
// gonum/plot and saves them as PNG, SVG or PDF.
package chart
