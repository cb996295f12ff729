// Package tableschema reads Frictionless Data Package descriptors (v1 and
// v2) and casts the cells of their tabular resources by Table Schema. It is
// shared by fetch.ReadPackage, which turns a resource into a table, and by
// publish.Validate, which checks every cell, so the two never disagree on
// what a value means.
//
// Files:
//
//	doc.go         this overview
//	descriptor.go  Package, Resource, Schema, Field, Dialect; Load
//	cast.go        Field.Cast: a cell's text to its logical value
//	strptime.go    Python/C strptime patterns for date "format"
//	rows.go        reading a resource's rows with its dialect and encoding
package tableschema
