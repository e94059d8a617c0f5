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
		CTime: int64(sys.Ctim.Sec)*1e9 + int64(sys.Ctim.Nsec),
		Dev:   uint64(sys.Dev),
		Ino:   uint64(sys.Ino),
	}, true
}
