package basic

// Test files are exempt.
func helper[Node any](n Node) Node { return n }
