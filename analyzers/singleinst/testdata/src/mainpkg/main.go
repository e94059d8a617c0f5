// Package main's exported generics have no other importer.
package main

func Must[T any](v T, err error) T { // want `generic function Must is instantiated with 1 type-argument list in its package: \[int\]`
	if err != nil {
		panic(err)
	}
	return v
}

func main() { _ = Must(1, nil) }
