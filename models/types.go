package models

import (
	"fmt"
	"math"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// dataTypeOf returns the column type GORM's driver for d gives field f, as
// SQL text: gorm/migrator.DataTypeOf and the drivers' DataTypeOf. The text
// may carry GORM's extras (" AUTO_INCREMENT", " NULL", " PRIMARY KEY
// AUTOINCREMENT") that column() turns into atlas attributes. set holds the
// driver options in force.
func dataTypeOf(d dialect.Name, f *gfield, set Settings) string {
	// retort's own per-dialect type (retort:"postgres_type:jsonb"), for
	// a type whose GormDBDataType method retort cannot read.
	if t, ok := f.Settings[strings.ToUpper(string(d))+"_TYPE"]; ok && t != "" {
		return t
	}
	if m := f.gormDBDataType; m != nil {
		// GORM's migrator asks the method first; "" leaves the type to
		// the driver.
		if t, _ := m.eval(dialectorName(d), f); t != "" {
			return t
		}
	}
	switch d {
	case dialect.MySQL:
		return mysqlType(f, set)
	case dialect.Postgres:
		return postgresType(f)
	}
	return sqliteType(f)
}

// dialectorName is what db.Dialector.Name() returns for d.
func dialectorName(d dialect.Name) string { return string(d) }

func mysqlType(f *gfield, set Settings) string {
	switch f.DataType {
	case dtBool:
		return "boolean"
	case dtInt, dtUint:
		t := "bigint"
		switch {
		case f.Size <= 8:
			t = "tinyint"
		case f.Size <= 16:
			t = "smallint"
		case f.Size <= 24:
			t = "mediumint"
		case f.Size <= 32:
			t = "int"
		}
		if f.DataType == dtUint {
			t += " unsigned"
		}
		if f.AutoIncrement {
			t += " AUTO_INCREMENT"
		}
		return t
	case dtFloat:
		if f.Precision > 0 {
			return fmt.Sprintf("decimal(%d, %d)", f.Precision, f.Scale)
		}
		if f.Size <= 32 {
			return "float"
		}
		return "double"
	case dtString:
		size := f.Size
		if size == 0 && set.DefaultStringSize > 0 {
			size = set.DefaultStringSize
		} else if size == 0 {
			hasIndex := f.Settings["INDEX"] != "" || f.Settings["UNIQUE"] != ""
			if f.PrimaryKey || f.HasDefault || hasIndex {
				size = 191
			}
		}
		switch {
		case size >= 65536 && size <= 1<<24:
			return "mediumtext"
		case size > 1<<24 || size <= 0:
			return "longtext"
		}
		return fmt.Sprintf("varchar(%d)", size)
	case dtTime:
		precision := f.Precision
		if precision == 0 && f.Settings["PRECISION"] == "" {
			precision = set.datetimePrecision(dialect.MySQL)
		}
		t := "datetime"
		if precision > 0 {
			t += fmt.Sprintf("(%d)", precision)
		}
		return t
	case dtBytes:
		switch {
		case f.Size > 0 && f.Size < 65536:
			return fmt.Sprintf("varbinary(%d)", f.Size)
		case f.Size >= 65536 && f.Size <= int(math.Pow(2, 24)):
			return "mediumblob"
		}
		return "longblob"
	}
	t := f.DataType
	if f.AutoIncrement && !strings.Contains(strings.ToLower(t), " auto_increment") {
		t += " AUTO_INCREMENT"
	}
	return t
}

func postgresIntType(f *gfield) string {
	size := f.Size
	if f.DataType == dtUint {
		size++
	}
	switch {
	case size <= 16:
		return "smallint"
	case size <= 32:
		return "integer"
	}
	return "bigint"
}

func postgresType(f *gfield) string {
	if gen, ok := f.Settings["GENERATED"]; ok {
		gen = strings.TrimSpace(gen)
		if gen != "" && gen != "GENERATED" {
			if mode, ok := identityMode(gen); ok {
				return postgresIntType(f) + " GENERATED " + mode + " AS IDENTITY"
			}
			return postgresBaseType(f) + " GENERATED ALWAYS AS (" + gen + ") STORED"
		}
	}
	return postgresBaseType(f)
}

// identityMode reads the generated:identity tag of GORM's postgres driver.
func identityMode(v string) (string, bool) {
	fields := strings.Fields(strings.ToLower(v))
	if len(fields) == 0 || fields[0] != "identity" {
		return "", false
	}
	switch strings.Join(fields[1:], " ") {
	case "", "by default":
		return "BY DEFAULT", true
	case "always":
		return "ALWAYS", true
	}
	return "", false
}

func postgresBaseType(f *gfield) string {
	switch f.DataType {
	case dtBool:
		return "boolean"
	case dtInt, dtUint:
		t := postgresIntType(f)
		if f.AutoIncrement {
			switch t {
			case "smallint":
				return "smallserial"
			case "integer":
				return "serial"
			}
			return "bigserial"
		}
		return t
	case dtFloat:
		if f.Precision > 0 {
			if f.Scale > 0 {
				return fmt.Sprintf("numeric(%d, %d)", f.Precision, f.Scale)
			}
			return fmt.Sprintf("numeric(%d)", f.Precision)
		}
		return "decimal"
	case dtString:
		if f.Size > 0 && f.Size <= 10485760 {
			return fmt.Sprintf("varchar(%d)", f.Size)
		}
		return "text"
	case dtTime:
		if f.Precision > 0 {
			return fmt.Sprintf("timestamptz(%d)", f.Precision)
		}
		return "timestamptz"
	case dtBytes:
		return "bytea"
	}
	t := f.DataType
	if f.AutoIncrement && !strings.Contains(strings.ToLower(t), "serial") {
		size := f.Size
		if f.GORMDataType == dtUint {
			size++
		}
		switch {
		case size <= 16:
			t = "smallserial"
		case size <= 32:
			t = "serial"
		default:
			t = "bigserial"
		}
	}
	return t
}

func sqliteType(f *gfield) string {
	switch f.DataType {
	case dtBool:
		return "numeric"
	case dtInt, dtUint:
		if f.AutoIncrement {
			return "integer PRIMARY KEY AUTOINCREMENT"
		}
		return "integer"
	case dtFloat:
		return "real"
	case dtString:
		return "text"
	case dtTime:
		if t, ok := f.Settings["TYPE"]; ok {
			return t
		}
		return "datetime"
	case dtBytes:
		return "blob"
	}
	return f.DataType
}
