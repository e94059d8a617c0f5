package files

import "fmt"

// Test files are skipped.
func show[T fmt.Stringer](v T) { fmt.Println(v.String()) }
