package b

import (
	"testing"

	"example.com/mod/internal/box"
)

func TestPair(t *testing.T) { _ = box.Pair("x", "y") }
