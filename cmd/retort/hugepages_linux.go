package main

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"
)

// hugeHeap asks Linux to back the start of the Go heap with transparent
// huge pages, where the system leaves that to the program (the default
// "madvise" mode). retort's runs are short and allocate tens of megabytes
// in a burst; every fresh 4 KiB page costs a fault, and on virtual
// machines a fault is expensive (measured on the 2-core VM of the README:
// 12 us a page, 200 ms for 64 MiB, against 7 ms for the same memory in
// 2 MiB pages). No-op autogenerate on 1,000 tables: 535 -> 463 ms, with
// the same peak RSS; heads on 10,000 revisions: 97 -> 81 ms.
//
// The Go runtime maps its heap as it grows, so a range can only be
// advised once mapped: one large allocation makes the runtime map the
// rest of its first 64 MiB arena (and the start of the next), the range
// from that arena's start to the allocation's end is advised, and the
// allocation is dropped at once. It was never touched, so it cost no
// memory. GODEBUG=disablethp=1, the runtime's own switch, turns this off.
func hugeHeap() {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return
	}
	const (
		size       = 48 << 20
		arena      = 64 << 20 // the runtime's heap arena on 64-bit Linux
		hugePage   = 2 << 20
		adviseHuge = 14 // MADV_HUGEPAGE
	)
	small := new([64]byte)
	big := make([]byte, size)
	lo := min(uintptr(unsafe.Pointer(small)), uintptr(unsafe.Pointer(&big[0]))) &^ (arena - 1)
	hi := (uintptr(unsafe.Pointer(&big[0])) + size) &^ (hugePage - 1)
	syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, adviseHuge) // advice: failure only costs the time it would have saved
	runtime.KeepAlive(small)
	runtime.KeepAlive(big)
	big = nil
	runtime.GC()
}
