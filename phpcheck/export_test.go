package phpcheck

import (
	"time"

	"github.com/riskvet/riskvet/phpcheck/internal/cache"
)

// SetRacyWindow sets the cache's racy window for a test and returns a
// function that restores it.
func SetRacyWindow(d time.Duration) (restore func()) {
	return cache.SetRacyWindow(d)
}
