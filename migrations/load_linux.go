package migrations

import (
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// dirfdReader reads the files of a DirFS's versions folder relative to one
// open directory descriptor: openat, fstat, read, close. os.Open would add
// a poller registration and several fcntl calls per file, and the kernel
// would walk the whole path each time: see BenchmarkLoadGraphDirFS10000
// and BenchmarkLoadGraphHeadersCached10000 for what it earns.
type dirfdReader struct{ fd int }

func newVersionsReader(fsys fs.FS) versionsReader {
	if d, ok := fsys.(*dirFS); ok {
		fd, err := retryEINTR(func() (int, error) {
			return unix.Open(filepath.Join(d.dir, "versions"), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		})
		if err == nil {
			return dirfdReader{fd}
		}
	}
	return fsReader{fsys}
}

func (r dirfdReader) close() { unix.Close(r.fd) }

func (r dirfdReader) stat(name string) (fileKey, error) {
	var st unix.Stat_t
	_, err := retryEINTR(func() (int, error) { return 0, unix.Fstatat(r.fd, name, &st, 0) })
	if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fileKey{}, err
	}
	return keyOf(&st), nil
}

func (r dirfdReader) statDir() (fileKey, error) {
	var st unix.Stat_t
	if _, err := retryEINTR(func() (int, error) { return 0, unix.Fstat(r.fd, &st) }); err != nil {
		return fileKey{}, err
	}
	return keyOf(&st), nil
}

// keyOf is the cache key of the file st describes.
func keyOf(st *unix.Stat_t) fileKey {
	return fileKey{dev: uint64(st.Dev), ino: st.Ino, size: uint64(st.Size), mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano()}
}

func (r dirfdReader) read(name string, a *arena) ([]byte, fileKey, error) {
	fd, err := retryEINTR(func() (int, error) {
		return unix.Openat(r.fd, baseName(name), unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	})
	if err != nil {
		return nil, fileKey{}, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if _, err := retryEINTR(func() (int, error) { return 0, unix.Fstat(fd, &st) }); err != nil {
		return nil, fileKey{}, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, fileKey{}, errNotRegular
	}
	if st.Size > MaxFileSize {
		return nil, fileKey{}, errTooLarge{st.Size}
	}
	buf := a.alloc(int(st.Size))
	n := 0
	for n < len(buf) {
		m, err := retryEINTR(func() (int, error) { return unix.Read(fd, buf[n:]) })
		if err != nil {
			return nil, fileKey{}, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if m == 0 { // shrank since fstat
			break
		}
		n += m
	}
	// A file that grew since fstat is read as it was then: the size
	// check above holds and nobody should edit revisions mid-command.
	if n != len(buf) { // not the file that was stat'ed
		return buf[:n], fileKey{}, nil
	}
	return buf, keyOf(&st), nil
}

func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return n, err
		}
	}
}
