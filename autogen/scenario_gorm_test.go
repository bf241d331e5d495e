package autogen_test

// gormStarts lists the scenarios whose starting database is made by
// GORM's own AutoMigrate: of their old/ package, or, for the scenarios
// of gormFromModels, of their models package itself (the database is
// then in sync and the plan must be empty).

import (
	s002 "github.com/retortdb/retort/autogen/testdata/modelchanges/002_add_table_next_to_one/old"
	s003 "github.com/retortdb/retort/autogen/testdata/modelchanges/003_drop_table/old"
	s004 "github.com/retortdb/retort/autogen/testdata/modelchanges/004_drop_parent_and_child/old"
	s005 "github.com/retortdb/retort/autogen/testdata/modelchanges/005_add_nullable_column/old"
	s006 "github.com/retortdb/retort/autogen/testdata/modelchanges/006_add_column_with_default/old"
	s007 "github.com/retortdb/retort/autogen/testdata/modelchanges/007_drop_column/old"
	s008 "github.com/retortdb/retort/autogen/testdata/modelchanges/008_add_not_null_without_default/old"
	s009 "github.com/retortdb/retort/autogen/testdata/modelchanges/009_add_not_null_without_default_rows/old"
	s010 "github.com/retortdb/retort/autogen/testdata/modelchanges/010_widen_varchar/old"
	s011 "github.com/retortdb/retort/autogen/testdata/modelchanges/011_narrow_varchar/old"
	s012 "github.com/retortdb/retort/autogen/testdata/modelchanges/012_int_to_bigint/old"
	s013 "github.com/retortdb/retort/autogen/testdata/modelchanges/013_narrow_bigint_to_smallint/old"
	s014 "github.com/retortdb/retort/autogen/testdata/modelchanges/014_decimal_precision/old"
	s015 "github.com/retortdb/retort/autogen/testdata/modelchanges/015_text_to_varchar/old"
	s016 "github.com/retortdb/retort/autogen/testdata/modelchanges/016_set_not_null_with_default/old"
	s017 "github.com/retortdb/retort/autogen/testdata/modelchanges/017_drop_not_null/old"
	s018 "github.com/retortdb/retort/autogen/testdata/modelchanges/018_change_default/old"
	s019 "github.com/retortdb/retort/autogen/testdata/modelchanges/019_auto_increment_added/old"
	s020 "github.com/retortdb/retort/autogen/testdata/modelchanges/020_column_comment/old"
	s022 "github.com/retortdb/retort/autogen/testdata/modelchanges/022_generated_column_expression/old"
	s023 "github.com/retortdb/retort/autogen/testdata/modelchanges/023_add_bool_and_time_columns/old"
	s024 "github.com/retortdb/retort/autogen/testdata/modelchanges/024_primary_key_extended/old"
	s025 "github.com/retortdb/retort/autogen/testdata/modelchanges/025_primary_key_moved/old"
	s026 "github.com/retortdb/retort/autogen/testdata/modelchanges/026_add_index/old"
	s027 "github.com/retortdb/retort/autogen/testdata/modelchanges/027_drop_index/old"
	s028 "github.com/retortdb/retort/autogen/testdata/modelchanges/028_index_columns_changed/old"
	s029 "github.com/retortdb/retort/autogen/testdata/modelchanges/029_index_column_order_changed/old"
	s030 "github.com/retortdb/retort/autogen/testdata/modelchanges/030_index_becomes_unique/old"
	s031 "github.com/retortdb/retort/autogen/testdata/modelchanges/031_unique_becomes_plain_index/old"
	m032 "github.com/retortdb/retort/autogen/testdata/modelchanges/032_add_unique_constraint/models"
	s032 "github.com/retortdb/retort/autogen/testdata/modelchanges/032_add_unique_constraint/old"
	s033 "github.com/retortdb/retort/autogen/testdata/modelchanges/033_desc_index/old"
	s034 "github.com/retortdb/retort/autogen/testdata/modelchanges/034_partial_index/old"
	s035 "github.com/retortdb/retort/autogen/testdata/modelchanges/035_partial_index_predicate_changed/old"
	s036 "github.com/retortdb/retort/autogen/testdata/modelchanges/036_expression_index/old"
	s037 "github.com/retortdb/retort/autogen/testdata/modelchanges/037_mysql_prefix_index/old"
	s038 "github.com/retortdb/retort/autogen/testdata/modelchanges/038_add_foreign_key/old"
	s039 "github.com/retortdb/retort/autogen/testdata/modelchanges/039_drop_foreign_key/old"
	s040 "github.com/retortdb/retort/autogen/testdata/modelchanges/040_foreign_key_on_delete_changed/old"
	s041 "github.com/retortdb/retort/autogen/testdata/modelchanges/041_foreign_key_on_update_added/old"
	s042 "github.com/retortdb/retort/autogen/testdata/modelchanges/042_foreign_key_to_new_table/old"
	s043 "github.com/retortdb/retort/autogen/testdata/modelchanges/043_self_reference/old"
	s044 "github.com/retortdb/retort/autogen/testdata/modelchanges/044_add_many2many/old"
	s045 "github.com/retortdb/retort/autogen/testdata/modelchanges/045_add_check/old"
	s046 "github.com/retortdb/retort/autogen/testdata/modelchanges/046_check_expression_changed/old"
	s047 "github.com/retortdb/retort/autogen/testdata/modelchanges/047_drop_check/old"
	s052 "github.com/retortdb/retort/autogen/testdata/modelchanges/052_mysql_enum_values/old"
	s053 "github.com/retortdb/retort/autogen/testdata/modelchanges/053_rename_column_by_tag/old"
	s054 "github.com/retortdb/retort/autogen/testdata/modelchanges/054_rename_table_by_comment/old"
	s055 "github.com/retortdb/retort/autogen/testdata/modelchanges/055_rename_column_by_hint/old"
	s056 "github.com/retortdb/retort/autogen/testdata/modelchanges/056_rename_table_by_hint/old"
	s057 "github.com/retortdb/retort/autogen/testdata/modelchanges/057_possible_column_rename/old"
	s058 "github.com/retortdb/retort/autogen/testdata/modelchanges/058_possible_table_rename/old"
	s059 "github.com/retortdb/retort/autogen/testdata/modelchanges/059_rename_table_with_children/old"
	s060 "github.com/retortdb/retort/autogen/testdata/modelchanges/060_noop_gorm_automigrate/models"
	s061 "github.com/retortdb/retort/autogen/testdata/modelchanges/061_noop_gorm_relations/models"
	s071 "github.com/retortdb/retort/autogen/testdata/modelchanges/071_rebuild_parent_with_children/old"
	s072 "github.com/retortdb/retort/autogen/testdata/modelchanges/072_rebuild_child_keeps_rows/old"
	s073 "github.com/retortdb/retort/autogen/testdata/modelchanges/073_unmanaged_view_and_trigger/old"
	s074 "github.com/retortdb/retort/autogen/testdata/modelchanges/074_several_changes_one_table/old"
	s075 "github.com/retortdb/retort/autogen/testdata/modelchanges/075_gorm_model_added/old"
	s076 "github.com/retortdb/retort/autogen/testdata/modelchanges/076_add_generated_column/old"
	m077 "github.com/retortdb/retort/autogen/testdata/modelchanges/077_drop_unique_constraint/models"
	s077 "github.com/retortdb/retort/autogen/testdata/modelchanges/077_drop_unique_constraint/old"
	s079 "github.com/retortdb/retort/autogen/testdata/modelchanges/079_noop_with_view_and_trigger/models"
	s081 "github.com/retortdb/retort/autogen/testdata/modelchanges/081_noop_pg_identity/models"
	s083 "github.com/retortdb/retort/autogen/testdata/modelchanges/083_rename_indexed_column/old"
	s084 "github.com/retortdb/retort/autogen/testdata/modelchanges/084_key_column_types_widened/old"
	s085 "github.com/retortdb/retort/autogen/testdata/modelchanges/085_table_name_method/old"
	s086 "github.com/retortdb/retort/autogen/testdata/modelchanges/086_set_not_null_on_null_rows/old"
	s087 "github.com/retortdb/retort/autogen/testdata/modelchanges/087_noop_gorm_shop/models"
	s088 "github.com/retortdb/retort/autogen/testdata/modelchanges/088_noop_json_column/models"
	s091 "github.com/retortdb/retort/autogen/testdata/modelchanges/091_auto_increment_removed/old"
	s092 "github.com/retortdb/retort/autogen/testdata/modelchanges/092_column_comment_removed/old"
	s093 "github.com/retortdb/retort/autogen/testdata/modelchanges/093_mysql_fulltext_index/old"
	s094 "github.com/retortdb/retort/autogen/testdata/modelchanges/094_pg_gin_index/old"
	s095 "github.com/retortdb/retort/autogen/testdata/modelchanges/095_composite_unique_index/old"
	s096 "github.com/retortdb/retort/autogen/testdata/modelchanges/096_time_precision/old"
	s097 "github.com/retortdb/retort/autogen/testdata/modelchanges/097_rename_and_widen/old"
	s099 "github.com/retortdb/retort/autogen/testdata/modelchanges/099_rename_table_with_indexes/old"
	s100 "github.com/retortdb/retort/autogen/testdata/modelchanges/100_drop_indexed_column/old"
	s101 "github.com/retortdb/retort/autogen/testdata/modelchanges/101_bool_default_changed/old"
	s102 "github.com/retortdb/retort/autogen/testdata/modelchanges/102_noop_pg_uuid_default/models"
	s103 "github.com/retortdb/retort/autogen/testdata/modelchanges/103_noop_mysql_uuid_default/models"
	s104 "github.com/retortdb/retort/autogen/testdata/modelchanges/104_noop_odd_defaults/models"
	s105 "github.com/retortdb/retort/autogen/testdata/modelchanges/105_excluded_table/old"
	s106 "github.com/retortdb/retort/autogen/testdata/modelchanges/106_reserved_words/old"
	s107 "github.com/retortdb/retort/autogen/testdata/modelchanges/107_varchar_to_text/old"
	s108 "github.com/retortdb/retort/autogen/testdata/modelchanges/108_check_violated_by_rows/old"
	s109 "github.com/retortdb/retort/autogen/testdata/modelchanges/109_foreign_key_violated_by_rows/old"
)

var gormStarts = map[string][]any{
	"002_add_table_next_to_one":             s002.Models,
	"003_drop_table":                        s003.Models,
	"004_drop_parent_and_child":             s004.Models,
	"005_add_nullable_column":               s005.Models,
	"006_add_column_with_default":           s006.Models,
	"007_drop_column":                       s007.Models,
	"008_add_not_null_without_default":      s008.Models,
	"009_add_not_null_without_default_rows": s009.Models,
	"010_widen_varchar":                     s010.Models,
	"011_narrow_varchar":                    s011.Models,
	"012_int_to_bigint":                     s012.Models,
	"013_narrow_bigint_to_smallint":         s013.Models,
	"014_decimal_precision":                 s014.Models,
	"015_text_to_varchar":                   s015.Models,
	"016_set_not_null_with_default":         s016.Models,
	"017_drop_not_null":                     s017.Models,
	"018_change_default":                    s018.Models,
	"019_auto_increment_added":              s019.Models,
	"020_column_comment":                    s020.Models,
	"022_generated_column_expression":       s022.Models,
	"023_add_bool_and_time_columns":         s023.Models,
	"024_primary_key_extended":              s024.Models,
	"025_primary_key_moved":                 s025.Models,
	"026_add_index":                         s026.Models,
	"027_drop_index":                        s027.Models,
	"028_index_columns_changed":             s028.Models,
	"029_index_column_order_changed":        s029.Models,
	"030_index_becomes_unique":              s030.Models,
	"031_unique_becomes_plain_index":        s031.Models,
	"032_add_unique_constraint":             s032.Models,
	"033_desc_index":                        s033.Models,
	"034_partial_index":                     s034.Models,
	"035_partial_index_predicate_changed":   s035.Models,
	"036_expression_index":                  s036.Models,
	"037_mysql_prefix_index":                s037.Models,
	"038_add_foreign_key":                   s038.Models,
	"039_drop_foreign_key":                  s039.Models,
	"040_foreign_key_on_delete_changed":     s040.Models,
	"041_foreign_key_on_update_added":       s041.Models,
	"042_foreign_key_to_new_table":          s042.Models,
	"043_self_reference":                    s043.Models,
	"044_add_many2many":                     s044.Models,
	"045_add_check":                         s045.Models,
	"046_check_expression_changed":          s046.Models,
	"047_drop_check":                        s047.Models,
	"052_mysql_enum_values":                 s052.Models,
	"053_rename_column_by_tag":              s053.Models,
	"054_rename_table_by_comment":           s054.Models,
	"055_rename_column_by_hint":             s055.Models,
	"056_rename_table_by_hint":              s056.Models,
	"057_possible_column_rename":            s057.Models,
	"058_possible_table_rename":             s058.Models,
	"059_rename_table_with_children":        s059.Models,
	"060_noop_gorm_automigrate":             s060.Models,
	"061_noop_gorm_relations":               s061.Models,
	"071_rebuild_parent_with_children":      s071.Models,
	"072_rebuild_child_keeps_rows":          s072.Models,
	"073_unmanaged_view_and_trigger":        s073.Models,
	"074_several_changes_one_table":         s074.Models,
	"075_gorm_model_added":                  s075.Models,
	"076_add_generated_column":              s076.Models,
	"077_drop_unique_constraint":            s077.Models,
	"079_noop_with_view_and_trigger":        s079.Models,
	"081_noop_pg_identity":                  s081.Models,
	"083_rename_indexed_column":             s083.Models,
	"084_key_column_types_widened":          s084.Models,
	"085_table_name_method":                 s085.Models,
	"086_set_not_null_on_null_rows":         s086.Models,
	"087_noop_gorm_shop":                    s087.Models,
	"088_noop_json_column":                  s088.Models,
	"091_auto_increment_removed":            s091.Models,
	"092_column_comment_removed":            s092.Models,
	"093_mysql_fulltext_index":              s093.Models,
	"094_pg_gin_index":                      s094.Models,
	"095_composite_unique_index":            s095.Models,
	"096_time_precision":                    s096.Models,
	"097_rename_and_widen":                  s097.Models,
	"099_rename_table_with_indexes":         s099.Models,
	"100_drop_indexed_column":               s100.Models,
	"101_bool_default_changed":              s101.Models,
	"102_noop_pg_uuid_default":              s102.Models,
	"103_noop_mysql_uuid_default":           s103.Models,
	"104_noop_odd_defaults":                 s104.Models,
	"105_excluded_table":                    s105.Models,
	"106_reserved_words":                    s106.Models,
	"107_varchar_to_text":                   s107.Models,
	"108_check_violated_by_rows":            s108.Models,
	"109_foreign_key_violated_by_rows":      s109.Models,
}

var gormFromModels = map[string]bool{
	"060_noop_gorm_automigrate":      true,
	"061_noop_gorm_relations":        true,
	"079_noop_with_view_and_trigger": true,
	"081_noop_pg_identity":           true,
	"087_noop_gorm_shop":             true,
	"088_noop_json_column":           true,
	"102_noop_pg_uuid_default":       true,
	"103_noop_mysql_uuid_default":    true,
	"104_noop_odd_defaults":          true,
}

// gormAfter lists scenarios whose upgraded database the application's
// own start-up, GORM's AutoMigrate of the models package, must leave
// alone: no DDL. On SQLite GORM reads a column's uniqueness from the
// inline constraints of the CREATE TABLE text, which the upgrade writes
// (or takes away) by rebuilding the table.
var gormAfter = map[string][]any{
	"032_add_unique_constraint":  m032.Models,
	"077_drop_unique_constraint": m077.Models,
}
