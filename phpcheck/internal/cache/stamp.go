package cache

import (
	"os"
	"time"
)

// fileStamp is the metadata of a file that changes whenever its content
// does: size, modification and status-change times, device and inode.
// The status-change time (ctime) cannot be set from user space, so a tool
// that restores a modification time (rsync -t, touch -d, cp -p) still
// changes the stamp; a file replaced by rename gets a new inode.
type fileStamp struct {
	Size, MTime, CTime int64
	Dev, Ino           uint64
}

// racyWindow is how long before a read a file must have last changed for
// its stamp to identify the content read: a write in the same clock tick
// as the read, or shortly after it on a file system with coarse
// timestamps, could otherwise leave the stamp unchanged (git calls these
// entries "racily clean").
var racyWindow = 2 * time.Second

// stampOf returns the stamp of a file whose metadata st was taken before
// reading it at start, and whether the stamp may stand for the content:
// the platform provides a status-change time and the file did not change
// within racyWindow of the read.
func stampOf(st os.FileInfo, start time.Time) (fileStamp, bool) {
	s, ok := sysStamp(st)
	if !ok {
		return fileStamp{}, false
	}
	s.Size = st.Size()
	s.MTime = st.ModTime().UnixNano()
	limit := start.Add(-racyWindow).UnixNano()
	return s, s.MTime < limit && s.CTime < limit
}

// SetRacyWindow sets racyWindow and returns a function that restores it:
// a test that writes files and runs at once needs a shorter one for any
// stamp to be trusted.
func SetRacyWindow(d time.Duration) (restore func()) {
	old := racyWindow
	racyWindow = d
	return func() { racyWindow = old }
}
