package models_test

// The corpus of the GORM oracle: one entry per folder of testdata/gorm
// (TestOracleCorpusComplete keeps the two in step).

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/gormtest"

	basictypes "github.com/retortdb/retort/models/testdata/gorm/01_basic_types"
	nullable "github.com/retortdb/retort/models/testdata/gorm/02_nullable"
	gormmodel "github.com/retortdb/retort/models/testdata/gorm/03_gorm_model"
	columntypes "github.com/retortdb/retort/models/testdata/gorm/04_column_types"
	defaults "github.com/retortdb/retort/models/testdata/gorm/05_defaults"
	primarykeys "github.com/retortdb/retort/models/testdata/gorm/06_primary_keys"
	autoincrement "github.com/retortdb/retort/models/testdata/gorm/07_auto_increment"
	unique "github.com/retortdb/retort/models/testdata/gorm/08_unique"
	indexes "github.com/retortdb/retort/models/testdata/gorm/09_indexes"
	indexmysql "github.com/retortdb/retort/models/testdata/gorm/10_index_mysql"
	indexpartial "github.com/retortdb/retort/models/testdata/gorm/11_index_partial"
	indexpostgres "github.com/retortdb/retort/models/testdata/gorm/12_index_postgres"
	indexexpression "github.com/retortdb/retort/models/testdata/gorm/13_index_expression"
	checks "github.com/retortdb/retort/models/testdata/gorm/14_checks"
	comments "github.com/retortdb/retort/models/testdata/gorm/15_comments"
	ignoredfields "github.com/retortdb/retort/models/testdata/gorm/16_ignored_fields"
	embedded "github.com/retortdb/retort/models/testdata/gorm/17_embedded"
	autotime "github.com/retortdb/retort/models/testdata/gorm/18_auto_time"
	serializer "github.com/retortdb/retort/models/testdata/gorm/19_serializer"
	customtypes "github.com/retortdb/retort/models/testdata/gorm/20_custom_types"
	jsonbytes "github.com/retortdb/retort/models/testdata/gorm/21_json_bytes"
	tablename "github.com/retortdb/retort/models/testdata/gorm/22_table_name"
	oddnames "github.com/retortdb/retort/models/testdata/gorm/23_odd_names"
	reservedwords "github.com/retortdb/retort/models/testdata/gorm/24_reserved_words"
	belongsto "github.com/retortdb/retort/models/testdata/gorm/25_belongs_to"
	hasone "github.com/retortdb/retort/models/testdata/gorm/26_has_one"
	hasmany "github.com/retortdb/retort/models/testdata/gorm/27_has_many"
	selfreference "github.com/retortdb/retort/models/testdata/gorm/28_self_reference"
	many2many "github.com/retortdb/retort/models/testdata/gorm/29_many2many"
	ambiguousrelation "github.com/retortdb/retort/models/testdata/gorm/30_ambiguous_relation"
	dbtag "github.com/retortdb/retort/models/testdata/gorm/31_db_tag"
	polymorphic "github.com/retortdb/retort/models/testdata/gorm/32_polymorphic"
	longnames "github.com/retortdb/retort/models/testdata/gorm/33_long_names"
	retortoverride "github.com/retortdb/retort/models/testdata/gorm/34_retort_override"
	postgrestypes "github.com/retortdb/retort/models/testdata/gorm/35_postgres_types"
	mysqltypes "github.com/retortdb/retort/models/testdata/gorm/36_mysql_types"
	embeddedrelations "github.com/retortdb/retort/models/testdata/gorm/37_embedded_relations"
	indexcombos "github.com/retortdb/retort/models/testdata/gorm/38_index_combos"
	fieldedgecases "github.com/retortdb/retort/models/testdata/gorm/39_field_edge_cases"
	multipackage "github.com/retortdb/retort/models/testdata/gorm/40_multi_package"
	defaultedgecases "github.com/retortdb/retort/models/testdata/gorm/41_default_edge_cases"
	referencecycle "github.com/retortdb/retort/models/testdata/gorm/42_reference_cycle"
	impliedtypes "github.com/retortdb/retort/models/testdata/gorm/43_implied_types"
	dbdatatypes "github.com/retortdb/retort/models/testdata/gorm/44_db_data_types"
	unsizedunique "github.com/retortdb/retort/models/testdata/gorm/45_unsized_unique_index"
	relationvariants "github.com/retortdb/retort/models/testdata/gorm/46_relation_variants"
	indexnaming "github.com/retortdb/retort/models/testdata/gorm/47_index_naming"
	postgresgenerated "github.com/retortdb/retort/models/testdata/gorm/48_postgres_generated"
	shopapp "github.com/retortdb/retort/models/testdata/gorm/49_shop_app"
	hostilenames "github.com/retortdb/retort/models/testdata/gorm/50_hostile_names"
	nofk "github.com/retortdb/retort/models/testdata/gorm/51_no_foreign_keys"
	ignorerel "github.com/retortdb/retort/models/testdata/gorm/52_ignore_relationships"
	stringsize "github.com/retortdb/retort/models/testdata/gorm/53_default_string_size"
	datetimeprecision "github.com/retortdb/retort/models/testdata/gorm/54_datetime_precision"
	nodatetimeprecision "github.com/retortdb/retort/models/testdata/gorm/55_disable_datetime_precision"
	dbtypeshapes "github.com/retortdb/retort/models/testdata/gorm/56_db_data_type_shapes"
)

var oracleCases = []oracleCase{
	{"01_basic_types", basictypes.Models, nil, false},
	{"02_nullable", nullable.Models, nil, false},
	{"03_gorm_model", gormmodel.Models, nil, false},
	{"04_column_types", columntypes.Models, nil, false},
	{"05_defaults", defaults.Models, nil, false},
	{"06_primary_keys", primarykeys.Models, nil, false},
	{"07_auto_increment", autoincrement.Models, nil, false},
	{"08_unique", unique.Models, nil, false},
	{"09_indexes", indexes.Models, nil, false},
	{"10_index_mysql", indexmysql.Models, dialects(indexmysql.Dialects), false},
	{"11_index_partial", indexpartial.Models, dialects(indexpartial.Dialects), false},
	{"12_index_postgres", indexpostgres.Models, dialects(indexpostgres.Dialects), false},
	{"13_index_expression", indexexpression.Models, dialects(indexexpression.Dialects), false},
	{"14_checks", checks.Models, nil, false},
	{"15_comments", comments.Models, nil, false},
	{"16_ignored_fields", ignoredfields.Models, nil, false},
	{"17_embedded", embedded.Models, nil, false},
	{"18_auto_time", autotime.Models, nil, false},
	{"19_serializer", serializer.Models, nil, false},
	{"20_custom_types", customtypes.Models, nil, false},
	{"21_json_bytes", jsonbytes.Models, nil, false},
	{"22_table_name", tablename.Models, nil, false},
	{"23_odd_names", oddnames.Models, nil, false},
	{"24_reserved_words", reservedwords.Models, nil, false},
	{"25_belongs_to", belongsto.Models, nil, false},
	{"26_has_one", hasone.Models, nil, false},
	{"27_has_many", hasmany.Models, nil, false},
	{"28_self_reference", selfreference.Models, nil, false},
	{"29_many2many", many2many.Models, nil, false},
	{"30_ambiguous_relation", ambiguousrelation.Models, nil, false},
	{"31_db_tag", dbtag.Models, nil, false},
	{"32_polymorphic", polymorphic.Models, nil, false},
	{"33_long_names", longnames.Models, nil, false},
	{"34_retort_override", retortoverride.Models, nil, retortoverride.RetortOnly},
	{"35_postgres_types", postgrestypes.Models, dialects(postgrestypes.Dialects), false},
	{"36_mysql_types", mysqltypes.Models, dialects(mysqltypes.Dialects), false},
	{"37_embedded_relations", embeddedrelations.Models, nil, false},
	{"38_index_combos", indexcombos.Models, nil, false},
	{"39_field_edge_cases", fieldedgecases.Models, nil, false},
	{"40_multi_package", multipackage.Models, nil, false},
	{"41_default_edge_cases", defaultedgecases.Models, nil, false},
	{"42_reference_cycle", referencecycle.Models, dialects(referencecycle.Dialects), false},
	{"43_implied_types", impliedtypes.Models, nil, false},
	{"44_db_data_types", dbdatatypes.Models, nil, false},
	{"45_unsized_unique_index", unsizedunique.Models, nil, false},
	{"46_relation_variants", relationvariants.Models, nil, false},
	{"47_index_naming", indexnaming.Models, nil, false},
	{"48_postgres_generated", postgresgenerated.Models, dialects(postgresgenerated.Dialects), false},
	{"49_shop_app", shopapp.Models, nil, false},
	{"50_hostile_names", hostilenames.Models, nil, false},
	{"51_no_foreign_keys", nofk.Models, nil, false},
	{"52_ignore_relationships", ignorerel.Models, nil, false},
	{"53_default_string_size", stringsize.Models, nil, false},
	{"54_datetime_precision", datetimeprecision.Models, nil, false},
	{"55_disable_datetime_precision", nodatetimeprecision.Models, nil, false},
	{"56_db_data_type_shapes", dbtypeshapes.Models, nil, false},
}

// caseSettings are the gorm.Config and driver settings a case runs under,
// given alike to GORM and (as [models] keys would) to retort. Cases not
// listed run under GORM's defaults.
var caseSettings = map[string]oracleSettings{
	"51_no_foreign_keys":            {noForeignKeys: true},
	"52_ignore_relationships":       {ignoreRelationships: true},
	"53_default_string_size":        {defaultStringSize: 191},
	"54_datetime_precision":         {datetimePrecision: ptr(0)},
	"55_disable_datetime_precision": {disableDatetimePrecision: true},
}

// oracleSettings mirror schema.Settings, and the [models] keys of
// retort.toml, in a form the oracle_gormonly build can hold.
type oracleSettings struct {
	noForeignKeys            bool // foreign_keys = false
	ignoreRelationships      bool // ignore_relationships = true
	defaultStringSize        int  // default_string_size
	datetimePrecision        *int // datetime_precision
	disableDatetimePrecision bool // disable_datetime_precision = true
}

// gorm is the same settings as GORM's options.
func (s oracleSettings) gorm() gormtest.Options {
	return gormtest.Options{
		DisableForeignKeyConstraintWhenMigrating: s.noForeignKeys,
		IgnoreRelationshipsWhenMigrating:         s.ignoreRelationships,
		DefaultStringSize:                        uint(s.defaultStringSize),
		DefaultDatetimePrecision:                 s.datetimePrecision,
		DisableDatetimePrecision:                 s.disableDatetimePrecision,
	}
}

func ptr[T any](v T) *T { return &v }

func dialects(names []string) []dialect.Name {
	out := make([]dialect.Name, len(names))
	for i, n := range names {
		out[i] = dialect.Name(n)
	}
	return out
}
