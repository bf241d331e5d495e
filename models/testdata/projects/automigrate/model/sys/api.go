package sys

type SysApi struct {
	ID     uint   `gorm:"primarykey"`
	Path   string `gorm:"size:200"`
	Method string `gorm:"size:10"`
}

type SysLog struct {
	ID   uint `gorm:"primarykey"`
	Body string
}
