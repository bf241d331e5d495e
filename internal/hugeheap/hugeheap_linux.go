// Package hugeheap asks Linux for huge pages under the start of the Go
// heap, for commands that allocate in a short burst.
package hugeheap

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

// Advise asks Linux to back the start of the Go heap with transparent
// huge pages, where the system leaves that to the program (the default
// "madvise" mode). Commands that read the revision history are short and
// allocate tens of megabytes in a burst; every fresh 4 KiB page costs a
// fault, and on virtual machines a fault is expensive (measured on the
// 2-core VM of the README: 12 us a page, 200 ms for 64 MiB, against 7 ms
// for the same memory in 2 MiB pages). heads on 10,000 revisions: 97 ->
// 81 ms.
//
// Not for autogenerate: on 1,000 tables it gained 10-20%, but on 10,000
// tables, whose heap grows to hundreds of megabytes and is collected many
// times, the same advice cost 2 s of CPU (7.9 -> 9-11 s on PostgreSQL),
// even when withdrawn after the first second.
//
// The Go runtime maps its heap as it grows, so a range can only be
// advised once mapped: one large allocation makes the runtime map the
// rest of its first 64 MiB arena (and the start of the next), the range
// from that arena's start to the allocation's end is advised, and the
// allocation is collected at once, so that the allocations that follow
// take its place in the advised range (left to a later collection, they
// went past it, into plain pages: heads 69 -> 91 ms). It was never
// touched, so it cost no memory. GODEBUG=disablethp=1, the runtime's own
// switch, turns this off. Only the first call does anything.
func Advise() { once.Do(advise) }

var once sync.Once

func advise() {
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
