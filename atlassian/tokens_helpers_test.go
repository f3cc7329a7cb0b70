package atlassian_test

import (
	"crypto/md5"
	"encoding/hex"
	"hash/crc32"
)

func crc32IEEE(s string) uint32 { return crc32.ChecksumIEEE([]byte(s)) }

func md5hex4(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:2])
}
