package example

import (
	"github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/global"
)

type ExaFileUploadAndDownload struct {
	global.BaseModel
	Name string `json:"name" gorm:"size:128;comment:file name"`
	Url  string `json:"url" gorm:"size:255;comment:file url"`
	Tag  string `json:"tag" gorm:"size:32;comment:file tag"`
	Key  string `json:"key" gorm:"size:64;comment:key"`
}

type ExaFile struct {
	global.BaseModel
	FileName     string         `gorm:"size:128"`
	FileMd5      string         `gorm:"size:64"`
	FilePath     string         `gorm:"size:255"`
	ExaFileChunk []ExaFileChunk `gorm:"constraint:OnDelete:CASCADE"`
	ChunkTotal   int
	IsFinish     bool
}

type ExaFileChunk struct {
	global.BaseModel
	ExaFileID       uint
	FileChunkNumber int
	FileChunkPath   string `gorm:"size:255"`
}

// ExaCustomer has no tag of its own: a model by its base.
type ExaCustomer struct {
	global.BaseModel
	CustomerName       string
	CustomerPhoneData  string
	SysUserID          uint
	SysUserAuthorityID uint
}
