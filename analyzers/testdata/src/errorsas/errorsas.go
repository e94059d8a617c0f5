package errorsas

import (
	"errors"
	"io/fs"
)

func f(err error) bool {
	var pe *fs.PathError
	return errors.As(err, pe) // want `second argument to errors.As must be a non-nil pointer`
}
