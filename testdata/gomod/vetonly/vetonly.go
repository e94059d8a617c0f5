// Package vetonly holds a mistake only cmd/vet's own analyzers see.
package vetonly

import "fmt"

// Hello passes a string to %d: vet's printf check reports it.
func Hello() {
	fmt.Printf("%d\n", "hello")
}
