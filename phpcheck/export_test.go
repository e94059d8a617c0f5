package phpcheck

import "time"

// SetRacyWindow sets racyWindow for a test and returns a function that
// restores it.
func SetRacyWindow(d time.Duration) (restore func()) {
	old := racyWindow
	racyWindow = d
	return func() { racyWindow = old }
}
