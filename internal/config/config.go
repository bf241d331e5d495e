// Package config loads retort.toml: found by --config-file or by searching
// the current folder and its parents, with the database URL overridable by
// --url and RETORT_DATABASE_URL. An oslo.config-style INI file (Fenix's
// fenix.conf, with `[database] connection = mysql+pymysql://...`) is read
// too, so an existing Alembic setup keeps working.
package config

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
)

// FileName is the name searched for when no --config-file is given.
const FileName = "retort.toml"

// EnvURL is the environment variable that overrides [database] url.
const EnvURL = "RETORT_DATABASE_URL"

// Defaults.
const (
	DefaultMigrationsDir = "migrations"
	DefaultVersionTable  = "retort_version"
	DefaultModels        = "./models"
)

// Config is a loaded configuration. Paths in it are as written; use the
// methods for paths resolved against the config file's folder.
type Config struct {
	// Path is the config file that was read; Dir its folder, against which
	// relative paths resolve.
	Path string `toml:"-"`
	Dir  string `toml:"-"`
	// INI is set when the file is an oslo.config INI file (fenix.conf),
	// which may give the database only; MigrationsSet when it names a
	// migrations folder.
	INI bool `toml:"-"`
	// SQLAlchemyURLs is set when the database URLs come from an
	// oslo.config file: they are SQLAlchemy's, sqlite:///x.db relative.
	SQLAlchemyURLs bool `toml:"-"`
	MigrationsSet  bool `toml:"-"`
	// URLDir, when set, is the folder relative SQLite paths of the
	// database URLs resolve against instead of Dir (the oslo.config file's
	// folder when the project part comes from a retort.toml elsewhere).
	URLDir string `toml:"-"`

	lockTimeout, stallTimeout time.Duration // [migrations], parsed
	statementLockTimeout      time.Duration // [migrations] statement_lock_timeout, parsed (default applied)
	onlineToolLine            int           // the line of [migrations] online_tool

	Database struct {
		URL        string `toml:"url"`
		Connection string `toml:"connection"` // alias of url
		DevURL     string `toml:"dev_url"`
		// CacheDir holds normalized tables between runs ("" = the user's
		// cache folder, "off" = no cache).
		CacheDir string `toml:"cache_dir"`
	} `toml:"database"`
	Migrations struct {
		Dir string `toml:"dir"`
		// VersionLocations are more migrations folders, each with a
		// versions/ folder as Dir has (Alembic's version_locations): one
		// revision graph across them all.
		VersionLocations []string `toml:"version_locations"`
		VersionTable     string   `toml:"version_table"`
		// LockTimeout is how long a run waits for the migration lock
		// ("60s"); StallTimeout how long a statement may wait while the
		// server cannot be reached ("30s"). Durations as Go writes them.
		LockTimeout  string `toml:"lock_timeout"`
		StallTimeout string `toml:"stall_timeout"`
		// Online (default true) makes autogenerate write the non-blocking
		// form of each change to an existing table: indexes CONCURRENTLY,
		// keys NOT VALID then validated (PostgreSQL), ALGORITHM=INSTANT or
		// INPLACE, LOCK=NONE (MySQL). false writes the plain form.
		Online *bool `toml:"online"`
		// StatementLockTimeout bounds how long each statement of a
		// revision waits for a table lock (PostgreSQL lock_timeout, MySQL
		// lock_wait_timeout) before it fails, so that DDL queued behind a
		// long transaction does not queue every query of the table behind
		// itself. Default DefaultStatementLockTimeout; "0" sets nothing.
		StatementLockTimeout string `toml:"statement_lock_timeout"`
		// LockRetries is how many times a revision that failed on the
		// statement lock timeout is tried again, with a growing pause
		// (flag --retry-lock); 0, the default, fails at once.
		LockRetries int `toml:"lock_retries"`
		// OnlineTool names the tool that runs the ALTER TABLEs a revision
		// marks "-- +retort OnlineTool" (MySQL/MariaDB): autogenerate
		// marks those that can only copy their table. The one value is
		// OnlineToolPTOSC.
		OnlineTool string `toml:"online_tool"`
	} `toml:"migrations"`
	Models struct {
		Packages []string `toml:"packages"`
		Tags     []string `toml:"tags"`
		Include  []string `toml:"include"`
		Exclude  []string `toml:"exclude"`
		// GORM's NamingStrategy options, for projects that set them.
		TablePrefix   string `toml:"table_prefix"`
		SingularTable bool   `toml:"singular_table"`
		// Structs lists the models in AutoMigrate order, for projects
		// that build that list at run time: "./models.User".
		Structs []string `toml:"structs"`
		// gorm.Config options that change the schema: foreign_keys =
		// false is DisableForeignKeyConstraintWhenMigrating (nil: true).
		ForeignKeys         *bool `toml:"foreign_keys"`
		IgnoreRelationships bool  `toml:"ignore_relationships"`
		// The MySQL driver's Config options that change column types.
		DefaultStringSize        int  `toml:"default_string_size"`
		DatetimePrecision        *int `toml:"datetime_precision"`
		DisableDatetimePrecision bool `toml:"disable_datetime_precision"`
	} `toml:"models"`
	Lint struct {
		// Ignore names lint rules (or kinds: locking, destructive,
		// failure, breaking) that `retort lint` never reports in this
		// project.
		Ignore []string `toml:"ignore"`
	} `toml:"lint"`
}

// Error is a problem with a config file, printed as path:line: message.
type Error struct {
	Path string
	Line int // 0 when unknown
	Msg  string
}

// BadInput reports that the error is about the user's config file.
func (e *Error) BadInput() bool { return true }

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// ErrNotFound is returned by Find when no retort.toml exists in the folder
// or any parent.
var ErrNotFound error = notFound{}

type notFound struct{}

func (notFound) Error() string {
	return "config: no " + FileName + " in this folder or any parent (run `retort init`, or pass --config-file)"
}

// BadInput reports that the error is about the user's setup.
func (notFound) BadInput() bool { return true }

// ErrNoURL is returned (wrapped) by URL when neither the flag, the
// environment nor the file gives a database url.
var ErrNoURL error = noURL{}

type noURL struct{}

func (noURL) Error() string { return "config: no database url" }

// BadInput reports that the error is about the user's setup.
func (noURL) BadInput() bool { return true }

// Find returns the path of retort.toml in dir or the nearest parent.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNotFound
		}
		dir = parent
	}
}

// Load reads the config file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Error{Path: path, Msg: "config file does not exist"}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	c, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c.Path = path
	c.Dir = filepath.Dir(abs)
	return c, nil
}

// Parse parses config data; path is used in messages only.
func Parse(path string, data []byte) (*Config, error) {
	c := new(Config)
	md, terr := toml.Decode(string(data), c)
	var pe toml.ParseError
	if terr != nil && !errors.As(terr, &pe) {
		// Valid TOML with a value of the wrong type for its key.
		return nil, typeError(path, terr)
	}
	if terr != nil {
		// Not TOML: perhaps an oslo.config INI file such as fenix.conf.
		if ic, ok, err := parseINI(path, data); err != nil {
			return nil, err
		} else if ok {
			c = ic
			c.INI, c.SQLAlchemyURLs = true, true
		} else {
			return nil, &Error{Path: path, Line: pe.Position.Line, Msg: oneLine(pe.Message)}
		}
	} else if undecoded := md.Undecoded(); len(undecoded) > 0 {
		var keys []string
		for _, k := range undecoded {
			if len(k) > 1 && isOurSection(k[0]) {
				keys = append(keys, k.String())
			}
		}
		if len(keys) > 0 {
			sort.Strings(keys)
			return nil, &Error{Path: path, Line: lineOf(data, keys[0]), Msg: fmt.Sprintf("unknown key %s", keys[0])}
		}
	}
	if c.Database.URL != "" && c.Database.Connection != "" && c.Database.URL != c.Database.Connection {
		return nil, &Error{Path: path, Line: lineOf(data, "database.connection"), Msg: "both url and connection are set in [database]; keep one"}
	}
	if c.Database.URL == "" {
		c.Database.URL = c.Database.Connection
	}
	if err := c.parseDurations(path, data); err != nil {
		return nil, err
	}
	if t := c.Migrations.OnlineTool; t != "" {
		c.onlineToolLine = lineOf(data, "online_tool")
		if t != OnlineToolPTOSC {
			return nil, &Error{Path: path, Line: c.onlineToolLine, Msg: fmt.Sprintf("migrations.online_tool: %q is not a tool retort runs (want %q)", t, OnlineToolPTOSC)}
		}
	}
	c.MigrationsSet = c.Migrations.Dir != ""
	if c.Migrations.Dir == "" {
		c.Migrations.Dir = DefaultMigrationsDir
	}
	if c.Migrations.VersionTable == "" {
		c.Migrations.VersionTable = DefaultVersionTable
	}
	if len(c.Models.Packages) == 0 {
		c.Models.Packages = []string{DefaultModels}
	}
	if n := c.Models.DefaultStringSize; n < 0 {
		return nil, &Error{Path: path, Line: lineOf(data, "models.default_string_size"), Msg: fmt.Sprintf("default_string_size must be a size of at least 1 (0 leaves GORM's default), not %d", n)}
	}
	if p := c.Models.DatetimePrecision; p != nil && (*p < 0 || *p > 6) {
		return nil, &Error{Path: path, Line: lineOf(data, "models.datetime_precision"), Msg: fmt.Sprintf("datetime_precision must be 0 to 6 (MySQL's fractional seconds), not %d", *p)}
	}
	return c, nil
}

// reTypeError matches BurntSushi/toml's error for a value of the wrong type.
var reTypeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (?:incompatible types: TOML value has type ([^;]+); destination has type (.+)|(.*))$`)

// typeError turns toml's error for a value of the wrong type into a one-line
// path:line: message naming the key.
func typeError(path string, err error) error {
	m := reTypeError.FindStringSubmatch(oneLine(err.Error()))
	if m == nil {
		return &Error{Path: path, Msg: oneLine(err.Error())}
	}
	line, _ := strconv.Atoi(m[1])
	msg := m[2] + ": " + m[5]
	if m[3] != "" {
		msg = fmt.Sprintf("%s must be %s, not %s", m[2], article(tomlTypeName(m[4])), article(tomlTypeName(m[3])))
	}
	return &Error{Path: path, Line: line, Msg: msg}
}

// tomlTypeName names the Go and TOML type names of toml's message as a
// user of the file knows them.
func tomlTypeName(t string) string {
	switch t {
	case "int64", "integer", "int", "uint", "uint64":
		return "integer"
	case "float64", "float":
		return "number with a fraction"
	case "boolean", "bool":
		return "boolean (true or false)"
	case "string":
		return "string"
	case "slice", "array":
		return "list"
	case "map", "struct", "table":
		return "table"
	}
	switch {
	case strings.HasPrefix(t, "[]"):
		return "list"
	case strings.HasPrefix(t, "map["):
		return "table"
	}
	return t
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

func isOurSection(s string) bool { return s == "database" || s == "migrations" || s == "models" }

// lineOf finds the 1-based line on which a dotted key's last part is set.
func lineOf(data []byte, key string) int {
	name := key[strings.LastIndex(key, ".")+1:]
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, name) && strings.HasPrefix(strings.TrimSpace(l[len(name):]), "=") {
			return i + 1
		}
	}
	return 0
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseINI reads the [database], [migrations] and [models] sections of an
// oslo.config-style INI file. It reports false when data does not look like
// one.
func parseINI(path string, data []byte) (*Config, bool, error) {
	c := new(Config)
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sawSection := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			if !strings.HasSuffix(line, "]") {
				return nil, false, nil
			}
			section = strings.TrimSpace(line[1 : len(line)-1])
			sawSection = true
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, false, nil
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{") {
			// Quoted values, arrays and tables are TOML: this is a TOML file
			// with a mistake in it, whose TOML error is the one to show.
			return nil, false, nil
		}
		if isOurSection(section) {
			var err error
			if v, err = osloValue(v); err != nil {
				return nil, false, &Error{Path: path, Line: n, Msg: fmt.Sprintf("%s %s", k, err)}
			}
		}
		switch section + "." + k {
		case "database.url":
			c.Database.URL = v
		case "database.connection":
			c.Database.Connection = v
		case "database.dev_url":
			c.Database.DevURL = v
		case "migrations.dir":
			c.Migrations.Dir = v
		case "migrations.version_locations":
			c.Migrations.VersionLocations = strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })
		case "migrations.version_table":
			c.Migrations.VersionTable = v
		case "models.packages":
			c.Models.Packages = splitList(v)
		}
	}
	return c, sawSection && sc.Err() == nil, nil
}

// osloValue reads a value of an oslo.config file: "$$" is a "$", and a
// substitution of another option ($state_path, ${state_path}) is refused,
// since retort does not know oslo's options and their defaults.
func osloValue(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '$' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 < len(v) && v[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if i+1 < len(v) && (v[i+1] == '{' || v[i+1] == '_' || unicode.IsLetter(rune(v[i+1]))) {
			name := strings.TrimPrefix(v[i+1:], "{")
			if end := strings.IndexFunc(name, func(r rune) bool { return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }); end >= 0 {
				name = name[:end]
			}
			return "", fmt.Errorf("uses oslo.config substitution $%s, which retort does not do: write the value out (a literal $ is written $$)", name)
		}
		b.WriteByte('$')
	}
	return b.String(), nil
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// MigrationsDir is the migrations folder, resolved against the config file.
func (c *Config) MigrationsDir() string { return c.resolve(c.Migrations.Dir) }

// VersionLocations are the other migrations folders, resolved against the
// config file.
func (c *Config) VersionLocations() []string {
	var out []string
	for _, l := range c.Migrations.VersionLocations {
		out = append(out, c.resolve(l))
	}
	return out
}

func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// URL returns the database URL in force: flagURL if set, else the
// RETORT_DATABASE_URL environment variable (read through getenv), else the
// file's [database] url. Relative SQLite paths in the file resolve against
// the config file's folder; those from the flag or environment against the
// current folder.
func (c *Config) URL(flagURL string, getenv func(string) string) (*dburl.URL, error) {
	switch {
	case flagURL != "":
		u, err := dburl.Parse(flagURL, "")
		if err != nil {
			return nil, &Error{Path: "--url", Msg: strings.TrimPrefix(err.Error(), "dburl: ")}
		}
		return u, nil
	case getenv != nil && getenv(EnvURL) != "":
		u, err := dburl.Parse(getenv(EnvURL), "")
		if err != nil {
			return nil, &Error{Path: EnvURL, Msg: strings.TrimPrefix(err.Error(), "dburl: ")}
		}
		return u, nil
	case c.Database.URL != "":
		u, err := c.parseURL(c.Database.URL)
		if err != nil {
			return nil, &Error{Path: c.Path, Line: 0, Msg: strings.TrimPrefix(err.Error(), "dburl: ")}
		}
		return u, nil
	}
	return nil, fmt.Errorf("%w: set [database] url in %s, %s or --url", ErrNoURL, c.displayPath(), EnvURL)
}

// Durations returns [migrations] lock_timeout and stall_timeout, zero when
// not set (Parse checked them).
func (c *Config) Durations() (lock, stall time.Duration) { return c.lockTimeout, c.stallTimeout }

// DefaultStatementLockTimeout is [migrations] statement_lock_timeout when
// the file does not set it.
const DefaultStatementLockTimeout = 5 * time.Second

// StatementLockTimeout returns [migrations] statement_lock_timeout:
// DefaultStatementLockTimeout when not set, zero when set to "0" (no
// timeout is set).
func (c *Config) StatementLockTimeout() time.Duration { return c.statementLockTimeout }

// Online reports whether autogenerate writes the online form of changes
// ([migrations] online, default true).
func (c *Config) Online() bool { return c.Migrations.Online == nil || *c.Migrations.Online }

// OnlineToolPTOSC is the one value of [migrations] online_tool.
const OnlineToolPTOSC = "pt-online-schema-change"

// CheckOnlineTool reports a [migrations] online_tool set for a database
// other than MySQL/MariaDB, once the dialect in force is known.
func (c *Config) CheckOnlineTool(d dialect.Name) error {
	if c.Migrations.OnlineTool == "" || d == dialect.MySQL {
		return nil
	}
	return &Error{Path: c.displayPath(), Line: c.onlineToolLine, Msg: fmt.Sprintf("migrations.online_tool: %s is for MySQL and MariaDB, and the database is %s", c.Migrations.OnlineTool, d)}
}

// parseDurations reads [migrations] lock_timeout and stall_timeout.
func (c *Config) parseDurations(path string, data []byte) error {
	parse := func(key, v string) (time.Duration, error) {
		if v == "" {
			return 0, nil
		}
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return 0, &Error{Path: path, Line: lineOf(data, key), Msg: fmt.Sprintf("migrations.%s: %q is not a duration such as \"90s\" or \"5m\"", key, v)}
		}
		return d, nil
	}
	var err error
	if c.lockTimeout, err = parse("lock_timeout", c.Migrations.LockTimeout); err != nil {
		return err
	}
	if c.stallTimeout, err = parse("stall_timeout", c.Migrations.StallTimeout); err != nil {
		return err
	}
	c.statementLockTimeout = DefaultStatementLockTimeout
	if v := c.Migrations.StatementLockTimeout; v != "" {
		if c.statementLockTimeout, err = parse("statement_lock_timeout", v); err != nil {
			return err
		}
		if c.statementLockTimeout > 0 && c.statementLockTimeout < time.Millisecond {
			return &Error{Path: path, Line: lineOf(data, "statement_lock_timeout"), Msg: fmt.Sprintf("migrations.statement_lock_timeout: %q is below a millisecond (\"0\" sets no timeout)", v)}
		}
	}
	if c.Migrations.LockRetries < 0 {
		return &Error{Path: path, Line: lineOf(data, "lock_retries"), Msg: fmt.Sprintf("migrations.lock_retries: %d is negative", c.Migrations.LockRetries)}
	}
	return nil
}

// NormalizeCache is the folder where normalized tables are cached between
// runs: [database] cache_dir resolved against the config file, or
// retort/normalize in the user's cache folder; "" when the cache is off or
// no folder can be made.
func (c *Config) NormalizeCache() string { return c.cacheDir("normalize", "normalize") }

// RevisionCache is the folder where parsed revision files are cached
// between runs: "revisions" in [database] cache_dir, or retort/revisions in
// the user's cache folder; "" when the cache is off or no folder can be
// made.
func (c *Config) RevisionCache() string { return c.cacheDir("revisions", "revisions") }

// cacheDir is the cache folder named def in the user's cache folder, or
// sub in the configured cache_dir. It is only a name: the caches make
// their folders, private to the user, when they first write.
func (c *Config) cacheDir(def, sub string) string {
	dir := c.Database.CacheDir
	switch dir {
	case "off", "none", "false":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "retort", def)
	default:
		dir = filepath.Join(c.resolve(dir), sub)
	}
	return dir
}

// parseURL parses a database URL of the file: SQLAlchemy's when the file
// is an oslo.config one.
func (c *Config) parseURL(raw string) (*dburl.URL, error) {
	if c.SQLAlchemyURLs {
		return dburl.ParseSQLAlchemy(raw, c.urlDir())
	}
	return dburl.Parse(raw, c.urlDir())
}

func (c *Config) urlDir() string {
	if c.URLDir != "" {
		return c.URLDir
	}
	return c.Dir
}

// DevURL returns the [database] dev_url, or nil when none is set.
func (c *Config) DevURL() (*dburl.URL, error) {
	if c.Database.DevURL == "" {
		return nil, nil
	}
	u, err := c.parseURL(c.Database.DevURL)
	if err != nil {
		return nil, &Error{Path: c.Path, Msg: "dev_url: " + strings.TrimPrefix(err.Error(), "dburl: ")}
	}
	return u, nil
}

func (c *Config) displayPath() string {
	if c.Path == "" {
		return FileName
	}
	return c.Path
}
