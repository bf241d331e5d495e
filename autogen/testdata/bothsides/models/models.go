// Package models declares a many2many on both sides, with no
// AutoMigrate call to say which side GORM parses last: the join table's
// primary key order depends on it.
package models

type Student struct {
	ID      uint     `gorm:"primarykey"`
	Name    string   `gorm:"size:50"`
	Courses []Course `gorm:"many2many:enrollments"`
}

type Course struct {
	ID       uint      `gorm:"primarykey"`
	Title    string    `gorm:"size:80"`
	Students []Student `gorm:"many2many:enrollments"`
}

var (
	StudentsFirst = []any{&Student{}, &Course{}}
	CoursesFirst  = []any{&Course{}, &Student{}}
)
