//go:build linux && !amd64

package migrations

import "golang.org/x/sys/unix"

func fstatat(dirfd int, name string, _ *[]byte, st *unix.Stat_t) error {
	return unix.Fstatat(dirfd, name, st, 0)
}
