package main

import "io"

// runPHP is `riskvet php` (stub, owned by the PHP work).
func runPHP(args []string, stdout, stderr io.Writer) int { return 2 }
