package migrations

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// dirfdReader reads the files of a DirFS's versions folder relative to one
// open directory descriptor, with raw system calls: openat, fstat, read,
// close. os.Open would add a poller registration and several fcntl calls
// per file, and the kernel would walk the whole path each time; on 10,000
// files that is most of LoadGraph's time.
type dirfdReader struct{ fd int }

func newVersionsReader(fsys fs.FS) versionsReader {
	if d, ok := fsys.(*dirFS); ok {
		fd, err := retryEINTR(func() (int, error) {
			return syscall.Open(filepath.Join(d.dir, "versions"), syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		})
		if err == nil {
			return dirfdReader{fd}
		}
	}
	return fsReader{fsys}
}

func (r dirfdReader) close() { syscall.Close(r.fd) }

func (r dirfdReader) read(name string, a *arena) ([]byte, error) {
	fd, err := retryEINTR(func() (int, error) {
		return syscall.Openat(r.fd, baseName(name), syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := retryEINTR(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, errNotRegular
	}
	if st.Size > MaxFileSize {
		return nil, errTooLarge{st.Size}
	}
	buf := a.alloc(int(st.Size))
	n := 0
	for n < len(buf) {
		m, err := retryEINTR(func() (int, error) { return syscall.Read(fd, buf[n:]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if m == 0 { // shrank since fstat
			break
		}
		n += m
	}
	// A file that grew since fstat is read as it was then: the size
	// check above holds and nobody should edit revisions mid-command.
	return buf[:n], nil
}

func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
