package migrations

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
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

// list reads the folder's entries with getdents: the names are copied
// into a few large blocks rather than allocated one by one, and no
// fs.DirEntry is made.
func (r dirfdReader) list() ([]string, error) {
	var names []string
	var text []byte // holds the names, "versions/<name>"; never written again
	buf := make([]byte, 32<<10)
	for {
		n, err := retryEINTR(func() (int, error) { return unix.Getdents(r.fd, buf) })
		if err != nil {
			return nil, fmt.Errorf("migrations: read versions folder: %w", &fs.PathError{Op: "readdirent", Path: "versions", Err: err})
		}
		if n == 0 {
			break
		}
		// Each record: ino (8 bytes), off (8), reclen (2), type (1),
		// then the name, NUL-terminated.
		for off := 0; off < n; {
			reclen := int(binary.NativeEndian.Uint16(buf[off+16:]))
			rec := buf[off : off+reclen]
			off += reclen
			name := rec[19:]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			if len(name) == 0 || name[0] == '.' || !bytes.HasSuffix(name, []byte(".sql")) {
				continue
			}
			typ, err := r.direntType(rec[18], string(name))
			if err != nil {
				return nil, err
			}
			if ok, err := versionFile(string(name), typ); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
			if cap(text)-len(text) < len("versions/")+len(name) {
				text = make([]byte, 0, max(64<<10, len("versions/")+len(name)))
			}
			start := len(text)
			text = append(append(text, "versions/"...), name...)
			names = append(names, unsafe.String(&text[start], len(text)-start))
		}
	}
	slices.Sort(names) // errors come out in a stable order
	return names, nil
}

// direntType is the fs.FileMode type of a directory entry of type dt.
func (r dirfdReader) direntType(dt byte, name string) (fs.FileMode, error) {
	if dt == unix.DT_UNKNOWN {
		// The file system does not say: ask, without following links.
		var st unix.Stat_t
		if _, err := retryEINTR(func() (int, error) { return 0, unix.Fstatat(r.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
			return 0, &FileError{Path: "versions/" + name, Err: fmt.Errorf("cannot read: %w", err)}
		}
		dt = byte(st.Mode & unix.S_IFMT >> 12) // DT_x is S_IFx >> 12
	}
	switch dt {
	case unix.DT_REG:
		return 0, nil
	case unix.DT_DIR:
		return fs.ModeDir, nil
	case unix.DT_LNK:
		return fs.ModeSymlink, nil
	case unix.DT_FIFO:
		return fs.ModeNamedPipe, nil
	case unix.DT_SOCK:
		return fs.ModeSocket, nil
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, nil
	case unix.DT_BLK:
		return fs.ModeDevice, nil
	}
	return fs.ModeIrregular, nil
}

func (r dirfdReader) stat(name string, buf *[]byte) (fileKey, error) {
	var st unix.Stat_t
	_, err := retryEINTR(func() (int, error) { return 0, fstatat(r.fd, name, buf, &st) })
	if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fileKey{}, err
	}
	return keyOf(&st), nil
}

// keyOf is the cache key of the file st describes.
func keyOf(st *unix.Stat_t) fileKey {
	return fileKey{dev: st.Dev, ino: st.Ino, size: uint64(st.Size), mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano()}
}

func (r dirfdReader) statDir() (fileKey, error) {
	var st unix.Stat_t
	if _, err := retryEINTR(func() (int, error) { return 0, unix.Fstat(r.fd, &st) }); err != nil {
		return fileKey{}, err
	}
	return keyOf(&st), nil
}

func (r dirfdReader) read(name string, a *arena) ([]byte, fileKey, error) {
	fd, err := retryEINTR(func() (int, error) {
		return syscall.Openat(r.fd, baseName(name), syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	})
	if err != nil {
		return nil, fileKey{}, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
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
		m, err := retryEINTR(func() (int, error) { return syscall.Read(fd, buf[n:]) })
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
	return buf[:n], keyOf(&st), nil
}

func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
