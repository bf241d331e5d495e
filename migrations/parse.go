package migrations

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
)

// headerPos records where a parsed file declares its links, so that graph
// errors can point at the right line.
type headerPos struct {
	id, revises, dependsOn, created, labels int
}

// ParseFile parses one revision file. path is used in errors and kept in
// Revision.Path.
//
// The file starts with a header of "--" comment lines: the first is the
// message, then "Revision ID:", "Revises:" (empty for a root, comma-separated
// for a merge), "Create Date:", optionally "Depends On:" (comma-separated)
// "Online: false" (the file holds the plain, blocking form of its changes
// on purpose: see Revision.Plain) and any number of "WARNING:" and
// "Downgrade WARNING:" lines; other
// comment lines are ignored. Then
// come the "-- +retort Upgrade" and "-- +retort Downgrade" sections, each
// exactly once and in that order. Inside a section, "-- +retort
// StatementBegin" and "-- +retort StatementEnd" wrap a statement that must
// not be split, and "-- +retort NoTransaction" (or "-- +retort Upgrade
// NoTransaction") marks the section as one that must run outside a
// transaction. On MySQL, "-- +retort OnlineTool" marks the ALTER TABLE
// that follows it as one to run through [migrations] online_tool
// (Revision.UpgradeOnlineTool). Statements are split by SplitStatements. A marker is a line
// of its own outside any string, quoted identifier, block comment or
// dollar quote: the same text inside one is SQL.
//
// Revision IDs are 1 to 64 ASCII letters, digits, "_" and "-", do not start
// with "-", and are not "head", "heads", "base" or "current" in any case,
// nor one of those followed by "-N" (which reads as a relative identifier).
//
// Files are text: a NUL byte or invalid UTF-8 is an error at its line, a
// leading byte-order mark is skipped, CRLF line endings work (statements
// keep them). Data above MaxFileSize is refused. Every error is a
// *FileError of one line.
func ParseFile(path string, data []byte, d dialect.Name) (*Revision, error) {
	if len(data) > MaxFileSize {
		return nil, &FileError{Path: path, Err: errTooLarge{int64(len(data))}}
	}
	rev, _, err := parseFile(path, data, d)
	if err != nil {
		return nil, err
	}
	return rev, nil
}

const (
	sectionNone = iota
	sectionUpgrade
	sectionDowngrade
)

// fileParser holds the state of parseFile while it walks the file.
type fileParser struct {
	path        string
	src         string
	d           dialect.Name
	rev         *Revision
	pos         headerPos
	section     int
	sectionLine [3]int    // line of each section's marker, 0 if not seen
	blockStart  int       // offset of the open StatementBegin block's text, -1 if none
	blockLine   int       // line of its StatementBegin marker
	noTxLine    int       // line of the section's NoTransaction, 0 if none
	toolLine    int       // line of an OnlineTool that waits for its statement, 0 if none
	words       [4]string // room for a marker's words
}

// parseFile parses data, the content of the file at path.
func parseFile(path string, data []byte, d dialect.Name) (*Revision, headerPos, error) {
	src := string(data)
	if i := strings.IndexByte(src, 0); i >= 0 {
		return nil, headerPos{}, fileErrorf(path, 1+strings.Count(src[:i], "\n"), nil, "not a text file (NUL byte)")
	}
	if !utf8.ValidString(src) {
		line := 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += size
		}
		return nil, headerPos{}, fileErrorf(path, line, nil, "not UTF-8 text")
	}
	p := &fileParser{
		path:       path,
		src:        src,
		d:          d,
		rev:        &Revision{Path: path},
		blockStart: -1,
	}
	if err := p.parse(); err != nil {
		return nil, headerPos{}, err
	}
	sum := sha256.Sum256(data)
	var hexSum [2 * sha256.Size]byte
	hex.Encode(hexSum[:], sum[:])
	p.rev.Checksum = string(hexSum[:])
	return p.rev, p.pos, nil
}

// parse reads the header line by line up to the first marker, then each
// section with the statement splitter, which also finds the next marker:
// a marker line counts only outside strings, quoted identifiers, block
// comments and dollar quotes, so SQL text that happens to hold
// "-- +retort Downgrade" on a line of its own stays SQL.
func (p *fileParser) parse() error {
	src := p.src
	off := 0
	if strings.HasPrefix(src, "\uFEFF") {
		off = len("\uFEFF")
	}
	line, firstComment := 0, true
	var words []string
	found := false
	for off < len(src) {
		line++
		next := sqllex.LineEnd(src, off)
		text := strings.TrimSpace(src[off:next])
		if words, found = marker(text, p.words[:0]); found {
			break
		}
		if text != "" {
			if !strings.HasPrefix(text, "--") {
				return fileErrorf(p.path, line, nil, "SQL before the %q marker", "-- +retort Upgrade")
			}
			parseHeaderLine(strings.TrimSpace(text[2:]), line, firstComment, p.rev, &p.pos)
			firstComment = false
		}
		off = min(next+1, len(src))
	}
	for found {
		next := min(sqllex.LineEnd(src, off)+1, len(src))
		if err := p.marker(words, line, off, next); err != nil {
			return err
		}
		stmts, end, endLine, err := splitSection(src, next, p.d, line+1, true)
		if err != nil {
			if fe, ok := err.(*FileError); ok {
				fe.Path = p.path
			}
			return err
		}
		if p.blockStart < 0 { // a block's text is taken whole at its StatementEnd
			if err := p.add(stmts); err != nil {
				return err
			}
		}
		if end == len(src) {
			break
		}
		off, line = end, endLine
		words, _ = marker(strings.TrimSpace(src[off:sqllex.LineEnd(src, off)]), p.words[:0])
	}
	if p.blockStart >= 0 {
		return fileErrorf(p.path, p.blockLine, nil, "%q without %q", "-- +retort StatementBegin", "-- +retort StatementEnd")
	}
	if err := p.toolPending(); err != nil {
		return err
	}
	if err := validateHeader(p.path, p.rev, p.pos); err != nil {
		return err
	}
	last := max(lastLine(src), 1)
	if p.sectionLine[sectionUpgrade] == 0 {
		return fileErrorf(p.path, last, nil, "missing %q section", "-- +retort Upgrade")
	}
	if p.sectionLine[sectionDowngrade] == 0 {
		return fileErrorf(p.path, last, nil, "missing %q section", "-- +retort Downgrade")
	}
	return nil
}

// lastLine returns the number of the last line of src.
func lastLine(src string) int {
	n := strings.Count(src, "\n")
	if src != "" && src[len(src)-1] != '\n' {
		n++
	}
	return n
}

// add appends statements to the current section, refusing MySQL client
// commands.
func (p *fileParser) add(stmts []Statement) error {
	if len(stmts) == 0 {
		return nil
	}
	if p.d == dialect.MySQL {
		for _, st := range stmts {
			if len(st.SQL) > len("DELIMITER") && strings.EqualFold(st.SQL[:len("DELIMITER")], "DELIMITER") && st.SQL[len("DELIMITER")] <= ' ' {
				return fileErrorf(p.path, st.Line, nil, "DELIMITER is a mysql client command: wrap the statement in %q and %q instead",
					"-- +retort StatementBegin", "-- +retort StatementEnd")
			}
		}
	}
	sec, tool := &p.rev.Upgrade, &p.rev.UpgradeOnlineTool
	if p.section == sectionDowngrade {
		sec, tool = &p.rev.Downgrade, &p.rev.DowngradeOnlineTool
	}
	if p.toolLine != 0 {
		if err := checkToolStatement(stmts[0].SQL); err != nil {
			return fileErrorf(p.path, stmts[0].Line, nil, "%v (it follows %q at line %d)", err, "-- +retort OnlineTool", p.toolLine)
		}
		*tool = append(*tool, len(*sec))
		p.toolLine = 0
	}
	if *sec == nil {
		*sec = stmts // the splitter's slice is ours
	} else {
		*sec = append(*sec, stmts...)
	}
	return nil
}

// marker reports whether text (a trimmed line) is a "-- +retort ..."
// annotation and returns its words after "+retort", appended to buf.
func marker(text string, buf []string) ([]string, bool) {
	rest, ok := markerRest(text)
	if !ok {
		return nil, false
	}
	for {
		rest = strings.TrimLeft(rest, " \t\r\n\f\v")
		if rest == "" {
			return buf, true
		}
		end := strings.IndexAny(rest, " \t\r\n\f\v")
		if end < 0 {
			end = len(rest)
		}
		buf = append(buf, rest[:end])
		rest = rest[end:]
	}
}

// markerRest is marker without splitting the words: what follows
// "+retort".
func markerRest(text string) (string, bool) {
	rest, ok := strings.CutPrefix(text, "--")
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if len(rest) < len("+retort") || !strings.EqualFold(rest[:len("+retort")], "+retort") {
		return "", false
	}
	rest = rest[len("+retort"):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return rest, true
}

// marker applies one "-- +retort" annotation found on line, which spans
// src[off:next]. The statements before it have been added.
func (p *fileParser) marker(words []string, line, off, next int) error {
	unknown := func() error {
		return fileErrorf(p.path, line, nil, "unknown annotation %s (want Upgrade, Downgrade, NoTransaction, StatementBegin, StatementEnd or OnlineTool)",
			clip(strings.TrimSpace("-- +retort "+strings.Join(words, " "))))
	}
	if len(words) == 0 {
		return unknown()
	}
	kw := strings.ToLower(words[0])
	if p.blockStart >= 0 && kw != "statementend" {
		return fileErrorf(p.path, p.blockLine, nil, "%q without %q", "-- +retort StatementBegin", "-- +retort StatementEnd")
	}
	switch kw {
	case "upgrade", "downgrade":
		sec, name := sectionUpgrade, "Upgrade"
		if kw == "downgrade" {
			sec, name = sectionDowngrade, "Downgrade"
		}
		if len(words) > 2 || len(words) == 2 && !strings.EqualFold(words[1], "NoTransaction") {
			return unknown()
		}
		if err := p.toolPending(); err != nil {
			return err
		}
		if first := p.sectionLine[sec]; first != 0 {
			return fileErrorf(p.path, line, nil, "second %q section (the first is at line %d)", "-- +retort "+name, first)
		}
		if sec == sectionDowngrade && p.sectionLine[sectionUpgrade] == 0 {
			return fileErrorf(p.path, line, nil, "%q before %q", "-- +retort Downgrade", "-- +retort Upgrade")
		}
		p.section, p.sectionLine[sec], p.noTxLine = sec, line, 0
		if len(words) == 2 {
			setNoTx(p.rev, sec)
			p.noTxLine = line
		}
	case "notransaction":
		if len(words) > 1 {
			return unknown()
		}
		if p.section == sectionNone {
			return fileErrorf(p.path, line, nil, "%q outside a section", "-- +retort NoTransaction")
		}
		if p.noTxLine != 0 {
			return fileErrorf(p.path, line, nil, "second %q in this section (the first is at line %d)", "-- +retort NoTransaction", p.noTxLine)
		}
		setNoTx(p.rev, p.section)
		p.noTxLine = line
	case "onlinetool":
		if len(words) > 1 {
			return unknown()
		}
		if p.section == sectionNone {
			return fileErrorf(p.path, line, nil, "%q outside a section", "-- +retort OnlineTool")
		}
		if p.d != dialect.MySQL {
			return fileErrorf(p.path, line, nil, "%q is for MySQL and MariaDB (it runs an ALTER TABLE through pt-online-schema-change)", "-- +retort OnlineTool")
		}
		if err := p.toolPending(); err != nil {
			return err
		}
		p.toolLine = line
	case "statementbegin":
		if len(words) > 1 {
			return unknown()
		}
		if p.section == sectionNone {
			return fileErrorf(p.path, line, nil, "%q outside a section", "-- +retort StatementBegin")
		}
		p.blockStart, p.blockLine = next, line
	case "statementend":
		if len(words) > 1 {
			return unknown()
		}
		if p.blockStart < 0 {
			return fileErrorf(p.path, line, nil, "%q without %q", "-- +retort StatementEnd", "-- +retort StatementBegin")
		}
		block := p.src[p.blockStart:off]
		lead := block[:len(block)-len(strings.TrimLeft(block, " \t\r\n"))]
		sql := strings.TrimSpace(block)
		sql = strings.TrimSpace(strings.TrimSuffix(sql, ";"))
		if sql != "" {
			if err := p.add([]Statement{{SQL: sql, Line: p.blockLine + 1 + strings.Count(lead, "\n")}}); err != nil {
				return err
			}
		}
		p.blockStart = -1
	default:
		return unknown()
	}
	return nil
}

// toolPending reports an OnlineTool annotation that no statement followed
// in its section.
func (p *fileParser) toolPending() error {
	if p.toolLine == 0 {
		return nil
	}
	return fileErrorf(p.path, p.toolLine, nil, "%q is not followed by a statement in its section", "-- +retort OnlineTool")
}

func setNoTx(rev *Revision, section int) {
	if section == sectionUpgrade {
		rev.UpgradeNoTx = true
	} else {
		rev.DowngradeNoTx = true
	}
}

// parseHeaderLine reads one header comment line (without "--").
func parseHeaderLine(text string, line int, first bool, rev *Revision, pos *headerPos) {
	key, value, hasColon := strings.Cut(text, ":")
	if hasColon {
		value = strings.TrimSpace(value)
		switch k := strings.TrimSpace(key); {
		case strings.EqualFold(k, "Revision ID"):
			if pos.id == 0 {
				rev.ID, pos.id = value, line
			} else if pos.id > 0 { // the first repetition is reported
				pos.id = -line // reported by validateHeader
			}
			return
		case strings.EqualFold(k, "Revises"):
			if pos.revises == 0 {
				rev.Parents, pos.revises = splitIDs(value), line
			} else if pos.revises > 0 { // the first repetition is reported
				pos.revises = -line
			}
			return
		case strings.EqualFold(k, "Depends On"):
			if pos.dependsOn == 0 {
				rev.DependsOn, pos.dependsOn = splitIDs(value), line
			} else if pos.dependsOn > 0 { // the first repetition is reported
				pos.dependsOn = -line
			}
			return
		case strings.EqualFold(k, "Branch Labels"):
			if pos.labels == 0 {
				rev.BranchLabels, pos.labels = splitIDs(value), line
			} else if pos.labels > 0 { // the first repetition is reported
				pos.labels = -line
			}
			return
		case strings.EqualFold(k, "Create Date"):
			if pos.created == 0 {
				rev.Created, pos.created = value, line
			} else if pos.created > 0 { // the first repetition is reported
				pos.created = -line
			}
			return
		case strings.EqualFold(k, "Online"):
			if b, err := strconv.ParseBool(value); err == nil {
				rev.Plain = !b
			}
			return
		case strings.EqualFold(k, "WARNING"):
			rev.Warnings = append(rev.Warnings, value)
			return
		case strings.EqualFold(strings.Join(strings.Fields(k), " "), "Downgrade WARNING"):
			rev.DowngradeWarnings = append(rev.DowngradeWarnings, value)
			return
		}
	}
	if first {
		rev.Message = text
	}
}

// splitIDs splits a comma-separated list of revision ids. Empty entries are
// kept (as "") so that validateHeader reports them.
func splitIDs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// validateHeader checks the header fields once the file has been read.
func validateHeader(path string, rev *Revision, pos headerPos) error {
	switch {
	case pos.id < 0:
		return fileErrorf(path, -pos.id, nil, "second %q header line", "Revision ID:")
	case pos.revises < 0:
		return fileErrorf(path, -pos.revises, nil, "second %q header line", "Revises:")
	case pos.dependsOn < 0:
		return fileErrorf(path, -pos.dependsOn, nil, "second %q header line", "Depends On:")
	case pos.created < 0:
		return fileErrorf(path, -pos.created, nil, "second %q header line", "Create Date:")
	case pos.labels < 0:
		return fileErrorf(path, -pos.labels, nil, "second %q header line", "Branch Labels:")
	case pos.id == 0:
		return fileErrorf(path, 1, nil, "missing %q header line", "-- Revision ID:")
	}
	if err := checkID(rev.ID); err != nil {
		return fileErrorf(path, pos.id, nil, "Revision ID: %v", err)
	}
	for _, list := range []struct {
		ids  []string
		line int
		name string
	}{{rev.Parents, pos.revises, "Revises"}, {rev.DependsOn, pos.dependsOn, "Depends On"}, {rev.BranchLabels, pos.labels, "Branch Labels"}} {
		seen := make(map[string]bool, len(list.ids))
		for _, id := range list.ids {
			if err := checkID(id); err != nil {
				return fileErrorf(path, list.line, nil, "%s: %v", list.name, err)
			}
			if seen[id] {
				return fileErrorf(path, list.line, nil, "%s: %q is listed twice", list.name, id)
			}
			seen[id] = true
		}
	}
	return nil
}

// MaxIDLength is the longest revision id: the version table's column is
// varchar(64).
const MaxIDLength = 64

// checkID reports why id cannot be a revision id: it must be 1 to 64 ASCII
// letters, digits, "_" and "-", not start with "-", and not read as one of
// the identifier grammar's words ("head", "heads", "base", "current" in
// any case, or those followed by "-N", which reads as a relative
// identifier).
func checkID(id string) error {
	if id == "" {
		return errorf(nil, "empty revision id")
	}
	if len(id) > MaxIDLength {
		return errorf(nil, "revision id %s is %d characters long, more than %d", clip(id), len(id), MaxIDLength)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return errorf(nil, "revision id %q has a character other than letters, digits, \"_\" and \"-\"", id)
		}
	}
	if id[0] == '-' {
		return errorf(nil, "revision id %q starts with \"-\"", id)
	}
	word, steps, relative := strings.Cut(strings.ToLower(id), "-")
	switch word {
	case "head", "heads", "base", "current":
		if !relative {
			return errorf(nil, "%q is reserved and cannot be a revision id", id)
		}
		if steps != "" && strings.Trim(steps, "0123456789") == "" {
			return errorf(nil, "revision id %q reads as the relative identifier %s-%s", id, word, steps)
		}
	}
	return nil
}

// clip quotes s for an error message, shortened to 40 bytes so that a
// hostile line cannot make a huge message.
func clip(s string) string {
	if len(s) <= 40 {
		return strconv.Quote(s)
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}
