package main

import "io"

// Stubs owned by the sonar/matrix/scan work.
func runMatrix(args []string, stdout, stderr io.Writer) int { return 2 }
func runScan(args []string, stdout, stderr io.Writer) int   { return 2 }
func runDemo(args []string, stdout, stderr io.Writer) int   { return 2 }
