package migrations

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/buildkey"
)

// The revision cache keeps the parsed form of every revision file of a
// versions folder in one file, so that a command on 10,000 revisions
// checks each file with one stat call instead of opening, reading and
// parsing it (on a virtual machine's slow system calls, four calls per
// file are most of the time).
//
// A cached file is used only while its size, modification and change
// times (to the nanosecond), inode and device are what they were when it
// was parsed, as git trusts its index. Writing a file always moves its
// change time to the current time, and no tool can set it back, so a file
// that has been edited since no longer matches. To stay right when an edit
// lands within the timestamp granularity of the file system (a clock tick,
// or seconds on some file systems), files changed less than dirFS.settle
// before the command started are parsed but not cached.
//
// The cache is also keyed by the retort executable (its path, size and
// modification time: another build may parse differently), the dialect
// and the folder's absolute path, and a CRC-32C over its content catches a
// truncated or damaged file; a cache that does not check out is ignored
// and rewritten. Anything that goes wrong with the cache only costs the
// time of reading every file. Only files that parsed without error are
// cached.
//
// The file's name holds a hash of the folder and dialect, then one of the
// executable, so that two builds used in turn each keep their own file
// instead of rewriting one. When a build writes its file, it removes the
// files of the same folder and dialect whose executable is gone (rebuilt
// or deleted).
//
// The folder itself is keyed the same way: creating, removing or renaming
// a file in it moves its modification time. While the folder's key is
// what it was when the cache was written (and it had settled then), its
// listing is taken from the cache instead of being read again (7 ms of
// getdents at 10,000 files); each file is still stat'ed.
//
// The file: a header (revCacheMagic, executable, dialect, folder), the
// number of entries, the index (for each entry, sorted by path: its path,
// its fileKey as five 8-byte numbers, the length of its record), the
// listing (the folder's fileKey, zero when it had not settled, and the
// sorted paths of the listed files that have no entry), the records, and
// the CRC. The index is read whole; a record is decoded only when its file
// matches.

const revCacheMagic = "retort-revisions-6\n" // 4: Branch Labels; 5: Online: false; 6: OnlineTool

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// fileKey is what a cached file must still match.
type fileKey struct {
	dev, ino, size uint64
	mtime, ctime   int64 // nanoseconds since the epoch
}

func (k fileKey) valid() bool { return k.ino != 0 || k.ctime != 0 }

// settled reports whether the file last changed before by, long enough
// before the load for any later change to move its times.
func (k fileKey) settled(by time.Time) bool {
	limit := by.UnixNano()
	return k.mtime < limit && k.ctime < limit
}

// statter is a versionsReader that can stat its files without opening
// them, and its folder; only such readers use the cache.
type statter interface {
	stat(name string) (fileKey, error)
	statDir() (fileKey, error)
}

// revCache is one versions folder's cache file, as read at the start of a
// load.
type revCache struct {
	path      string       // the cache file
	folder    string       // the start of the name of every build's file for this folder and dialect
	header    []byte       // what the file must start with
	settledBy time.Time    // a file last changed before it may be cached
	index     []cacheEntry // nil when there is no usable file
	dir       fileKey      // the folder's key at the start of the load
	listed    fileKey      // the folder's key when the cache's listing was taken
	others    []string     // the listed paths that have no entry in index
}

// cacheEntry is one file in the index.
type cacheEntry struct {
	path   string // as in Revision.Path: "versions/<name>"
	key    fileKey
	record []byte // in the file as read
}

// openRevCache prepares the cache of df's versions folder; nil when there
// is none to use.
func openRevCache(df *dirFS, d dialect.Name) *revCache {
	if df.cacheDir == "" {
		return nil
	}
	dir, err := filepath.Abs(filepath.Join(df.dir, "versions"))
	if err != nil {
		return nil
	}
	exe := df.build
	if exe == "" {
		exe = buildkey.Self()
	}
	if exe == "" {
		return nil
	}
	folder := sha256.Sum256([]byte(dir + "\x00" + string(d)))
	build := sha256.Sum256([]byte(exe))
	var e encoder
	e.buf = append(e.buf, revCacheMagic...)
	e.str(exe)
	e.str(string(d))
	e.str(dir)
	prefix := hex.EncodeToString(folder[:16])
	return &revCache{
		path:      filepath.Join(df.cacheDir, prefix+"-"+hex.EncodeToString(build[:8])),
		folder:    prefix,
		header:    e.buf,
		settledBy: time.Now().Add(-df.settle),
	}
}

// open stats the folder and reads the cache file. When the folder's key
// is the one the cache's listing was taken under, it returns that
// listing (sorted, as dirfdReader.list's) and true.
func (c *revCache) open(st statter) ([]string, bool) {
	// The folder is stat'ed before it is listed: a change during the
	// listing moves its key past the one saved with it.
	if k, err := st.statDir(); err == nil {
		c.dir = k
	}
	c.read()
	if !c.listed.valid() || c.listed != c.dir {
		return nil, false
	}
	names := make([]string, 0, len(c.index)+len(c.others))
	o := c.others
	for _, e := range c.index {
		for len(o) > 0 && o[0] < e.path {
			names, o = append(names, o[0]), o[1:]
		}
		names = append(names, e.path)
	}
	return append(names, o...), true
}

// match stats every file of names with workers, and sets revs and poss
// for the files that still match their entry (without statements when
// headersOnly), and keys for all. It returns the indexes of the others,
// which must be read.
func (c *revCache) match(st statter, names []string, revs []*Revision, poss []headerPos, keys []fileKey, headersOnly bool) []int {
	workers := min(runtime.GOMAXPROCS(0), max(len(names)/256, 1))
	parallel(workers, len(names), func(_, i int) {
		if k, err := st.stat(baseName(names[i])); err == nil {
			keys[i] = k
		}
	})
	// A hit is a file whose entry still matches; it gets a revision of
	// one array, and its lists of strings and statements are carved from
	// one array each, at offsets found from the counts at the start of
	// each record. Then workers decode the records.
	type hit struct{ i, j, strs, nStrs, stmts, nStmts int }
	var todo []int
	hits := make([]hit, 0, len(names))
	nStrs, nStmts := 0, 0
	j := 0
	for i, name := range names {
		for j < len(c.index) && c.index[j].path < name {
			j++
		}
		if j < len(c.index) && c.index[j].path == name && keys[i].valid() && c.index[j].key == keys[i] {
			d := decoder{buf: c.index[j].record}
			a, b := d.size()
			hits = append(hits, hit{i, j, nStrs, a, nStmts, b})
			nStrs += a
			nStmts += b
			continue
		}
		todo = append(todo, i)
	}
	all := make([]Revision, len(hits))
	strs := make([]string, nStrs)
	var stmts []Statement
	if !headersOnly {
		stmts = make([]Statement, nStmts)
	}
	parallel(min(runtime.GOMAXPROCS(0), max(len(hits)/1024, 1)), len(hits), func(_, k int) {
		h := hits[k]
		r := &all[k]
		r.Path = c.index[h.j].path
		p := pools{strs: strs[h.strs : h.strs+h.nStrs]}
		if !headersOnly {
			p.stmts = stmts[h.stmts : h.stmts+h.nStmts]
		}
		d := decoder{buf: c.index[h.j].record}
		poss[h.i] = d.revision(r, &p, headersOnly)
		if !d.bad && len(p.strs) == 0 && len(p.stmts) == 0 {
			revs[h.i] = r
		}
	})
	for _, h := range hits {
		if revs[h.i] == nil { // the CRC held, so this is a bug: reading the file is right
			todo = append(todo, h.i)
		}
	}
	return todo
}

// save writes the cache anew when it would differ from what was read: it
// holds every file that parsed, with its statements, and has settled.
// read lists the indexes of names that were read and parsed (in full,
// whatever the load was asked for), keys their keys by index of names; a
// failure to write is ignored.
func (c *revCache) save(names []string, revs []*Revision, poss []headerPos, read []int, keys []fileKey) {
	fresh := 0
	for _, i := range read {
		if revs[i] != nil && keys[i].valid() && keys[i].settled(c.settledBy) {
			fresh++
		}
	}
	var dir fileKey
	if c.dir.valid() && c.dir.settled(c.settledBy) {
		dir = c.dir
	}
	if fresh == 0 && len(names)-len(read) == len(c.index) && dir == c.listed {
		return
	}
	wasRead := make([]bool, len(names))
	for _, i := range read {
		wasRead[i] = true
	}
	type out struct {
		path   string
		key    fileKey
		record []byte
	}
	var entries []out
	var others []string
	var rec encoder
	j := 0
	for i, name := range names {
		if wasRead[i] {
			if k := keys[i]; revs[i] != nil && k.valid() && k.settled(c.settledBy) {
				start := len(rec.buf)
				rec.revision(revs[i], poss[i])
				entries = append(entries, out{name, k, rec.buf[start:len(rec.buf):len(rec.buf)]})
			} else {
				others = append(others, name)
			}
			continue
		}
		for c.index[j].path != name {
			j++
		}
		entries = append(entries, out{name, c.index[j].key, c.index[j].record})
	}
	var e encoder
	e.buf = append(e.buf, c.header...)
	e.num(uint64(len(entries)))
	for _, x := range entries {
		e.str(x.path)
		e.key(x.key)
		e.num(uint64(len(x.record)))
	}
	e.key(dir)
	e.strs(others)
	for _, x := range entries {
		e.buf = append(e.buf, x.record...)
	}
	e.buf = binary.LittleEndian.AppendUint32(e.buf, crc32.Checksum(e.buf, crcTable))
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.path), ".revisions-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(e.buf)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), c.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	c.prune()
}

// prune removes the other cache files of this folder and dialect whose
// build is gone, and those of an older format or an older name (the folder
// hash alone).
func (c *revCache) prune() {
	dir := filepath.Dir(c.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if p == c.path || !strings.HasPrefix(e.Name(), c.folder) {
			continue
		}
		if exe, ok := cacheBuild(p); !ok || buildkey.Gone(exe) {
			os.Remove(p)
		}
	}
}

// cacheBuild reads the executable's key from the header of the cache file
// at path; false when the file is not a cache of this format.
func cacheBuild(path string) (string, bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	head := make([]byte, 8<<10) // the magic and an executable's path and key
	n, _ := io.ReadFull(f, head)
	if !bytes.HasPrefix(head[:n], []byte(revCacheMagic)) {
		return "", false
	}
	d := decoder{buf: head[:n], off: len(revCacheMagic)}
	exe := d.str()
	return exe, !d.bad
}

// read sets the index of the cache file, sorted by path, and its listing;
// it leaves them empty when there is no file or it does not check out.
func (c *revCache) read() {
	data, err := os.ReadFile(c.path)
	if err != nil || len(data) < len(c.header)+4 || !bytes.HasPrefix(data, c.header) {
		return
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(data[len(body):]) {
		return
	}
	d := decoder{buf: body, off: len(c.header)}
	index := make([]cacheEntry, d.count())
	lens := make([]int, len(index))
	for i := range index {
		e := &index[i]
		e.path = d.str()
		e.key = d.key()
		lens[i] = d.count()
		if d.bad || (i > 0 && index[i-1].path >= e.path) {
			return
		}
	}
	listed := d.key()
	others := make([]string, d.count())
	for i := range others {
		others[i] = d.str()
		if i > 0 && others[i-1] >= others[i] {
			return
		}
	}
	for i := range index {
		if lens[i] > len(d.buf)-d.off {
			return
		}
		index[i].record = d.buf[d.off : d.off+lens[i] : d.off+lens[i]]
		d.off += lens[i]
	}
	if d.bad || d.off != len(d.buf) {
		return
	}
	c.index, c.listed, c.others = index, listed, others
}

// A record: unsigned varints, and strings as a length and the bytes. The
// numbers of strings in lists and of statements first (so that the
// decoder allocates each kind once for all records), the header fields and
// positions, then the checksum, the flags and the statements, so that a
// headers-only load stops early.

type encoder struct{ buf []byte }

func (e *encoder) num(n uint64) { e.buf = binary.AppendUvarint(e.buf, n) }
func (e *encoder) str(s string) { e.num(uint64(len(s))); e.buf = append(e.buf, s...) }

// key writes k as five 8-byte numbers.
func (e *encoder) key(k fileKey) {
	for _, n := range [...]uint64{k.dev, k.ino, k.size, uint64(k.mtime), uint64(k.ctime)} {
		e.buf = binary.LittleEndian.AppendUint64(e.buf, n)
	}
}

func (e *encoder) strs(s []string) {
	e.num(uint64(len(s)))
	for _, x := range s {
		e.str(x)
	}
}

// stmts writes a section's statements; tool are the indexes of those
// marked OnlineTool, kept in the low bit of each line number.
func (e *encoder) stmts(s []Statement, tool []int) {
	e.num(uint64(len(s)))
	for i, st := range s {
		e.str(st.SQL)
		line := uint64(st.Line) << 1
		if len(tool) > 0 && tool[0] == i {
			line |= 1
			tool = tool[1:]
		}
		e.num(line)
	}
}

func (e *encoder) revision(r *Revision, pos headerPos) {
	e.num(uint64(len(r.Parents) + len(r.DependsOn) + len(r.BranchLabels) + len(r.Warnings) + len(r.DowngradeWarnings)))
	e.num(uint64(len(r.Upgrade) + len(r.Downgrade)))
	e.str(r.ID)
	e.strs(r.Parents)
	e.strs(r.DependsOn)
	e.strs(r.BranchLabels)
	e.str(r.Message)
	e.str(r.Created)
	e.strs(r.Warnings)
	e.strs(r.DowngradeWarnings)
	for _, p := range [...]int{pos.id, pos.revises, pos.dependsOn, pos.created, pos.labels} {
		e.num(uint64(p))
	}
	e.str(r.Checksum)
	var flags uint64
	if r.UpgradeNoTx {
		flags |= 1
	}
	if r.DowngradeNoTx {
		flags |= 2
	}
	if r.Plain {
		flags |= 4
	}
	e.num(flags)
	e.stmts(r.Upgrade, r.UpgradeOnlineTool)
	e.stmts(r.Downgrade, r.DowngradeOnlineTool)
}

// decoder reads what encoder wrote; any inconsistency sets bad.
type decoder struct {
	buf []byte
	off int
	bad bool
}

func (d *decoder) num() uint64 {
	n, w := binary.Uvarint(d.buf[d.off:])
	if w <= 0 {
		d.bad, d.off = true, len(d.buf)
		return 0
	}
	d.off += w
	return n
}

// count reads a number of things that each take at least one byte.
func (d *decoder) count() int {
	n := d.num()
	if n > uint64(len(d.buf)-d.off) {
		d.bad, d.off = true, len(d.buf)
		return 0
	}
	return int(n)
}

func (d *decoder) key() fileKey {
	if d.off+40 > len(d.buf) {
		d.bad, d.off = true, len(d.buf)
		return fileKey{}
	}
	k := d.buf[d.off : d.off+40]
	d.off += 40
	return fileKey{
		dev:   binary.LittleEndian.Uint64(k),
		ino:   binary.LittleEndian.Uint64(k[8:]),
		size:  binary.LittleEndian.Uint64(k[16:]),
		mtime: int64(binary.LittleEndian.Uint64(k[24:])),
		ctime: int64(binary.LittleEndian.Uint64(k[32:])),
	}
}

func (d *decoder) str() string {
	n := d.count()
	if n == 0 {
		return ""
	}
	s := string(d.buf[d.off : d.off+n])
	d.off += n
	return s
}

// take carves n items off the front of pool, which the caller sized.
func take[T any](d *decoder, pool *[]T, n int) []T {
	if n == 0 {
		return nil
	}
	if n > len(*pool) {
		d.bad = true
		return nil
	}
	s := (*pool)[:n:n]
	*pool = (*pool)[n:]
	return s
}

func (d *decoder) strs(pool *[]string) []string {
	s := take(d, pool, d.count())
	for i := range s {
		s[i] = d.str()
	}
	return s
}

func (d *decoder) stmts(pool *[]Statement) ([]Statement, []int) {
	s := take(d, pool, d.count())
	var tool []int
	for i := range s {
		s[i].SQL = d.str()
		line := d.num()
		s[i].Line = int(line >> 1)
		if line&1 == 1 {
			tool = append(tool, i)
		}
	}
	return s, tool
}

// pools are the slices that decoded revisions share.
type pools struct {
	strs  []string
	stmts []Statement
}

// size reads the counts at the start of a record.
func (d *decoder) size() (strs, stmts int) { return d.count(), d.count() }

// revision decodes a record into r, its lists carved from p.
func (d *decoder) revision(r *Revision, p *pools, headersOnly bool) headerPos {
	d.size()
	r.ID = d.str()
	r.Parents = d.strs(&p.strs)
	r.DependsOn = d.strs(&p.strs)
	r.BranchLabels = d.strs(&p.strs)
	r.Message = d.str()
	r.Created = d.str()
	r.Warnings = d.strs(&p.strs)
	r.DowngradeWarnings = d.strs(&p.strs)
	pos := headerPos{id: int(d.num()), revises: int(d.num()), dependsOn: int(d.num()), created: int(d.num()), labels: int(d.num())}
	r.Checksum = d.str()
	flags := d.num()
	r.UpgradeNoTx, r.DowngradeNoTx, r.Plain = flags&1 != 0, flags&2 != 0, flags&4 != 0
	if !headersOnly {
		r.Upgrade, r.UpgradeOnlineTool = d.stmts(&p.stmts)
		r.Downgrade, r.DowngradeOnlineTool = d.stmts(&p.stmts)
		if d.off != len(d.buf) {
			d.bad = true
		}
	}
	return pos
}
