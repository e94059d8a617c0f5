package b

import "example.com/mod/internal/box"

var Y = box.Wrap(2)
