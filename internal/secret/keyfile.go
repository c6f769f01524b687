package secret

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Sources of a keyring, for messages.
const (
	FromEnv     = "GONGKAI_KEY"
	FromFile    = "file"
	FromCreated = "created"
)

const keyFileHeader = `# Gongkai 个人信息加密密钥（AES-256-GCM）。第一行为主密钥，新数据用它加密；
# 其余为旧密钥，仅用于解密。轮换: gongkai secret add-key → gongkai secret rotate →
# gongkai secret remove-key 旧密钥编号。丢失此文件将无法解密申请人的个人信息，请另行安全备份。
`

// Load returns the keyring an instance runs with. env (the GONGKAI_KEY
// value: keys separated by commas, primary first) wins; otherwise the key
// file at path is read, and created with one new key (mode 0600) when it
// does not exist yet. source says which happened.
func Load(path, env string) (kr *Keyring, source string, err error) {
	if strings.TrimSpace(env) != "" {
		keys, err := ParseKeys(env)
		if err != nil {
			return nil, "", fmt.Errorf("环境变量 GONGKAI_KEY 无效: %w", err)
		}
		kr, err := NewKeyring(keys...)
		return kr, FromEnv, err
	}
	kr, err = ReadKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return kr, FromFile, err
	}
	k, err := GenerateKey()
	if err != nil {
		return nil, "", err
	}
	if err := writeKeyFile(path, []*Key{k}, true); errors.Is(err, fs.ErrExist) {
		// Another process created it first: use theirs.
		kr, err = ReadKeyFile(path)
		return kr, FromFile, err
	} else if err != nil {
		return nil, "", err
	}
	kr, err = NewKeyring(k)
	return kr, FromCreated, err
}

// ReadKeyFile reads a key file. A file others can read is refused: the key
// protects every applicant's ID number.
func ReadKeyFile(path string) (*Keyring, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("密钥文件 %s 的权限为 %v，其他用户可读；请执行 chmod 600 %s", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	keys, err := ParseKeys(string(b))
	if err != nil {
		return nil, fmt.Errorf("密钥文件 %s: %w", path, err)
	}
	return NewKeyring(keys...)
}

// AddKey generates a new key and makes it the primary in the key file,
// keeping the old keys for decryption. It returns the new key's ID.
func AddKey(path string) (string, error) {
	kr, err := ReadKeyFile(path)
	if err != nil {
		return "", err
	}
	k, err := GenerateKey()
	if err != nil {
		return "", err
	}
	return k.ID, writeKeyFile(path, append([]*Key{k}, kr.Keys()...), false)
}

// RemoveKey drops a retired key from the key file. The primary key cannot
// be removed; callers check first that no row still uses the key.
func RemoveKey(path, id string) error {
	kr, err := ReadKeyFile(path)
	if err != nil {
		return err
	}
	if kr.Primary().ID == id {
		return fmt.Errorf("不能删除主密钥 %s", id)
	}
	var keep []*Key
	for _, k := range kr.Keys() {
		if k.ID != id {
			keep = append(keep, k)
		}
	}
	if len(keep) == len(kr.keys) {
		return fmt.Errorf("密钥文件中没有编号为 %s 的密钥", id)
	}
	return writeKeyFile(path, keep, false)
}

// writeKeyFile writes the keys with mode 0600 via a temporary file and a
// rename, so a crash never leaves a half-written key file. With exclusive
// it fails instead of replacing an existing file (two instances starting
// at once must not each create a different key).
func writeKeyFile(path string, keys []*Key, exclusive bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(keyFileHeader)
	for _, k := range keys {
		b.WriteString(k.Encode())
		b.WriteByte('\n')
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".key-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if exclusive {
		// link fails when path exists, unlike rename.
		return os.Link(tmp.Name(), path)
	}
	return os.Rename(tmp.Name(), path)
}
