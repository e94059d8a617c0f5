package cache

import (
	"os"
	"syscall"
)

func sysStamp(st os.FileInfo) (fileStamp, bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return fileStamp{
		CTime: sys.Ctimespec.Sec*1e9 + sys.Ctimespec.Nsec,
		Dev:   uint64(sys.Dev),
		Ino:   sys.Ino,
	}, true
}
