//go:build tools

// Package deps pins the project's dependencies in go.mod and go.sum so that
// every package can use them without editing the module files. It is never
// built.
//
// Files:
//   - deps.go: the blank imports that keep go.mod whole (build tag tools).
package deps
