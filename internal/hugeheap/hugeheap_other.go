//go:build !linux

package hugeheap

// Advise does nothing: transparent huge pages are Linux's.
func Advise() {}
