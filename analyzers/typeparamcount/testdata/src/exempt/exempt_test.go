package exempt

// Test files are skipped.
func check[A, B, C, D, E, F, G any]() {}
