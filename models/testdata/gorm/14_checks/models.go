// Package checks: named and unnamed check constraints.
package checks

type Employee struct {
	ID     uint    `gorm:"primaryKey"`
	Age    int     `gorm:"check:age >= 18"`
	Salary float64 `gorm:"check:chk_salary_positive,salary > 0"`
	Email  string  `gorm:"size:191;check:email <> ''"`
	Bonus  float64 `gorm:"check:coalesce(bonus, 0) >= 0"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Employee{}}
