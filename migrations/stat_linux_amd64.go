package migrations

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// fstatat is unix.Fstatat without its allocation of a C string per call:
// the name is copied into buf, which the caller keeps between calls (the
// allocations were a tenth of a cached load of 10,000 revisions).
func fstatat(dirfd int, name string, buf *[]byte, st *unix.Stat_t) error {
	*buf = append(append((*buf)[:0], name...), 0)
	_, _, errno := syscall.Syscall6(unix.SYS_NEWFSTATAT, uintptr(dirfd), uintptr(unsafe.Pointer(&(*buf)[0])), uintptr(unsafe.Pointer(st)), 0, 0, 0)
	if errno != 0 {
		return errno
	}
	return nil
}
