// Package secret protects applicants' personal data at rest (依申请公开
// applications carry ID numbers, phones, addresses and e-mail): AES-256-GCM
// encryption with key IDs stored beside every ciphertext so keys can be
// rotated, HMAC blind indexes so repeat applicants can be found without
// decrypting, masking for lists, and the one-time query password.
// It does no I/O except reading and writing the key file.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// KeySize is the length of a master key: AES-256.
const KeySize = 32

// Key is one master key. The AES key and the blind-index key are derived
// from it, so one secret per key is all an operator keeps.
type Key struct {
	ID     string // 8 hex digits derived from the key; stored with each ciphertext
	Master []byte
	aead   cipher.AEAD // AES-256-GCM with the derived key
	blind  []byte      // derived HMAC-SHA-256 key
}

// ErrNoKey is returned when a ciphertext names a key the keyring lacks:
// the key was removed before every row was re-encrypted.
var ErrNoKey = errors.New("secret: key not in keyring")

// Keyring holds the keys in order; the first is the primary key, used for
// everything written. The others only decrypt and match blind indexes
// until `gongkai secret rotate` has moved every row to the primary.
type Keyring struct {
	keys []*Key
	byID map[string]*Key
}

// NewKey derives a Key from 32 bytes of master key.
func NewKey(master []byte) (*Key, error) {
	if len(master) != KeySize {
		return nil, fmt.Errorf("密钥长度必须为 %d 字节，实际为 %d 字节", KeySize, len(master))
	}
	sum := sha256.Sum256(append([]byte("gongkai key id\x00"), master...))
	k := &Key{ID: hex.EncodeToString(sum[:4]), Master: append([]byte(nil), master...)}
	aesKey, err := hkdf.Key(sha256.New, master, nil, "gongkai/secret/aes-256-gcm", 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(aesKey)
	if err != nil {
		return nil, err
	}
	if k.aead, err = cipher.NewGCM(block); err != nil {
		return nil, err
	}
	if k.blind, err = hkdf.Key(sha256.New, master, nil, "gongkai/secret/blind-index", 32); err != nil {
		return nil, err
	}
	return k, nil
}

// GenerateKey returns a new random key.
func GenerateKey() (*Key, error) {
	b := make([]byte, KeySize)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return NewKey(b)
}

// NewKeyring builds a keyring; keys[0] is the primary. Duplicate keys are
// dropped.
func NewKeyring(keys ...*Key) (*Keyring, error) {
	kr := &Keyring{byID: map[string]*Key{}}
	for _, k := range keys {
		if _, dup := kr.byID[k.ID]; dup {
			continue
		}
		kr.keys = append(kr.keys, k)
		kr.byID[k.ID] = k
	}
	if len(kr.keys) == 0 {
		return nil, errors.New("密钥环为空：至少需要一个密钥")
	}
	return kr, nil
}

// Primary is the key new data is written with.
func (kr *Keyring) Primary() *Key { return kr.keys[0] }

// Keys lists the keys, primary first.
func (kr *Keyring) Keys() []*Key { return append([]*Key(nil), kr.keys...) }

// IDs lists the key IDs, primary first.
func (kr *Keyring) IDs() []string {
	ids := make([]string, len(kr.keys))
	for i, k := range kr.keys {
		ids[i] = k.ID
	}
	return ids
}

// Encode renders a key for the key file or GONGKAI_KEY: "id:base64".
func (k *Key) Encode() string { return k.ID + ":" + base64.StdEncoding.EncodeToString(k.Master) }

// ParseKeys reads keys written one per line or separated by commas, each
// "id:base64" or plain base64 (the ID is derived from the key either way
// and a stated ID must match it, catching a key pasted against the wrong
// name). Blank lines and lines starting with # are ignored.
func ParseKeys(text string) ([]*Key, error) {
	var keys []*Key
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ',' })
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" || strings.HasPrefix(f, "#") {
			continue
		}
		id, b64, hasID := strings.Cut(f, ":")
		if !hasID {
			b64, id = id, ""
		}
		master, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
		if err != nil {
			return nil, fmt.Errorf("密钥不是有效的 base64 编码: %w", err)
		}
		k, err := NewKey(master)
		if err != nil {
			return nil, err
		}
		if id = strings.TrimSpace(id); id != "" && id != k.ID {
			return nil, fmt.Errorf("密钥编号 %s 与密钥内容不符（应为 %s）", id, k.ID)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, errors.New("没有找到密钥")
	}
	return keys, nil
}
